// Loading one of the actor's disclosures inside a transaction, with the row lock the change needs:
// saves take a shared lock and submissions an exclusive one, so a save can never land in a draft that
// a concurrent submission has already frozen (it waits, then finds the disclosure submitted).
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { type Tx, db } from '@/lib/db/client';
import type { FilingState } from './workflow';
import { ownDisclosure } from './scope';

export type Client = Tx | typeof db;

/** Runs `fn` in the caller's transaction when given one (the demo seed), else in a new one. */
export function inTransaction<T>(client: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return client ? fn(client) : db.$transaction(fn, { maxWait: 10_000, timeout: 30_000 });
}

const filingSelect = {
  id: true,
  cycleId: true,
  researcherId: true,
  institutionId: true,
  departmentId: true,
  status: true,
  stateVersion: true,
  lastSubmittedAt: true,
  cycle: {
    select: { id: true, status: true, formVersion: true, attestationJa: true, attestationEn: true, code: true },
  },
  _count: { select: { sections: true, versions: true } },
} as const;

export async function loadForChange(tx: Tx, actor: Actor, disclosureId: string, lock: 'share' | 'update') {
  const found = await tx.disclosure.findFirst({ where: ownDisclosure(actor, disclosureId), select: { id: true } });
  if (!found) throw new NotFoundError(`Disclosure:${disclosureId}`);
  if (lock === 'update') await tx.$queryRaw`SELECT 1 FROM "Disclosure" WHERE id = ${disclosureId}::uuid FOR UPDATE`;
  else await tx.$queryRaw`SELECT 1 FROM "Disclosure" WHERE id = ${disclosureId}::uuid FOR SHARE`;
  const d = await tx.disclosure.findUniqueOrThrow({ where: { id: disclosureId }, select: filingSelect });
  return { ...d, state: stateOf(d) };
}

export function stateOf(d: {
  status: FilingState['status'];
  cycle: { status: FilingState['cycleStatus'] };
  _count: { sections: number; versions: number };
}): FilingState {
  return {
    status: d.status,
    cycleStatus: d.cycle.status,
    hasDraftRows: d._count.sections > 0,
    versionCount: d._count.versions,
  };
}

/**
 * When the last version was written (its transaction's start): attachments created up to then are part
 * of a submitted version and can no longer be removed.
 */
export async function lastVersionAt(tx: Pick<Tx, 'disclosureVersion'>, disclosureId: string): Promise<Date | null> {
  const last = await tx.disclosureVersion.findFirst({
    where: { disclosureId },
    orderBy: { number: 'desc' },
    select: { createdAt: true },
  });
  return last?.createdAt ?? null;
}
