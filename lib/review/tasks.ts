// Registers the review feature's background task kinds (imported by lib/jobs/handlers.ts).
import 'server-only';
import { registerTask } from '@/lib/jobs/tasks';
import { SEARCH_REFRESH_TASK, runSearchRefresh } from './search-refresh';

registerTask(SEARCH_REFRESH_TASK, runSearchRefresh);
