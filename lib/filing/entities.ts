// Type-ahead over the registry of foreign organisations. The query is normalised exactly as the
// registry's names were (Japanese, Chinese, English, romanised names and aliases, folded to one key each),
// then matched three ways, best first: a name that is the query, a name that starts with it, a name that
// contains it, and trigram similarity for spelling variants.
import 'server-only';
import { db } from '@/lib/db/client';
import type { EntityType } from '@/lib/generated/prisma/enums';
import { normalizeName } from '@/lib/watchlists/normalize';

export type EntityHit = {
  id: string;
  nameEn: string;
  nameJa: string | null;
  nameZh: string | null;
  aliases: string[];
  country: string;
  type: EntityType;
};

export const ENTITY_RESULTS = 10;

export async function searchEntities(query: string): Promise<EntityHit[]> {
  const key = normalizeName(query);
  if (!key) return [];
  const compact = key.replace(/ /g, '');
  const like = `%${escapeLike(key)}%`;
  const lineStart = `(^|\n)${escapeRegex(key)}`;
  const rows = await db.$queryRaw<(EntityHit & { rank: number; score: number })[]>`
    SELECT id, "nameEn", "nameJa", "nameZh", aliases, country, type,
      CASE
        WHEN (chr(10) || "searchText" || chr(10)) LIKE ${`%\n${escapeLike(key)}\n%`} THEN 0
        WHEN "searchText" ~ ${lineStart} THEN 1
        WHEN "searchText" LIKE ${like} OR replace("searchText", ' ', '') LIKE ${`%${escapeLike(compact)}%`} THEN 2
        ELSE 3
      END AS rank,
      word_similarity(${key}, "searchText") AS score
    FROM "ForeignEntity"
    WHERE "searchText" LIKE ${like}
       OR replace("searchText", ' ', '') LIKE ${`%${escapeLike(compact)}%`}
       OR ${key} <% "searchText"
    ORDER BY rank, score DESC, "nameEn"
    LIMIT ${ENTITY_RESULTS}`;
  return rows.map(({ id, nameEn, nameJa, nameZh, aliases, country, type }) => ({
    id,
    nameEn,
    nameJa,
    nameZh,
    aliases,
    country: country.trim(),
    type,
  }));
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`);
}
