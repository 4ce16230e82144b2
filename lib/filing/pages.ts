// For the filing pages: the signed-in researcher and one of their disclosures, or the same audited 404
// as a page that does not exist. Cached per request, so a page and its parts load (and deny) once.
import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import { NotFoundError } from '@/lib/errors';
import { deny, requireRole } from '@/lib/auth/actor';
import { versionHistory } from './versions';
import { filingView } from './view';

const isUuid = (id: string) => z.uuid().safeParse(id).success;

async function guarded<T>(id: string, load: (actor: Awaited<ReturnType<typeof requireRole>>) => Promise<T>) {
  const actor = await requireRole('RESEARCHER');
  if (!isUuid(id)) return deny(actor, 'disclosure:file', `Disclosure:${id}`);
  try {
    return { actor, data: await load(actor) };
  } catch (err) {
    if (err instanceof NotFoundError) return deny(actor, 'disclosure:file', err.resource);
    throw err;
  }
}

export const loadFiling = cache((id: string) => guarded(id, (actor) => filingView(actor, id)));

export const loadVersions = cache((id: string) => guarded(id, (actor) => versionHistory(actor, id)));
