// Importing domestic grants for system administrators: audited, and when records were added or changed,
// a background re-evaluation of the submitted disclosures is queued in the same transaction (rules may
// use grant totals). Callers authorise (lib/rules/system-admin.ts).
import 'server-only';
import { ActionError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { enqueueReevaluation } from '@/lib/rules/reevaluate';
import { importGrants } from './import';
import { GrantFormatError } from './parse';
import type { ImportGrantsInput } from './schema';

export type Origin = { ip: string | null; userAgent: string | null };

export async function importGrantsFile(actor: Actor, input: ImportGrantsInput, origin: Origin) {
  return db.$transaction(
    async (tx) => {
      let result;
      try {
        result = await importGrants(tx, { csvText: input.csvText });
      } catch (err) {
        if (err instanceof GrantFormatError) {
          throw new ActionError(`grants.errors.${err.key}`, undefined, { missing: err.missing.join(', ') });
        }
        throw err;
      }
      const taskId =
        result.added + result.updated > 0
          ? await enqueueReevaluation(tx, { reason: 'grants.imported', requestedById: actor.userId })
          : null;
      await recordAudit(tx, {
        action: 'grants.imported',
        actorId: actor.userId,
        actorEmail: actor.email,
        entityType: 'DomesticGrantImport',
        entityId: result.importId,
        ...origin,
        details: {
          fileName: input.fileName,
          added: result.added,
          updated: result.updated,
          unchanged: result.unchanged,
          rejected: result.rejected.length,
          researchers: result.researchers,
          taskId,
        },
      });
      return { ...result, rejectedCount: result.rejected.length, rejected: result.rejected.slice(0, 200), taskId };
    },
    { timeout: 120_000 },
  );
}

export async function recentGrantImports(limit = 5) {
  return db.auditEvent.findMany({
    where: { action: 'grants.imported' },
    orderBy: { id: 'desc' },
    take: limit,
    select: { id: true, occurredAt: true, actorEmail: true, details: true },
  });
}
