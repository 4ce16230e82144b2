// The typed name of a certification must be the researcher's own name as the disclosure's profile gives
// it, in kanji or in Latin letters. Compared leniently about form (width, case, spaces, the order of
// given and family name in Latin letters), strictly about the letters themselves.

function fold(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s・･.,]+/gu, ' ').trim();
}

function compact(name: string): string {
  return fold(name).replace(/ /g, '');
}

function wordsSorted(name: string): string {
  return fold(name).split(' ').filter(Boolean).sort().join(' ');
}

export function certifiedNameMatches(
  typed: string,
  profile: { nameKanji?: string | null; nameRomaji?: string | null },
): boolean {
  const given = compact(typed);
  if (!given) return false;
  const kanji = profile.nameKanji ? compact(profile.nameKanji) : '';
  if (kanji && given === kanji) return true;
  const romaji = profile.nameRomaji ?? '';
  if (!compact(romaji)) return false;
  return given === compact(romaji) || wordsSorted(typed) === wordsSorted(romaji);
}
