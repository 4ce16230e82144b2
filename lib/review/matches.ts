// Watchlist matches on the review page, and the officer's decision on one: confirm (the organisation is
// the listed one) or dismiss (a different organisation with a similar name). The screening match
// (EntityMatch: organisation and entry) is shared; the decision belongs to the officer's institution
// (MatchDecision, one per match and institution), so it is remembered for every disclosure of that
// institution naming the organisation, never shown to or applied for another institution, and
// re-screening never resets it.
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit/record';
import { type Tx, db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { recheckDisclosure } from '@/lib/rules/check';
import { organisationKeyOf } from '@/lib/watchlists/record-matches';
import type { Origin } from './decide';
import { PENDING_COUNT_SQL } from './pending-count';
import { reviewable } from './scope';
import type { MatchDecisionInput } from './schemas';

type Client = Tx | typeof db;

/** The organisations a disclosure names in its latest version, with their decision keys. */
async function latestOrganisations(client: Client, disclosureId: string) {
  const latest = await client.disclosureVersion.findFirst({ where: { disclosureId }, orderBy: { number: 'desc' }, select: { id: true } });
  if (!latest) return [];
  const orgs = await client.disclosureOrganisation.findMany({
    where: { disclosureId, versionId: latest.id },
    select: { name: true, entityId: true, country: true, itemRef: true },
    orderBy: { name: 'asc' },
  });
  return orgs.map((o) => ({ ...o, key: organisationKeyOf(o) }));
}

export interface MatchView {
  id: string;
  organisationKey: string;
  /** The names this disclosure used for the organisation. */
  disclosedNames: string[];
  itemRefs: string[];
  score: number;
  matchedNames: string[];
  status: 'PENDING' | 'CONFIRMED' | 'DISMISSED';
  note: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  entry: { name: string; nameJa: string | null; reference: string; country: string | null; concern: string | null; retired: boolean };
  watchlist: { code: string; nameJa: string; nameEn: string; isSample: boolean; kind: 'WATCHLIST' | 'GROUP' };
}

/** Matches for the organisations of a disclosure in the actor's review scope (caller has checked it). */
export async function matchesFor(actor: Actor, disclosureId: string): Promise<MatchView[]> {
  const found = await db.disclosure.findFirst({ where: reviewable(actor, disclosureId), select: { id: true, institutionId: true } });
  if (!found) return [];
  const orgs = await latestOrganisations(db, disclosureId);
  if (!orgs.length) return [];
  const matches = await db.entityMatch.findMany({
    where: { organisationKey: { in: [...new Set(orgs.map((o) => o.key))] } },
    orderBy: [{ score: 'desc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      organisationKey: true,
      score: true,
      matchedNames: true,
      // Only the disclosure's own institution's decision: another institution's is not this one's business.
      decisions: { where: { institutionId: found.institutionId }, select: { status: true, note: true, decidedAt: true, decidedById: true } },
      watchlistEntry: {
        select: {
          name: true,
          nameJa: true,
          reference: true,
          country: true,
          concern: true,
          retiredAt: true,
          watchlist: { select: { code: true, nameJa: true, nameEn: true, isSample: true, kind: true } },
        },
      },
    },
  });
  const deciders = await db.user.findMany({
    where: { id: { in: matches.flatMap((m) => m.decisions.map((x) => x.decidedById)) } },
    select: { id: true, displayName: true },
  });
  const names = new Map(deciders.map((u) => [u.id, u.displayName]));
  const order = { PENDING: 0, CONFIRMED: 1, DISMISSED: 2 } as const;
  return matches
    .map((m): MatchView => {
      const mine = orgs.filter((o) => o.key === m.organisationKey);
      const { watchlist, retiredAt, ...entry } = m.watchlistEntry;
      const decision = m.decisions[0];
      return {
        id: m.id,
        organisationKey: m.organisationKey,
        disclosedNames: [...new Set(mine.map((o) => o.name))],
        itemRefs: mine.map((o) => o.itemRef),
        score: m.score,
        matchedNames: m.matchedNames,
        status: decision?.status ?? 'PENDING',
        note: decision?.note ?? null,
        decidedAt: decision?.decidedAt ?? null,
        decidedBy: decision ? (names.get(decision.decidedById) ?? null) : null,
        entry: { ...entry, retired: !!retiredAt && retiredAt <= new Date() },
        watchlist,
      };
    })
    .sort((a, b) => order[a.status] - order[b.status]);
}

/** The organisation-key condition on DisclosureOrganisation `o2` that can use its indexes. */
function keyCondition(key: string): Prisma.Sql {
  if (key.startsWith('entity:')) return Prisma.sql`o2."entityId" = ${key.slice('entity:'.length)}::uuid`;
  return Prisma.sql`o2."entityId" IS NULL AND o2."normalizedName" = ${key.slice('name:'.length)}`;
}

/**
 * Recounts Disclosure.pendingMatches (matches of the latest version's organisations, entry still listed,
 * that the disclosure's own institution has not decided) for the institution's disclosures naming the
 * organisation. Returns how many changed.
 */
export async function recountPendingMatches(tx: Tx, institutionId: string, organisationKey: string): Promise<number> {
  return tx.$executeRaw(Prisma.sql`
    UPDATE "Disclosure" d SET "pendingMatches" = sub.n, "updatedAt" = now()
    FROM (
      SELECT x.id, (${PENDING_COUNT_SQL})::int AS n
      FROM "Disclosure" x
      WHERE x.id IN (SELECT o2."disclosureId" FROM "DisclosureOrganisation" o2 WHERE ${keyCondition(organisationKey)})
        AND x."institutionId" = ${institutionId}::uuid
    ) sub
    WHERE d.id = sub.id AND d."pendingMatches" <> sub.n`);
}

export async function decideMatch(actor: Actor, input: Required<MatchDecisionInput>, origin: Origin) {
  return db.$transaction(
    async (tx) => {
      const d = await tx.disclosure.findFirst({ where: reviewable(actor, input.disclosureId), select: { id: true, institutionId: true } });
      if (!d) throw new NotFoundError(`Disclosure:${input.disclosureId}`);
      const orgs = await latestOrganisations(tx, d.id);
      const m = await tx.entityMatch.findFirst({
        where: { id: input.matchId, organisationKey: { in: [...new Set(orgs.map((o) => o.key))] } },
        select: { id: true, organisationKey: true, organisationName: true, watchlistEntryId: true, score: true },
      });
      // A match that does not concern this disclosure is not the officer's to decide through it.
      if (!m) throw new NotFoundError(`EntityMatch:${input.matchId}`);
      // Serialises decisions on this match by this institution (other institutions decide independently).
      await tx.$queryRaw`SELECT 1 FROM "EntityMatch" WHERE id = ${m.id}::uuid FOR UPDATE`;
      const before = await tx.matchDecision.findUnique({ where: { matchId_institutionId: { matchId: m.id, institutionId: d.institutionId } }, select: { status: true } });
      const decision = { status: input.decision, decidedById: actor.userId, decidedAt: new Date(), note: input.note || null };
      const updated = await tx.matchDecision.upsert({
        where: { matchId_institutionId: { matchId: m.id, institutionId: d.institutionId } },
        create: { matchId: m.id, institutionId: d.institutionId, ...decision },
        update: decision,
        select: { status: true, decidedAt: true },
      });
      // Findings follow the decision where it matters now: this disclosure and the institution's
      // disclosures naming the organisation that are still open are re-evaluated (lib/rules); decided ones
      // keep the findings the decision was made on, and only their pendingMatches count is brought up to
      // date. Other institutions' disclosures are untouched: the decision is not theirs.
      const open = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
        SELECT DISTINCT x.id FROM "Disclosure" x
        WHERE (x.id = ${d.id}::uuid OR (x.status IN ('SUBMITTED', 'UNDER_REVIEW', 'RESUBMITTED')
               AND x.id IN (SELECT o2."disclosureId" FROM "DisclosureOrganisation" o2 WHERE ${keyCondition(m.organisationKey)})))
          AND x."institutionId" = ${d.institutionId}::uuid
        ORDER BY x.id`);
      for (const row of open) await recheckDisclosure(tx, row.id, { screen: false });
      const recounted = await recountPendingMatches(tx, d.institutionId, m.organisationKey);
      await recordAudit(tx, {
        action: 'review.match.decision',
        actorId: actor.userId,
        actorEmail: actor.email,
        entityType: 'EntityMatch',
        entityId: m.id,
        institutionId: d.institutionId,
        ...origin,
        details: {
          disclosureId: d.id,
          organisationKey: m.organisationKey,
          organisationName: m.organisationName,
          watchlistEntryId: m.watchlistEntryId,
          score: m.score,
          from: before?.status ?? 'PENDING',
          to: input.decision,
          ...(input.note ? { note: input.note } : {}),
          disclosuresRechecked: open.length,
          disclosuresRecounted: recounted,
        },
      });
      return { status: updated.status, decidedAt: updated.decidedAt };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
