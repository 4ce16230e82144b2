// Start-up of a server process: stamp the socket peer on every request, refuse to start on invalid
// configuration (a message naming each bad variable), then start the background workers unless
// KAIJI_WORKERS=0.
import 'server-only';
import { defaultEnv, env, rawEnv } from '@/lib/env';
import { installPeerStamp } from '@/lib/security/peer-address';

export async function startServerProcess(): Promise<void> {
  // Before any request: the socket peer must be known to every route (client address, throttling).
  installPeerStamp();
  try {
    // next-auth takes its own URL from NEXTAUTH_URL; APP_URL is the one place a deployment sets it.
    defaultEnv('NEXTAUTH_URL', env().APP_URL);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  // Workers run in every app process unless turned off; pg-boss gives each job to exactly one.
  if (rawEnv('KAIJI_WORKERS') !== '0' && rawEnv('NEXT_PHASE') !== 'phase-production-build') {
    const { startWorkers } = await import('@/lib/jobs/worker');
    startWorkers().catch((err) => console.error('[jobs] workers did not start:', err));
  }
}
