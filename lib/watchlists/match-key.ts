// Matching keys: the comparison key of normalize.ts, folded further for deciding whether two names
// are the same organisation. normalizeName stays as it is because stored things depend on it (the
// `name:` organisation keys under which officers' decisions are remembered, `searchText`); this layer
// only ever feeds the matcher, so it can grow without moving a decision.
//
// What it adds, each as a class rather than a list of examples:
//   - every CJK variant OpenCC knows (simplified, traditional, Hong Kong, Taiwan, Japanese shinjitai),
//     then the project's folding table (cjk-variants.ts) so that one canonical form remains;
//   - the usual CJK contractions and synonyms of organisation names (科技 = 科学技术 = 科学技術,
//     計画 = 计划 = 計劃, 人材 = 人才) and kanji numerals of numbered institutes (第七〇二研究所 = 第702研究所);
//   - abbreviations in any word position: a known abbreviation ("Aero.", "Natl", "Polytech.") becomes
//     its canonical word, and any other word written with a full stop ("Aeronaut.") is kept as an
//     abbreviation that match.ts lets stand for a longer word it begins;
//   - programme words (Program / Programme / Plan / Scheme / Project → one word), number words
//     ("Thousand" = "1000", "Ten Thousand" = "10000"), ordinals ("33rd" = "33"), plurals.
//
// Pure: no database. OpenCC's tables are plain JavaScript.

import * as OpenCC from 'opencc-js';
import { foldCjkVariants } from './cjk-variants';
import { hasCjk, normalizeName } from './normalize';

const FROM_JAPANESE = OpenCC.Converter({ from: 'jp', to: 't' });
const FROM_HONG_KONG = OpenCC.Converter({ from: 'hk', to: 't' });
const FROM_TAIWAN = OpenCC.Converter({ from: 'tw', to: 't' });
const FROM_SIMPLIFIED = OpenCC.Converter({ from: 'cn', to: 't' });

/** Contractions and synonyms inside CJK names, written in folded (canonical) characters. */
const CJK_PHRASES: [string, string][] = [
  ['科學技術', '科技'], // 国防科学技術大学 = 国防科技大学
  ['計畫', '計劃'], // Japanese 計画 and Taiwanese 計畫 = mainland 计划
  ['人材', '人才'], // Japanese 人材 = Chinese 人才
].map(([from, to]) => [foldCjkVariants(from!), foldCjkVariants(to!)]);

const CJK_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** A run of kanji numerals after 第, or before the 研究所 / 研究院 / 所 / 院 / 厂 of a numbered unit. */
const CJK_NUMBER = /(第)([〇零一二三四五六七八九十百]+)|([〇零一二三四五六七八九十百]+)(?=研究所|研究院|所|院|廠)/gu;

/** 七〇二 → 702 (digit by digit), 五十四 → 54, 二十 → 20, 十二 → 12, 百 → 100. */
export function kanjiNumber(s: string): string {
  if (!/[十百]/.test(s)) return [...s].map((c) => CJK_DIGITS[c] ?? c).join('');
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (c === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CJK_DIGITS[c] ?? 0;
  }
  return String(total + digit);
}

function foldCjkToken(token: string): string {
  let s = FROM_SIMPLIFIED(FROM_TAIWAN(FROM_HONG_KONG(FROM_JAPANESE(token))));
  s = foldCjkVariants(s);
  for (const [from, to] of CJK_PHRASES) s = s.split(from).join(to);
  return s.replace(CJK_NUMBER, (_m, dai: string | undefined, afterDai: string | undefined, before: string | undefined) =>
    dai ? `${dai}${kanjiNumber(afterDai!)}` : kanjiNumber(before!),
  );
}

/**
 * Words of organisation names beyond normalize.ts's table, each with its canonical form. The keys are
 * full words and their usual abbreviations; a word written with a full stop that begins exactly one
 * canonical group ("Aeronaut." → aeronautics/aeronautical) is folded to that group too.
 */
