// Registers the rules feature's background task kinds (imported by lib/jobs/handlers.ts).
import 'server-only';
import { registerTask } from '@/lib/jobs/tasks';
import { DRY_RUN_TASK, runDryRunTask } from './dry-run';
import { REEVALUATE_TASK, runReevaluation } from './reevaluate';

registerTask(REEVALUATE_TASK, runReevaluation);
registerTask(DRY_RUN_TASK, runDryRunTask);
