// The dependency rule of eslint.config.mjs: app → components → lib, never back. ESLint's own Node API
// lints small sources as if they were files in components/ and lib/, with the project's real config.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('no upward imports (lint)', () => {
  it('fails a component or a lib module that imports from app/', async () => {
    const upward = "import { decideAction } from '@/app/(app)/review/[id]/actions';\nexport const a = decideAction;\n";
    for (const file of ['components/review/x.tsx', 'lib/review/x.ts', 'lib/review/x.test.ts']) {
      const messages = await restrictedImports(file, upward);
      expect(messages, file).toHaveLength(1);
      expect(messages[0]).toMatch(/app → components → lib/);
    }
    expect(await restrictedImports('lib/review/x.ts', "export { GET } from '@/app/api/health/route';\n")).toHaveLength(1);
  }, 60_000);

  it('lets app/ import anything and lib/ import lib/', async () => {
    expect(await restrictedImports('app/(app)/review/[id]/x.tsx', "import { decideAction } from '@/app/(app)/review/[id]/actions';\nexport const a = decideAction;\n")).toEqual([]);
    expect(await restrictedImports('components/review/x.tsx', "import { decideAction } from '@/lib/review/actions';\nexport const a = decideAction;\n")).toEqual([]);
  }, 60_000);
});
