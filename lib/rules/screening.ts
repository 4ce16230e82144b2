// Screens the organisations a submitted version names (its DisclosureOrganisation rows) against every
// watchlist and records the matches per organisation. Recording never resets an officer's decision:
// a CONFIRMED match stays confirmed, a DISMISSED one stays dismissed (lib/watchlists/record-matches).
import 'server-only';
import type { Tx } from '@/lib/db/client';
import { listOrganisations } from '@/lib/disclosures/organisations';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import { organisationKeyOf, recordMatches } from '@/lib/watchlists/record-matches';
import { countryCode } from '@/lib/watchlists/countries';
import { queryNamesOf, screenWithIndex } from '@/lib/watchlists/screen';
import { screeningIndex } from '@/lib/watchlists/screening-cache';

interface Candidate {
  key: string;
  name: string;
  aliases: string[];
  country: string | null;
}

/** Screens each distinct organisation of the version once; returns how many matches were recorded. */
export async function screenVersion(tx: Tx, versionId: string, content: DisclosureContent): Promise<number> {
  const rows = await tx.disclosureOrganisation.findMany({
    where: { versionId },
    select: { itemRef: true, entityId: true, name: true, country: true },
  });
  if (!rows.length) return 0;
  const local = new Map(listOrganisations(content).map((m) => [m.itemRef as string, m.nameLocal]));
  const entityIds = [...new Set(rows.map((r) => r.entityId).filter((id): id is string => !!id))];
  const entities = entityIds.length
    ? await tx.foreignEntity.findMany({
        where: { id: { in: entityIds } },
        select: { id: true, nameEn: true, nameJa: true, nameZh: true, aliases: true, country: true },
      })
    : [];
  const entityById = new Map(entities.map((e) => [e.id, e]));

  const byKey = new Map<string, Candidate>();
  for (const row of rows) {
    const key = organisationKeyOf(row);
    const entity = row.entityId ? entityById.get(row.entityId) : undefined;
    const names = [
      entity?.nameEn,
      row.name,
      local.get(row.itemRef),
      entity?.nameJa,
      entity?.nameZh,
      ...(entity?.aliases ?? []),
    ].filter((n): n is string => !!n && n.trim() !== '');
    const [name, ...aliases] = [...new Set(names)];
    if (!name) continue;
    const known = byKey.get(key);
    if (known) {
      for (const a of [name, ...aliases]) if (a !== known.name && !known.aliases.includes(a)) known.aliases.push(a);
      continue;
    }
    byKey.set(key, { key, name, aliases, country: row.country?.trim() || entity?.country.trim() || null });
  }

  // One read of the list revision; the compiled index is shared by every organisation of the version.
  const index = await screeningIndex(tx);
  let recorded = 0;
  for (const c of byKey.values()) {
    const matches = screenWithIndex(index, queryNamesOf(c.name, c.aliases), countryCode(c.country));
    if (!matches.length) continue;
    recorded += (await recordMatches(tx, c.key, c.name, matches)).length;
  }
  return recorded;
}
