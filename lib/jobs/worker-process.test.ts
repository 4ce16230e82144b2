import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { enqueue } from './boss';

// scripts/worker.ts, the job-worker process of `npm start` and `npm run dev`, on this file's real
// database: it works jobs, and on SIGTERM or SIGINT stops taking them and exits 0 without logging an
// error (what Ctrl-C used to print pages of).

const root = path.resolve(import.meta.dirname, '../..');

function startWorker() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/worker.ts')], {
    cwd: root,
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.scripts.json'),
      AUTH_SECRET: 'worker-test-secret-0123456789-0123456789',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const messages: unknown[] = [];
  child.on('message', (m) => messages.push(m));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (m) => m === 'ready' && resolve());
    void exited.then(({ code }) => reject(new Error(`worker exited (${code}) before it was ready:\n${output}`)));
  });
  return { child, ready, exited, messages, output: () => output };
}

const stateOf = async (id: string) =>
  (await db.$queryRawUnsafe<{ state: string }[]>('SELECT state::text FROM pgboss.job WHERE id = $1::uuid', id))[0]?.state;

async function until(what: () => Promise<boolean>, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) if (await what()) return true;
  return false;
}

const running: ReturnType<typeof startWorker>[] = [];
afterAll(() => {
  for (const w of running) if (w.child.exitCode === null) w.child.kill('SIGKILL');
});

describe('the worker process', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('works jobs, and on %s stops taking them and exits 0 with nothing logged', async (signal) => {
    const w = startWorker();
    running.push(w);
    await w.ready;

    const first = (await enqueue('mail.deliver', {}))!;
    expect(await until(async () => (await stateOf(first)) === 'completed', 20_000)).toBe(true);

    w.child.kill(signal);
    expect(await w.exited).toEqual({ code: 0, signal: null });
    expect(w.messages).toEqual(['ready', 'stopped']);
    expect(w.output()).toBe('');

    // Stopped means stopped: a job sent now waits for the next worker (the mail.deliver worker polls every 5 s).
    const later = (await enqueue('mail.deliver', {}))!;
    await new Promise((r) => setTimeout(r, 7_000));
    expect(await stateOf(later)).toBe('created');
  }, 90_000);
});
