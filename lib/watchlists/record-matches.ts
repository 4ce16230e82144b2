import 'server-only';
import type { Tx } from '@/lib/db/client';
import { normalizeName } from './normalize';
import type { ScreeningMatch } from './screen';

// Screening results are stored per organisation and entry (EntityMatch) and shared by every
// institution. Officers' decisions are not: each institution's CONFIRMED/DISMISSED is a MatchDecision
// row of its own (no row: pending for that institution). Re-screening, a new disclosure naming the same
// organisation, or a new edition of the list refresh the score and matched names, never a decision.

/**
 * The key under which decisions about an organisation are remembered: its registry entity when it has
 * one, otherwise its normalised name (so "Beihang Univ." and "BEIHANG UNIVERSITY" share decisions).
 */
export function organisationKeyOf(org: { entityId?: string | null; name: string }): string {
  return org.entityId ? `entity:${org.entityId}` : `name:${normalizeName(org.name)}`;
}

export interface RecordedMatch {
  id: string;
  watchlistEntryId: string;
  score: number;
  /** First time this organisation was matched to this entry. */
  created: boolean;
}

export async function recordMatches(
  tx: Tx,
  organisationKey: string,
  organisationName: string,
  matches: readonly Pick<ScreeningMatch, 'entryId' | 'score' | 'matchedNames'>[],
): Promise<RecordedMatch[]> {
  const existing = await tx.entityMatch.findMany({
    where: { organisationKey, watchlistEntryId: { in: matches.map((m) => m.entryId) } },
    select: { watchlistEntryId: true },
  });
  const known = new Set(existing.map((e) => e.watchlistEntryId));
  const out: RecordedMatch[] = [];
  for (const m of matches) {
    const row = await tx.entityMatch.upsert({
      where: { organisationKey_watchlistEntryId: { organisationKey, watchlistEntryId: m.entryId } },
      create: {
        organisationKey,
        organisationName,
        watchlistEntryId: m.entryId,
        score: m.score,
        matchedNames: m.matchedNames,
      },
      // Decisions live in MatchDecision and are never touched here.
      update: { organisationName, score: m.score, matchedNames: m.matchedNames },
      select: { id: true, watchlistEntryId: true, score: true },
    });
    out.push({ ...row, created: !known.has(m.entryId) });
  }
  return out;
}
