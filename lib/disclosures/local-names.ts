// Organisation and programme names in the reader's language where Kaiji knows one: the registry's
// Japanese or English name of an organisation picked from it, else the cross-language aliases' name in
// that language (千人計画 for "Thousand Talents Plan" in the Japanese pages; the listed English name of
// 北京航空航天大学 in the English ones). What the researcher wrote is still shown beside it.
import 'server-only';
import { db } from '@/lib/db/client';
import { CROSS_LANGUAGE_ALIASES } from '@/lib/watchlists/cross-language-aliases';
import { matchKey } from '@/lib/watchlists/match-key';
import { type DraftContent, type RepeatingSectionKey } from './sections';
import { listOrganisations } from './organisations';
import { localName } from '@/lib/i18n/local-text';

/** The key of an organisation reference in the map localNames returns. */
export function localNameKey(ref: { entityId?: unknown; name?: unknown }): string {
  return typeof ref.entityId === 'string' && ref.entityId ? `entity:${ref.entityId}` : `name:${String(ref.name ?? '').trim()}`;
}

type Group = { listed: string; ja: string | null };
let groups: Map<string, Group> | null = null;
function groupOf(name: string): Group | null {
  if (!groups) {
    groups = new Map();
    const byListed = new Map<string, Group>();
    for (const a of CROSS_LANGUAGE_ALIASES) {
      const g = byListed.get(a.listed) ?? { listed: a.listed, ja: null };
      if (a.lang === 'ja' && !g.ja) g.ja = a.alias;
      byListed.set(a.listed, g);
    }
    for (const a of CROSS_LANGUAGE_ALIASES) {
      const g = byListed.get(a.listed)!;
      for (const n of [a.listed, a.alias]) if (!groups.has(matchKey(n))) groups.set(matchKey(n), g);
    }
  }
  return groups.get(matchKey(name)) ?? null;
}

/** The reader's-language name of each organisation of `content` that has one other than what was written. */
export async function localNames(content: unknown, locale: string): Promise<Record<string, string>> {
  const mentions = listOrganisations((content ?? {}) as Partial<Pick<DraftContent, RepeatingSectionKey>>);
  const out: Record<string, string> = {};
  const ids = [...new Set(mentions.map((m) => m.entityId).filter((id): id is string => !!id))];
  const entities = ids.length ? await db.foreignEntity.findMany({ where: { id: { in: ids } }, select: { id: true, nameEn: true, nameJa: true } }) : [];
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const m of mentions) {
    const e = m.entityId ? byId.get(m.entityId) : undefined;
    let shown: string | null = e ? localName(locale, e) : null;
    if (!shown && m.name) {
      const g = groupOf(m.name);
      shown = g ? (locale === 'ja' ? g.ja : g.listed) : null;
    }
    if (shown && shown !== m.name) out[localNameKey({ entityId: m.entityId, name: m.name })] = shown;
  }
  return out;
}
