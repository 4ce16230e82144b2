// Gathers what view v1 needs for submitted versions, in a handful of queries however many versions
// (re-evaluation and dry runs load hundreds at once): the content, cycle and exchange rates, the
// institution, the undismissed watchlist matches of each named organisation (entries still listed),
// the researcher's domestic grants by e-Rad number, and which contract attachments exist.
import 'server-only';
import type { Tx } from '@/lib/db/client';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import { organisationKeyOf } from '@/lib/watchlists/record-matches';
import { buildView, type DisclosureView, type GrantRecord, type WatchlistHit } from './view';

export interface LoadedView {
  versionId: string;
  disclosureId: string;
  institutionId: string;
  cycleId: string;
  content: DisclosureContent;
  view: DisclosureView;
  /** Distinct PENDING matches of the version's organisations (Disclosure.pendingMatches). */
  pendingMatchIds: Set<string>;
}

export async function loadViews(tx: Tx, versionIds: readonly string[], now = new Date()): Promise<Map<string, LoadedView>> {
  const out = new Map<string, LoadedView>();
  if (!versionIds.length) return out;
  const versions = await tx.disclosureVersion.findMany({
    where: { id: { in: [...versionIds] } },
    select: {
      id: true,
      content: true,
      disclosure: {
        select: {
          id: true,
          institutionId: true,
          cycleId: true,
          department: { select: { code: true } },
          institution: { select: { slug: true, country: true } },
          cycle: { select: { code: true, fiscalYear: true } },
          researcher: { select: { profile: { select: { eradNumber: true } } } },
        },
      },
    },
  });

  const cycleIds = [...new Set(versions.map((v) => v.disclosure.cycleId))];
  // Sequential on purpose: inside a transaction every query shares one connection.
  const rates = await tx.exchangeRate.findMany({ where: { cycleId: { in: cycleIds } }, select: { cycleId: true, currency: true, jpyPerUnit: true } });
  const orgRows = await tx.disclosureOrganisation.findMany({
    where: { versionId: { in: versions.map((v) => v.id) } },
    select: { versionId: true, itemRef: true, entityId: true, name: true },
  });
  const ratesByCycle = new Map<string, Record<string, string>>();
  for (const r of rates) (ratesByCycle.get(r.cycleId) ?? ratesByCycle.set(r.cycleId, {}).get(r.cycleId)!)[r.currency.trim()] = r.jpyPerUnit.toString();

  const rowsByVersion = new Map<string, { itemRef: string; key: string }[]>();
  for (const r of orgRows) {
    const list = rowsByVersion.get(r.versionId) ?? rowsByVersion.set(r.versionId, []).get(r.versionId)!;
    list.push({ itemRef: r.itemRef, key: organisationKeyOf(r) });
  }
  const keys = [...new Set([...rowsByVersion.values()].flat().map((r) => r.key))];
  const matchRows = keys.length
    ? await tx.entityMatch.findMany({
        where: { organisationKey: { in: keys }, watchlistEntry: { OR: [{ retiredAt: null }, { retiredAt: { gt: now } }] } },
        orderBy: [{ score: 'desc' }, { createdAt: 'asc' }],
        select: {
          id: true,
          organisationKey: true,
          score: true,
          matchedNames: true,
          watchlistEntry: {
            select: { name: true, reference: true, watchlist: { select: { code: true, kind: true, nameEn: true, nameJa: true } } },
          },
        },
      })
    : [];
  // Decisions are per institution (MatchDecision): a version sees only its own institution's.
  const institutionIds = [...new Set(versions.map((v) => v.disclosure.institutionId))];
  const decisionRows = matchRows.length
    ? await tx.matchDecision.findMany({
        where: { matchId: { in: matchRows.map((m) => m.id) }, institutionId: { in: institutionIds } },
        select: { matchId: true, institutionId: true, status: true },
      })
    : [];
  const decisionOf = new Map(decisionRows.map((r) => [`${r.institutionId}/${r.matchId}`, r.status]));
  const hitsByKey = new Map<string, (Omit<WatchlistHit, 'status'> & { matchId: string })[]>();
  for (const m of matchRows) {
    const w = m.watchlistEntry.watchlist;
    const list = hitsByKey.get(m.organisationKey) ?? hitsByKey.set(m.organisationKey, []).get(m.organisationKey)!;
    list.push({
      matchId: m.id,
      code: w.code,
      kind: w.kind,
      list: w.nameEn,
      listJa: w.nameJa,
      name: m.watchlistEntry.name,
      reference: m.watchlistEntry.reference,
      score: m.score,
      matchedNames: m.matchedNames,
    });
  }

  const contentOf = new Map(versions.map((v) => [v.id, v.content as unknown as DisclosureContent]));
  const eradOf = new Map(
    versions.map((v) => [v.id, v.disclosure.researcher.profile?.eradNumber?.trim() || contentOf.get(v.id)?.profile.eradNumber?.trim() || null]),
  );
  const eradNumbers = [...new Set([...eradOf.values()].filter((e): e is string => !!e))];
  const contractIds = versions.flatMap((v) => contentOf.get(v.id)?.appointments.items.flatMap((a) => a.contractAttachmentIds) ?? []);
  const grants = eradNumbers.length
    ? await tx.domesticGrant.findMany({
        where: { eradNumber: { in: eradNumbers } },
        select: { eradNumber: true, fiscalYear: true, projectNumber: true, amountJpy: true },
      })
    : [];
  const attachments = contractIds.length
    ? await tx.attachment.findMany({ where: { id: { in: contractIds }, deletedAt: null }, select: { id: true, disclosureId: true } })
    : [];
  const grantsOf = new Map<string, GrantRecord[]>();
  for (const g of grants) {
    (grantsOf.get(g.eradNumber) ?? grantsOf.set(g.eradNumber, []).get(g.eradNumber)!).push({
      fiscalYear: g.fiscalYear,
      projectNumber: g.projectNumber,
      amountJpy: g.amountJpy,
    });
  }

  for (const v of versions) {
    const d = v.disclosure;
    const content = contentOf.get(v.id)!;
    const hitsByRef = new Map<string, WatchlistHit[]>();
    const pending = new Set<string>();
    for (const row of rowsByVersion.get(v.id) ?? []) {
      const hits: WatchlistHit[] = [];
      for (const { matchId, ...h } of hitsByKey.get(row.key) ?? []) {
        const decided = decisionOf.get(`${d.institutionId}/${matchId}`);
        if (decided === 'DISMISSED') continue;
        if (decided !== 'CONFIRMED') pending.add(matchId);
        hits.push({ ...h, status: decided === 'CONFIRMED' ? 'confirmed' : 'pending' });
      }
      hitsByRef.set(row.itemRef, hits);
    }
    const erad = eradOf.get(v.id) ?? null;
    const view = buildView({
      content,
      cycle: d.cycle,
      rates: ratesByCycle.get(d.cycleId) ?? {},
      institution: { slug: d.institution.slug, country: d.institution.country.trim() },
      department: d.department,
      eradNumber: erad,
      grants: erad ? (grantsOf.get(erad) ?? []) : [],
      hitsByRef,
      liveAttachmentIds: new Set(attachments.filter((a) => a.disclosureId === d.id).map((a) => a.id)),
    });
    out.set(v.id, { versionId: v.id, disclosureId: d.id, institutionId: d.institutionId, cycleId: d.cycleId, content, view, pendingMatchIds: pending });
  }
  return out;
}
