import 'server-only';
import { createHash } from 'node:crypto';
import type { ParsedEntry, RejectedRow } from './types';

/**
 * A reference for lists that have no stable id of their own: a prefix and a hash of the entry's
 * normalised main name. Same name, same reference, in every edition.
 */
export function nameReference(prefix: string, key: string): string {
  return `${prefix}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/**
 * Makes references unique within one file. A clash between two different entries (two lists of
 * names behind one main name) is settled by hashing all their names; an entry that still clashes is
 * a duplicate and is rejected, never merged silently.
 */
export function uniqueReferences(
  entries: ParsedEntry[],
  fallbackKey: (entry: ParsedEntry) => string,
  prefix: string,
): { entries: ParsedEntry[]; rejected: RejectedRow[] } {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.reference, (counts.get(e.reference) ?? 0) + 1);
  const firstLine = new Map<string, number>();
  const out: ParsedEntry[] = [];
  const rejected: RejectedRow[] = [];
  for (const e of entries) {
    const reference = (counts.get(e.reference) ?? 0) > 1 ? nameReference(prefix, fallbackKey(e)) : e.reference;
    const seen = firstLine.get(reference);
    if (seen !== undefined) {
      rejected.push({ line: e.line, reason: `duplicate of the entry on line ${seen} (same names)` });
      continue;
    }
    firstLine.set(reference, e.line);
    out.push({ ...e, reference });
  }
  return { entries: out, rejected };
}
