// Suggestions for "current and pending support" from the domestic grants Kaiji already holds: the
// imported records (one per fiscal year) of the e-Rad number on the researcher's own profile, grouped by
// project, for projects still running in the cycle's fiscal year. Accepting one adds a support item
// filled from the records (period, total amount, role, project number, funder) and links it to them;
// dismissing one stops it being suggested again, in every later cycle too.
//
// Scope: the e-Rad number comes from the researcher's profile, which only administrators (or the HR
// roster) set and which is unique, never from what the draft says; and the profile must belong to the
// disclosure's institution. A researcher therefore sees only grants imported for themselves, as a member
// of the institution they are filing for.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { ActionError, NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import type { AuditAction } from '@/lib/audit/actions';
import { auditDisclosure } from '@/lib/audit/by';
import { type Tx, db } from '@/lib/db/client';
import type { DraftContent } from '@/lib/disclosures/sections';
import type { supportRoles } from '@/lib/disclosures/support';
import { notEditableKey } from './save-section';
import { refusal, auditRefusals } from './refused';
import type { Origin } from '@/lib/audit/record';
import { ownDisclosure } from './scope';
import { inTransaction, loadForChange } from './state';
import { currentDraft } from './submit';
import { editability } from './workflow';

export type GrantSuggestion = {
  funder: string;
  projectNumber: string;
  title: string | null;
  role: (typeof supportRoles)[number];
  startDate: string;
  endDate: string;
  /** Whole yen over every imported fiscal year, as a decimal string (amounts can exceed 2^53 in sum). */
  totalJpy: string;
  years: { fiscalYear: number; amountJpy: string }[];
};

const ROLE: Record<string, GrantSuggestion['role']> = {
  PRINCIPAL_INVESTIGATOR: 'PRINCIPAL_INVESTIGATOR',
  CO_INVESTIGATOR: 'CO_INVESTIGATOR',
};

/** The funders Kaiji imports, as the support item's source of support. */
const SOURCES: Record<string, { name: string; nameLocal: string; country: 'JP' }> = {
  KAKENHI: { name: 'Japan Society for the Promotion of Science (KAKENHI)', nameLocal: '日本学術振興会（科研費）', country: 'JP' },
};

type Client = Tx | typeof db;

async function suggestionsFor(
  client: Client,
  actor: Actor,
  d: { id: string; institutionId: string; fiscalYear: number },
  support: DraftContent['support'],
): Promise<GrantSuggestion[]> {
  const profile = await client.researcherProfile.findUnique({
    where: { userId: actor.userId },
    select: { eradNumber: true, institutionId: true },
  });
  if (!profile?.eradNumber || profile.institutionId !== d.institutionId) return [];
  const [records, answered] = await Promise.all([
    client.domesticGrant.findMany({
      where: { eradNumber: profile.eradNumber },
      select: { funder: true, projectNumber: true, fiscalYear: true, role: true, title: true, amountJpy: true },
      orderBy: [{ projectNumber: 'asc' }, { fiscalYear: 'asc' }],
    }),
    client.grantSuggestion.findMany({ where: { researcherId: actor.userId }, select: { funder: true, projectNumber: true } }),
  ]);
  const skip = new Set(answered.map((a) => `${a.funder}|${a.projectNumber}`));
  // Already in the draft under its project number (typed by hand, or carried from last year): not suggested twice.
  const inDraft = new Set(support.items.map((i) => i.awardNumber?.trim()).filter(Boolean));
  const byProject = new Map<string, typeof records>();
  for (const r of records) {
    const key = `${r.funder}|${r.projectNumber}`;
    if (skip.has(key) || inDraft.has(r.projectNumber)) continue;
    byProject.set(key, [...(byProject.get(key) ?? []), r]);
  }
  const out: GrantSuggestion[] = [];
  for (const rows of byProject.values()) {
    const first = rows[0]!;
    const years = [...new Map(rows.map((r) => [r.fiscalYear, 0n])).keys()].sort((a, b) => a - b);
    const lastYear = years.at(-1)!;
    if (lastYear < d.fiscalYear) continue; // ended before this cycle's year: not current support
    const total = rows.reduce((sum, r) => sum + r.amountJpy, 0n);
    const perYear = years.map((fy) => ({
      fiscalYear: fy,
      amountJpy: rows.filter((r) => r.fiscalYear === fy).reduce((s, r) => s + r.amountJpy, 0n).toString(),
    }));
    out.push({
      funder: first.funder,
      projectNumber: first.projectNumber,
      title: rows.findLast((r) => r.title)?.title ?? null,
      role: ROLE[first.role] ?? 'OTHER',
      startDate: `${years[0]}-04-01`,
      endDate: `${lastYear + 1}-03-31`,
      totalJpy: total.toString(),
      years: perYear,
    });
  }
  return out;
}

/** The suggestions shown on the support section of one of the actor's disclosures. */
export async function grantSuggestions(actor: Actor, disclosureId: string): Promise<GrantSuggestion[]> {
  const d = await db.disclosure.findFirst({
    where: ownDisclosure(actor, disclosureId),
    select: { id: true, institutionId: true, cycle: { select: { fiscalYear: true } } },
  });
  if (!d) throw new NotFoundError(`Disclosure:${disclosureId}`);
  const draft = await db.$transaction((tx) => currentDraft(tx, d.id));
  return suggestionsFor(db, actor, { id: d.id, institutionId: d.institutionId, fiscalYear: d.cycle.fiscalYear }, draft.content.support);
}

