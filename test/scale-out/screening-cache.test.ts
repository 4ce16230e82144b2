import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { screenOrganisation } from '@/lib/watchlists/screen';

// These tests start real processes (tsx, node): seconds each on an idle machine, far more on a loaded one.
vi.setConfig({ testTimeout: 120_000 });

// Scale-out: the compiled screening index is a per-process cache keyed by the list revision that
// PostgreSQL keeps. Two processes on one database — this test process and a child process, each with
// its own index — must each see a change made by the other at their next screening.

const root = path.resolve(import.meta.dirname, '../..');
let child: ChildProcessWithoutNullStreams;
let lines: AsyncIterator<string>;
let watchlistId = '';

async function ask(command: string): Promise<{ names?: string[]; ok?: boolean; error?: string }> {
  child.stdin.write(`${command}\n`);
  const next = await lines.next();
  if (next.done) throw new Error('the second process ended');
  return JSON.parse(next.value) as { names?: string[] };
}

const here = async (name: string) => (await screenOrganisation(name)).map((m) => m.entry.name);

beforeAll(async () => {
  const w = await db.watchlist.create({
    data: { code: `two-process-${Date.now()}`, nameJa: '二プロセス', nameEn: 'Two-process test list', source: 'test', isSample: true },
  });
  watchlistId = w.id;
  child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/scale-out/screening-child.ts')], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.scripts.json'), KAIJI_WORKERS: '0' },
  });
  child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
  lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
});

afterAll(async () => {
  child?.stdin.write('exit\n');
  child?.kill();
});

describe('the screening cache across two processes on one PostgreSQL', () => {
  it('an entry added in one process is matched by the other, and a retirement there is seen here', async () => {
    const name = 'Zentravo Hypersonics Research Institute';
    // Both processes compile their index while the entry does not exist.
    expect(await ask(`screen ${name}`)).toEqual({ names: [] });
    expect(await here(name)).toEqual([]);

    // This process adds the entry: the other process's cached index must not be served any more.
    await db.watchlistEntry.create({ data: { watchlistId, reference: 'Z1', name, searchText: '' } });
    expect(await ask(`screen ${name}`)).toEqual({ names: [name] });
    expect(await here(name)).toEqual([name]);

    // The other process retires it: this process's cached index must not be served any more.
    expect(await ask(`retire ${watchlistId} Z1`)).toEqual({ ok: true });
    expect(await here(name)).toEqual([]);
    expect(await ask(`screen ${name}`)).toEqual({ names: [] });
  });
});