const WORD_GROUPS: Record<string, string[]> = {
  tech: ['technical', 'technological', 'technic'],
  aero: ['aeronautics', 'aeronautical', 'aeronautic', 'aero'],
  astro: ['astronautics', 'astronautical', 'astronautic', 'astro'],
  aerospace: ['aerospace', 'aerosp'],
  poly: ['polytechnic', 'polytechnical', 'polytechnique', 'polytech', 'poly'],
  med: ['medical', 'medicine', 'medicinal', 'med'],
  agric: ['agricultural', 'agriculture', 'agric', 'agri'],
  res: ['research', 'res'],
  elec: ['electronic', 'electronics', 'electr', 'elec', 'elect'],
  defense: ['defense', 'def'],
  mgmt: ['management', 'mgmt', 'mgt'],
  econ: ['economics', 'economic', 'econ'],
  phys: ['physics', 'physical', 'phys'],
  chem: ['chemistry', 'chemical', 'chem'],
  math: ['mathematics', 'mathematical', 'maths', 'math'],
  info: ['information', 'info', 'inform'],
  comm: ['communications', 'communication', 'comm', 'commun'],
  telecom: ['telecommunications', 'telecommunication', 'telecom', 'telecomm'],
  sys: ['systems', 'system', 'sys', 'syst'],
  ind: ['industrial', 'industry', 'industries', 'indus', 'ind'],
  aviation: ['aviation', 'aviat'],
  mil: ['military', 'mil'],
  naval: ['naval', 'navy', 'nav'],
  govt: ['government', 'governmental', 'govt', 'gov'],
  mech: ['mechanics', 'mechanical', 'mech'],
  optics: ['optics', 'optical', 'opt'],
  autom: ['automation', 'automatic', 'autom'],
  astron: ['astronomical', 'astronomy', 'astron'],
  comput: ['computing', 'computational', 'computer', 'computers', 'comput', 'comp'],
  sci: ['scientific', 'science', 'sciences', 'sci'],
  nucl: ['nuclear', 'nucl'],
  mat: ['materials', 'material', 'mater', 'matls'],
  appl: ['applied', 'appl'],
  fed: ['federal', 'fed'],
  geo: ['geology', 'geological', 'geol'],
  prog: ['program', 'programme', 'programs', 'programmes', 'plan', 'plans', 'scheme', 'schemes', 'project', 'projects', 'initiative', 'prog', 'progr'],
  talent: ['talent', 'talents'],
  scholar: ['scholar', 'scholars'],
  1000: ['thousand', '1000'],
  100: ['hundred', '100'],
};

const CANONICAL = new Map<string, string>();
for (const [canonical, words] of Object.entries(WORD_GROUPS)) for (const w of words) CANONICAL.set(w, canonical);
/** Canonical words of normalize.ts too: an abbreviation must never be read as the start of one of them. */
const KNOWN_CANONICAL = new Set([
  ...Object.keys(WORD_GROUPS),
  'univ', 'inst', 'tech', 'acad', 'eng', 'coll', 'lab', 'ctr', 'intl', 'natl', 'dept', 'assn', 'org', 'corp', 'co', 'ltd', 'inc',
]);
/** Full words (normalize.ts's and ours) by canonical form, for resolving "Word." abbreviations. */
const FULL_WORDS: [string, string][] = [
  ...[...CANONICAL.entries()],
  ...(
    [
      ['university', 'univ'], ['institute', 'inst'], ['institution', 'inst'], ['technology', 'tech'], ['technological', 'tech'],
      ['technical', 'tech'], ['academy', 'acad'], ['engineering', 'eng'], ['college', 'coll'], ['laboratory', 'lab'],
      ['center', 'ctr'], ['centre', 'ctr'], ['international', 'intl'], ['national', 'natl'], ['department', 'dept'],
      ['association', 'assn'], ['organization', 'org'], ['organisation', 'org'], ['corporation', 'corp'],
    ] as [string, string][]
  ),
];

/** "Aeronaut." → aero: the canonical group of the known full words the abbreviation begins, if just one. */
function resolveAbbreviation(abbr: string): string | null {
  if (abbr.length < 2) return null;
  const groups = new Set(FULL_WORDS.filter(([w]) => w.startsWith(abbr)).map(([, c]) => c));
  return groups.size === 1 ? [...groups][0]! : null;
}

