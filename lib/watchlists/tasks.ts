// Registers the watchlists' background task kinds (imported by lib/jobs/handlers.ts).
import 'server-only';
import { registerTask } from '@/lib/jobs/tasks';
import { RESCREEN_TASK, runRescreen } from './rescreen';

registerTask(RESCREEN_TASK, runRescreen);
