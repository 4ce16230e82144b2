// The sealer loop: seals finished audit events every few seconds in each process that runs the job
// workers (the worker process of `npm start`, or an app process with workers on). Several processes may
// run it at once: sealOnce takes the sealer's advisory lock, so they take turns and never seal an event
// twice. It is a loop of its own rather than a queued job because a job would have to loop for most of
// its minute (pg-boss schedules at most once a minute), which a shutdown then has to wait out.
import 'server-only';
import { sealPending } from './seal';

export interface SealerHandle {
  /** Stops after the current round (if any) and resolves when the loop has ended. */
  stop(): Promise<void>;
}

export function startSealer({ everyMs = 2000, onError = (err: unknown) => console.error('[audit] sealing failed:', err) } = {}): SealerHandle {
  let stopped = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      await sealPending().catch(onError);
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, everyMs);
        timer.unref();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();
  return {
    async stop() {
      stopped = true;
      (wake as (() => void) | null)?.();
      await loop;
    },
  };
}