/** Plural of a Latin word, on both sides alike ("Talents", "Forces", "Relations"). */
function singular(word: string): string {
  if (word.length < 5 || !word.endsWith('s') || /(ss|us|is|ys)$/.test(word)) return word;
  return word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1);
}

/** Latin words of the raw name written with a full stop after them: "Univ.", "Aeronaut.", "Tech.". */
function dottedWords(raw: string): Set<string> {
  const out = new Set<string>();
  const s = raw.normalize('NFKC').normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  for (const m of s.matchAll(/(?<![\p{L}.])(\p{Script=Latin}{2,})\.(?!\p{L})/gu)) out.add(m[1]!);
  return out;
}

function refineLatin(word: string, dotted: Set<string>): string {
  const ordinal = /^(\d+)(st|nd|rd|th)$/.exec(word);
  if (ordinal) return ordinal[1]!;
  const known = CANONICAL.get(word) ?? CANONICAL.get(singular(word));
  if (known) return known;
  if (KNOWN_CANONICAL.has(word)) return word;
  if (dotted.has(word)) {
    // A written abbreviation: a known group, or a marked prefix that match.ts may extend.
    return resolveAbbreviation(word) ?? `${word}.`;
  }
  return singular(word);
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** The matching key of a name (empty for an empty name). Memoised: screening sees the same names often. */
export function matchKey(name: string): string {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const dotted = dottedWords(name);
  const words = normalizeName(name).split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (hasCjk(w)) {
      out.push(foldCjkToken(w));
      continue;
    }
    // "No. 33 Research Institute" = "33rd Research Institute"; "Ten Thousand" is not "Thousand".
    if (w === 'no' && /^\d/.test(words[i + 1] ?? '')) continue;
    if (w === 'ten' && (words[i + 1] === 'thousand' || words[i + 1] === '1000')) {
      out.push('10000');
      i++;
      continue;
    }
    out.push(refineLatin(w, dotted));
  }
  const key = out.join(' ');
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, key);
  return key;
}

/** True for a key word that stands for an abbreviation written with a full stop ("aeronaut."). */
export function isMarkedAbbreviation(word: string): boolean {
  return word.length > 2 && word.endsWith('.');
}

/** Canonical generic words: they say what kind of organisation, not which one. */
export const GENERIC_WORDS = new Set([
  'univ', 'inst', 'tech', 'acad', 'sci', 'eng', 'coll', 'lab', 'ctr', 'intl', 'natl', 'dept', 'assn', 'org', 'res',
  'corp', 'co', 'ltd', 'inc', 'group', 'state', 'key', 'school', 'poly', 'normal', 'prog',
]);

/**
 * Places that organisation names start with. A name reduced to a place ("Tianjin", "Moscow") is never
 * a short name of an institution, and a place does not make a name distinctive ("Bauman Moscow State
 * Technical University" is "Bauman" for short).
 */
export const PLACE_WORDS = new Set(
  `china chinese peoples republic russia russian iran iranian korea korean pakistan belarus syria
  beijing peking shanghai tianjin chongqing harbin nanjing wuhan xian chengdu changsha changchun shenyang dalian
  hangzhou guangzhou shenzhen jinan qingdao xiamen fuzhou hefei zhengzhou taiyuan lanzhou kunming guiyang nanning
  nanchang urumqi hohhot shijiazhuang luoyang mianyang guilin suzhou wuxi ningbo zhuhai yantai weihai baotou
  anhui fujian gansu guangdong guangxi guizhou hainan hebei heilongjiang henan hubei hunan jiangsu jiangxi jilin
  liaoning ningxia qinghai shaanxi shandong shanxi sichuan tibet xinjiang yunnan zhejiang mongolia hong kong macau
  moscow petersburg saint novosibirsk tomsk kazan samara perm ural siberian siberia tehran isfahan tabriz
  pyongyang karachi lahore islamabad north south east west northeast northwest southeast southwest central`
    .split(/\s+/)
    .filter(Boolean),
);
