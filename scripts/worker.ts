// The job workers in a process of their own: `npm start` and `npm run dev` run the web server with
// KAIJI_WORKERS=0 and this beside it, so that Ctrl-C can stop them in order: the web server, then these
// workers, then PostgreSQL. On SIGTERM or SIGINT it stops taking jobs, lets a running one finish and
// exits 0. Tells its parent when it is working (IPC message 'ready') or stopped ('stopped').
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { startWorkers, stopWorkers } from '@/lib/jobs/worker';

try {
  env();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  let code = 0;
  try {
    await stopWorkers();
    await db.$disconnect();
  } catch (err) {
    console.error(`[jobs] the workers did not stop cleanly: ${(err as Error).message}`);
    code = 1;
  }
  process.send?.('stopped');
  process.exit(code);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
// A parent that dies without stopping us (killed) closes the IPC channel: stop rather than linger.
process.on('disconnect', () => void stop());

try {
  await startWorkers();
  process.send?.('ready');
} catch (err) {
  console.error(`[jobs] the workers did not start: ${(err as Error).message}`);
  process.exit(1);
}
