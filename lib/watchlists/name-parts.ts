// Splitting the names that lists write as one string: "HARBIN INSTITUTE OF TECHNOLOGY (HIT)
// (哈爾浜工業大学)" is a Latin name, an acronym and a Japanese name. Used by the layouts when they read a
// list and by screening when it reads a disclosed name, so both sides split the same way.
//
// Pure: safe to import from the browser.

import { hasCjk, normalizeName, trailingParenthetical } from './normalize';

/** Trims list formatting: leading bullets, trailing commas, doubled spaces, a stray closing quote. */
export function cleanName(raw: string): string {
  let s = raw.replace(/\s+/g, ' ').trim();
  s = s.replace(/^[・•·*\-–—]+\s*/, '');
  s = s.replace(/[,;、]+$/, '').trim();
  // `Imam Hussein University of the Revolutionary Guards"`: one unbalanced straight quote at the end.
  if (s.endsWith('"') && (s.match(/"/g) ?? []).length % 2 === 1) s = s.slice(0, -1).trim();
  return s;
}

const ACRONYM = /^[\p{Lu}\p{N}][\p{Lu}\p{N}&.\-]{1,11}$/u;

/** Whether a bracketed note reads like an acronym: "HIT", "CAEP", "NS-MBS", "BISE". */
export function isAcronymLike(s: string): boolean {
  return ACRONYM.test(s.normalize('NFKC'));
}

export interface NameParts {
  /** The name with trailing CJK and acronym notes removed. */
  base: string;
  /** CJK names that were given in trailing brackets, in order. */
  cjk: string[];
  /** Acronyms that were given in trailing brackets, in order. */
  acronyms: string[];
}

/**
 * Peels trailing "(…)" notes that hold a CJK name or an acronym off a name. Other bracketed notes
 * ("(KATRANGI BROS)", "(LATIN: LUMIÈRE ELYSÉES)") are part of the name and stay.
 */
export function splitName(raw: string): NameParts {
  let base = cleanName(raw);
  const cjk: string[] = [];
  const acronyms: string[] = [];
  for (;;) {
    const group = trailingParenthetical(base);
    if (!group) break;
    const rest = base.slice(0, group.start).trim();
    if (!rest || !group.inner) break;
    if (hasCjk(group.inner) && !hasCjk(rest)) cjk.unshift(group.inner);
    else if (isAcronymLike(group.inner)) acronyms.unshift(group.inner);
    else break;
    base = rest;
  }
  return { base, cjk, acronyms };
}

export interface NamedParts {
  name: string;
  nameJa: string | null;
  aliases: string[];
}

/**
 * One entry's names from the strings a list gives for it, main name first. Bracketed CJK becomes the
 * Japanese name (the first one) or an alias, bracketed acronyms become aliases, and aliases that
 * normalise to a name already present are dropped.
 */
export function namesFromList(rawNames: readonly string[], explicitNameJa?: string | null): NamedParts {
  const [first = '', ...others] = rawNames.map(cleanName).filter(Boolean);
  const main = splitName(first);
  let name = main.base;
  let nameJa = explicitNameJa ? cleanName(explicitNameJa) : null;
  const pool: string[] = [];
  if (hasCjk(name) && !/\p{Script=Latin}/u.test(name)) {
    // A Japanese- or Chinese-only entry: its name is its Japanese name.
    nameJa ??= name;
  }
  for (const c of main.cjk) {
    if (nameJa === null) nameJa = c;
    else pool.push(c);
  }
  pool.push(...main.acronyms);
  for (const other of others) {
    const parts = splitName(other);
    pool.push(parts.base, ...parts.acronyms, ...parts.cjk);
  }
  if (!name) name = nameJa ?? first;
  if (nameJa === null) {
    const cjkOnly = pool.find((p) => hasCjk(p) && !/\p{Script=Latin}/u.test(p));
    if (cjkOnly) nameJa = cjkOnly;
  }
  const seen = new Set([normalizeName(name), nameJa ? normalizeName(nameJa) : '']);
  const aliases: string[] = [];
  for (const alias of pool) {
    const key = normalizeName(alias);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    aliases.push(alias);
  }
  return { name, nameJa, aliases };
}

/** Splits an alias cell: `; `-separated, or one per line as METI's spreadsheet writes them. */
export function splitAliases(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell
    .split(/[;\n；]/)
    .map(cleanName)
    .filter(Boolean);
}