type Answer = { disclosureId: string; funder: string; projectNumber: string };

async function answerable(tx: Tx, actor: Actor, input: Answer, origin: Origin, action: AuditAction) {
  const d = await loadForChange(tx, actor, input.disclosureId, 'share');
  const editable = editability(d.state);
  if (!editable.editable) {
    throw refusal(notEditableKey(editable.reason), actor, origin, {
      action,
      entityType: 'Disclosure',
      entityId: d.id,
      institutionId: d.institutionId,
      reason: editable.reason,
    });
  }
  const cycle = await tx.disclosureCycle.findUniqueOrThrow({ where: { id: d.cycleId }, select: { fiscalYear: true } });
  const draft = await currentDraft(tx, d.id);
  const suggestions = await suggestionsFor(tx, actor, { id: d.id, institutionId: d.institutionId, fiscalYear: cycle.fiscalYear }, draft.content.support);
  // Anything not among the actor's own suggestions answers as if it did not exist.
  const suggestion = suggestions.find((s) => s.funder === input.funder && s.projectNumber === input.projectNumber);
  if (!suggestion) throw new NotFoundError(`GrantSuggestion:${input.funder}/${input.projectNumber}`);
  return { d, draft, suggestion };
}

export async function acceptGrantSuggestion(actor: Actor, input: Answer, origin: Origin, client?: Tx) {
  return auditRefusals(() =>
    inTransaction(client, async (tx) => {
      const { d, draft, suggestion } = await answerable(tx, actor, input, origin, 'disclosure.grant.accept');
      const institution = await tx.institution.findUniqueOrThrow({ where: { id: d.institutionId }, select: { nameEn: true, nameJa: true, country: true } });
      const itemId = randomUUID();
      const total = BigInt(suggestion.totalJpy);
      const item = {
        id: itemId,
        title: suggestion.title ?? suggestion.projectNumber,
        status: 'CURRENT',
        role: suggestion.role,
        awardNumber: suggestion.projectNumber,
        source: SOURCES[suggestion.funder] ?? { name: suggestion.funder, country: 'JP' },
        placeOfPerformance: { name: institution.nameEn, nameLocal: institution.nameJa, country: institution.country },
        startDate: suggestion.startDate,
        endDate: suggestion.endDate,
        ...(total <= BigInt(Number.MAX_SAFE_INTEGER) ? { totalAmount: { amountMinor: Number(total), currency: 'JPY' } } : {}),
        personMonthsPerYear: [],
        inKind: false,
      };
      const support = { nothingToDisclose: false, items: [...draft.content.support.items, item] };
      const revision = draft.revisions.support;
      const written =
        revision === 0
          ? await tx.$executeRaw`
              INSERT INTO "DisclosureSection" ("disclosureId", key, data, revision, "updatedAt")
              VALUES (${d.id}::uuid, 'support', ${JSON.stringify(support)}::jsonb, 1, now())
              ON CONFLICT ("disclosureId", key) DO NOTHING`
          : (
              await tx.disclosureSection.updateMany({
                where: { disclosureId: d.id, key: 'support', revision },
                data: { data: support as object, revision: { increment: 1 } },
              })
            ).count;
      if (written !== 1) throw new ActionError('errors.staleWrite');
      await tx.grantSuggestion.create({
        data: { researcherId: actor.userId, funder: suggestion.funder, projectNumber: suggestion.projectNumber, decision: 'ACCEPTED', disclosureId: d.id, itemId },
      });
      await auditDisclosure(tx, actor, origin, d, 'disclosure.grant.accept', { funder: suggestion.funder, projectNumber: suggestion.projectNumber, itemId });
      return { itemId, revision: revision + 1 };
    }),
  );
}

export async function dismissGrantSuggestion(actor: Actor, input: Answer, origin: Origin, client?: Tx) {
  return auditRefusals(() =>
    inTransaction(client, async (tx) => {
      const { d, suggestion } = await answerable(tx, actor, input, origin, 'disclosure.grant.dismiss');
      await tx.grantSuggestion.create({
        data: { researcherId: actor.userId, funder: suggestion.funder, projectNumber: suggestion.projectNumber, decision: 'DISMISSED', disclosureId: d.id },
      });
      await auditDisclosure(tx, actor, origin, d, 'disclosure.grant.dismiss', { funder: suggestion.funder, projectNumber: suggestion.projectNumber });
      return { dismissed: true };
    }),
  );
}

/** Support items of a disclosure that came from imported grants, by item id: what the form marks as linked. */
export async function linkedGrants(disclosureId: string): Promise<Record<string, { funder: string; projectNumber: string }>> {
  const rows = await db.grantSuggestion.findMany({
    where: { disclosureId, decision: 'ACCEPTED', itemId: { not: null } },
    select: { itemId: true, funder: true, projectNumber: true },
  });
  return Object.fromEntries(rows.map((r) => [r.itemId!, { funder: r.funder, projectNumber: r.projectNumber }]));
}
