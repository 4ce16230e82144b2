// Runs once when a server process starts: refuse to start on invalid configuration, with a message
// naming each bad variable.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('@/lib/env');
  try {
    env();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  // Background workers run in every app process unless turned off; pg-boss gives each job to one.
  if (process.env.KAIJI_WORKERS !== '0' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startWorkers } = await import('@/lib/jobs/worker');
    startWorkers().catch((err) => console.error('[jobs] workers did not start:', err));
  }
}
