// The one list of job kinds a worker runs and of the schedules it keeps. Features add their entries
// here (and register task kinds with registerTask in modules imported here).
import 'server-only';

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export const JOBS: Record<string, JobHandler> = {};

export const SCHEDULES: { name: string; cron: string }[] = [];
