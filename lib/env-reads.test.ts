// Every environment variable the app reads goes through lib/env.ts (env() or rawEnv()), so the list
// there is complete and a new variable cannot be read without being declared. Two files outside lib/
// and app/ are the documented exceptions (README, configuration).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES, INTERNAL_VARIABLES, rawEnv } from './env';

const root = path.resolve(import.meta.dirname, '..');

function* sources(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated' && entry.name !== 'node_modules') yield* sources(full);
    } else if (/\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}

describe('environment variables', () => {
  it('are read only in lib/env.ts across lib/ and app/', () => {
    const readers = [...sources(path.join(root, 'lib')), ...sources(path.join(root, 'app'))]
      .filter((f) => f !== path.join(root, 'lib/env.ts') && /process\.env/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(readers).toEqual([]);
  });

  it('rawEnv reads a declared variable as set, unparsed', () => {
    expect(new Set([...ENV_VARIABLES, ...INTERNAL_VARIABLES]).size).toBe(ENV_VARIABLES.length + INTERNAL_VARIABLES.length);
    const before = process.env.KAIJI_ROOT;
    process.env.KAIJI_ROOT = ' /srv/kaiji ';
    try {
      expect(rawEnv('KAIJI_ROOT')).toBe(' /srv/kaiji ');
    } finally {
      if (before === undefined) delete process.env.KAIJI_ROOT;
      else process.env.KAIJI_ROOT = before;
    }
    expect(rawEnv('DATABASE_URL')).toBe(process.env.DATABASE_URL);
  });
});
