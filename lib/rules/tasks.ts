// Registers the rules feature's background task kinds (imported by lib/jobs/handlers.ts).
import 'server-only';
import { registerTask } from '@/lib/jobs/tasks';
import { REEVALUATE_TASK, runReevaluation } from './reevaluate';

registerTask(REEVALUATE_TASK, runReevaluation);
