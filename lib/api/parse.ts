// Parses a request's query (and path) against its operation's schema. Unknown parameters and repeated
// single-valued ones are refused, like invalid values, with the parameter's public name in the problem.
import type { z } from 'zod';
import type { ParameterError } from './problem';
import { REPEATABLE } from './query-schemas';

export class ParameterProblem extends Error {
  constructor(readonly errors: ParameterError[]) {
    super(errors.map((e) => `${e.parameter}: ${e.message}`).join('; '));
  }
}

/** A parameter name as it may be echoed back: printable, short. */
function shown(name: string): string {
  const clean = name.replace(/[^\x20-\x7E]/g, '?');
  return clean.length > 64 ? `${clean.slice(0, 64)}…` : clean;
}

function issuesToErrors(issues: z.core.$ZodIssue[]): ParameterError[] {
  return issues.map((i) => {
    const key = i.path[0];
    if (i.code === 'unrecognized_keys') return { parameter: shown(i.keys[0] ?? ''), message: 'is not a parameter of this operation' };
    return { parameter: typeof key === 'string' ? key : '', message: i.message };
  });
}

export function parseQuery<S extends z.ZodObject>(schema: S, params: URLSearchParams): z.output<S> {
  const errors: ParameterError[] = [];
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (!(key in schema.shape)) errors.push({ parameter: shown(key), message: 'is not a parameter of this operation' });
    else if (REPEATABLE.has(key)) raw[key] = values;
    else if (values.length > 1) errors.push({ parameter: key, message: 'may be given only once' });
    else raw[key] = values[0]!;
  }
  if (errors.length) throw new ParameterProblem(errors);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ParameterProblem(issuesToErrors(parsed.error.issues));
  return parsed.data;
}

export function parsePath<S extends z.ZodObject>(schema: S, params: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new ParameterProblem(issuesToErrors(parsed.error.issues));
  return parsed.data;
}
