// Country names (English, Japanese, Chinese, common list spellings) → ISO 3166-1 alpha-2.
// The bulk comes from the runtime's CLDR data (Intl.DisplayNames), so the table does not have to be
// maintained by hand; the extras are the spellings that lists use and CLDR does not.
//
// Pure: safe to import from the browser.

const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB']);

const EXTRA: Record<string, string> = {
  "people's republic of china": 'CN',
  'peoples republic of china': 'CN',
  prc: 'CN',
  'mainland china': 'CN',
  'china mainland': 'CN',
  '中華人民共和国': 'CN',
  '中华人民共和国': 'CN',
  '中國': 'CN',
  'russian federation': 'RU',
  'ロシア連邦': 'RU',
  'iran, islamic republic of': 'IR',
  'islamic republic of iran': 'IR',
  'イラン・イスラム共和国': 'IR',
  'north korea': 'KP',
  dprk: 'KP',
  "democratic people's republic of korea": 'KP',
  'korea, democratic peoples republic of': 'KP',
  "korea, democratic people's republic of": 'KP',
  'korea, north': 'KP',
  '朝鮮民主主義人民共和国': 'KP',
  '朝鮮': 'KP',
  'south korea': 'KR',
  'republic of korea': 'KR',
  'korea, republic of': 'KR',
  'korea, south': 'KR',
  '大韓民国': 'KR',
  'syrian arab republic': 'SY',
  uae: 'AE',
  usa: 'US',
  'united states of america': 'US',
  'u.s.': 'US',
  uk: 'GB',
  'great britain': 'GB',
  burma: 'MM',
  'hong kong': 'HK',
  '香港': 'HK',
  macau: 'MO',
  macao: 'MO',
  'マカオ': 'MO',
  '澳門': 'MO',
  '澳门': 'MO',
  'taiwan, province of china': 'TW',
  'republic of china': 'TW',
  '台灣': 'TW',
  turkey: 'TR',
  'viet nam': 'VN',
  'lao pdr': 'LA',
  laos: 'LA',
  'czech republic': 'CZ',
  palestine: 'PS',
  'state of palestine': 'PS',
  'ivory coast': 'CI',
  "cote d'ivoire": 'CI',
  'cote divoire': 'CI',
  'congo, democratic republic of the': 'CD',
  'democratic republic of the congo': 'CD',
  'republic of the congo': 'CG',
  'belarus, republic of': 'BY',
  'republic of belarus': 'BY',
  // Three-letter codes that lists use in place of names.
  chn: 'CN',
  rus: 'RU',
  irn: 'IR',
  prk: 'KP',
  kor: 'KR',
  syr: 'SY',
  pak: 'PK',
  jpn: 'JP',
  twn: 'TW',
  hkg: 'HK',
  are: 'AE',
  blr: 'BY',
  mmr: 'MM',
  tur: 'TR',
  ind: 'IN',
};

/** Lower-case, NFKC, diacritics and surrounding punctuation removed, inner whitespace collapsed. */
function countryKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/^the\s+/, '')
    .replace(/[\s.]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    if (!name) return;
    const key = countryKey(name);
    if (key && !table.has(key)) table.set(key, code);
    // "Myanmar (Burma)", "Hong Kong SAR China": also the short forms.
    const bare = key.replace(/\s*\(.*\)\s*/g, ' ').replace(/\bsar china\b/, '').trim();
    if (bare && !table.has(bare)) table.set(bare, code);
  };
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const locales = ['en', 'ja', 'zh-Hans', 'zh-Hant'];
  const namers = locales.map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  for (const a of A) {
    for (const b of A) {
      const code = a + b;
      if (NOT_COUNTRIES.has(code)) continue;
      const en = namers[0]?.of(code);
      if (!en) continue;
      table.set(code.toLowerCase(), code);
      for (const namer of namers) add(namer.of(code), code);
    }
  }
  for (const [name, code] of Object.entries(EXTRA)) table.set(countryKey(name), code);
  return table;
}

let TABLE: Map<string, string> | undefined;

/**
 * ISO alpha-2 code for a country name or code as lists write it ("China", "Iran, Islamic Republic of",
 * "北朝鮮", "CN", "CHN"); null when unknown. Empty input is also null: callers decide whether a missing
 * country is acceptable.
 */
export function countryCode(input: string | null | undefined): string | null {
  if (!input) return null;
  const key = countryKey(input);
  if (!key) return null;
  TABLE ??= buildTable();
  return TABLE.get(key) ?? null;
}
