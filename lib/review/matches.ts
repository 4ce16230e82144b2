// Watchlist matches on the review page, and the officer's decision on one: confirm (the organisation is
// the listed one) or dismiss (a different organisation with a similar name). The decision belongs to the
// organisation and the entry (EntityMatch, see lib/watchlists/README.md), so it is remembered for every
// disclosure that names the organisation; re-screening never resets it.
import 'server-only';
import { NotFoundError } from '@/lib/actions/action';
import type { Actor } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit/record';
import { type Tx, db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { recheckDisclosure } from '@/lib/rules/check';
import { organisationKeyOf } from '@/lib/watchlists/record-matches';
import type { Origin } from './decide';
import { ORGANISATION_KEY_SQL } from './queue-query';
import { reviewScopeSql, reviewable } from './scope';
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
  const found = await db.disclosure.findFirst({ where: reviewable(actor, disclosureId), select: { id: true } });
  if (!found) return [];
  const orgs = await latestOrganisations(db, disclosureId);
  if (!orgs.length) return [];
  const matches = await db.entityMatch.findMany({
    where: { organisationKey: { in: [...new Set(orgs.map((o) => o.key))] } },
    orderBy: [{ status: 'asc' }, { score: 'desc' }],
    select: {
      id: true,
      organisationKey: true,
      score: true,
      matchedNames: true,
      status: true,
      note: true,
      decidedAt: true,
      decidedById: true,
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
    where: { id: { in: matches.map((m) => m.decidedById).filter((x): x is string => !!x) } },
    select: { id: true, displayName: true },
  });
  const names = new Map(deciders.map((u) => [u.id, u.displayName]));
  return matches.map((m) => {
    const mine = orgs.filter((o) => o.key === m.organisationKey);
    const { watchlist, retiredAt, ...entry } = m.watchlistEntry;
    return {
      id: m.id,
      organisationKey: m.organisationKey,
      disclosedNames: [...new Set(mine.map((o) => o.name))],
      itemRefs: mine.map((o) => o.itemRef),
      score: m.score,
      matchedNames: m.matchedNames,
      status: m.status,
      note: m.note,
      decidedAt: m.decidedAt,
      decidedBy: m.decidedById ? (names.get(m.decidedById) ?? null) : null,
      entry: { ...entry, retired: !!retiredAt && retiredAt <= new Date() },
      watchlist,
    };
  });
}

/** The organisation-key condition on DisclosureOrganisation `o2` that can use its indexes. */
function keyCondition(key: string): Prisma.Sql {
  if (key.startsWith('entity:')) return Prisma.sql`o2."entityId" = ${key.slice('entity:'.length)}::uuid`;
  return Prisma.sql`o2."entityId" IS NULL AND o2."normalizedName" = ${key.slice('name:'.length)}`;
}

/**
 * Recounts Disclosure.pendingMatches (PENDING matches among the organisations of the latest version)
 * for the disclosures in the actor's scope that name the organisation. Returns how many changed.
 */
export async function recountPendingMatches(tx: Tx, actor: Actor, organisationKey: string): Promise<number> {
  return tx.$executeRaw(Prisma.sql`
    UPDATE "Disclosure" d SET "pendingMatches" = sub.n, "updatedAt" = now()
    FROM (
      SELECT x.id, (
        SELECT count(DISTINCT m.id) FROM "DisclosureOrganisation" o
        JOIN "EntityMatch" m ON m."organisationKey" = ${ORGANISATION_KEY_SQL}
        WHERE o."disclosureId" = x.id AND m.status = 'PENDING'::"MatchStatus"
          AND o."versionId" = (SELECT v.id FROM "DisclosureVersion" v WHERE v."disclosureId" = x.id ORDER BY v.number DESC LIMIT 1)
      )::int AS n
      FROM "Disclosure" x
      WHERE x.id IN (SELECT o2."disclosureId" FROM "DisclosureOrganisation" o2 WHERE ${keyCondition(organisationKey)})
        AND ${reviewScopeSql(actor, 'x')}
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
        select: { id: true, status: true, organisationKey: true, organisationName: true, watchlistEntryId: true, score: true },
      });
      // A match that does not concern this disclosure is not the officer's to decide through it.
      if (!m) throw new NotFoundError(`EntityMatch:${input.matchId}`);
      await tx.$queryRaw`SELECT 1 FROM "EntityMatch" WHERE id = ${m.id}::uuid FOR UPDATE`;
      const updated = await tx.entityMatch.update({
        where: { id: m.id },
        data: { status: input.decision, decidedById: actor.userId, decidedAt: new Date(), note: input.note || null },
        select: { status: true, decidedAt: true },
      });
      // Findings follow the decision where it matters now: this disclosure and the in-scope disclosures
      // naming the organisation that are still open are re-evaluated (lib/rules); decided ones keep the
      // findings the decision was made on, and only their pendingMatches count is brought up to date.
      const open = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
        SELECT DISTINCT x.id FROM "Disclosure" x
        WHERE (x.id = ${d.id}::uuid OR (x.status IN ('SUBMITTED', 'UNDER_REVIEW', 'RESUBMITTED')
               AND x.id IN (SELECT o2."disclosureId" FROM "DisclosureOrganisation" o2 WHERE ${keyCondition(m.organisationKey)})))
          AND ${reviewScopeSql(actor, 'x')}
        ORDER BY x.id`);
      for (const row of open) await recheckDisclosure(tx, row.id, { screen: false });
      const recounted = await recountPendingMatches(tx, actor, m.organisationKey);
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
          from: m.status,
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
