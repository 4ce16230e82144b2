// Content hashes: SHA-256 over the canonical JSON of a content (keys sorted at every depth), so equal
// content always hashes the same whatever order its keys were written in.
import 'server-only';
import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/audit/hash';

export function contentHash(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
