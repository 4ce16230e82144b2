// Every server action of the app, found in the code: each module under app/ or lib/ that starts
// with 'use server' is imported and its exports collected. A defineAction export carries its definition
// (roles, schema, handler); anything else is a public action and must be listed in PUBLIC_ACTIONS, so a
// new action cannot slip past the fuzzers.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ActionDefinition } from '@/lib/actions/action';
import type { z } from 'zod';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) yield full;
  }
}

export function serverActionFiles(): string[] {
  return [...sourceFiles(path.join(ROOT, 'app')), ...sourceFiles(path.join(ROOT, 'lib'))]
    .filter((f) => /^\s*(\/\/[^\n]*\n\s*)*['"]use server['"]/.test(readFileSync(f, 'utf8')))
    .sort();
}

export type AnyDefinition = ActionDefinition<z.ZodType, unknown>;
export interface FoundActions {
  defined: { file: string; exportName: string; def: AnyDefinition }[];
  public: { file: string; exportName: string; fn: (raw: never) => Promise<unknown> }[];
}

export async function findActions(): Promise<FoundActions> {
  const found: FoundActions = { defined: [], public: [] };
  for (const file of serverActionFiles()) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      if (typeof value !== 'function') continue;
      const def = (value as { definition?: AnyDefinition }).definition;
      const rel = path.relative(ROOT, file);
      if (def) found.defined.push({ file: rel, exportName, def });
      else found.public.push({ file: rel, exportName, fn: value as (raw: never) => Promise<unknown> });
    }
  }
  return found;
}

/** The keys an input schema reads (through optional/pipe/union wrappers), for shaped hostile inputs. */
export function schemaKeys(schema: unknown, depth = 0): string[] {
  if (!schema || typeof schema !== 'object' || depth > 6) return [];
  const s = schema as { shape?: Record<string, unknown>; _zod?: { def?: Record<string, unknown> } };
  if (s.shape && typeof s.shape === 'object') return Object.keys(s.shape);
  const def = s._zod?.def ?? {};
  const keys = new Set<string>();
  for (const inner of [def.in, def.innerType, def.schema, def.left, def.right]) for (const k of schemaKeys(inner, depth + 1)) keys.add(k);
  if (Array.isArray(def.options)) for (const o of def.options) for (const k of schemaKeys(o, depth + 1)) keys.add(k);
  return [...keys];
}
