// Researcher identifiers and name scripts. Checks only; normalisation (NFKC, trimming) happens in the
// schemas, so these see what will be stored.

/** e-Rad researcher number (e-Rad 研究者番号): exactly eight ASCII digits. */
export function isEradNumber(value: string): boolean {
  return /^\d{8}$/.test(value);
}

export const orcidPattern = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** ORCID check digit: ISO 7064 MOD 11-2 over the first 15 digits ("X" stands for 10). */
export function orcidCheckDigit(first15: string): string {
  let total = 0;
  for (const ch of first15) total = (total + Number(ch)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

export function isOrcid(value: string): boolean {
  if (!orcidPattern.test(value)) return false;
  const digits = value.replaceAll('-', '');
  return orcidCheckDigit(digits.slice(0, 15)) === digits.slice(15);
}

/** Accepts the forms people paste: the bare iD, lower-case x, or the https://orcid.org/ URL. */
export function normaliseOrcid(value: string): string {
  return value
    .trim()
    .replace(/^(https?:\/\/)?(www\.)?orcid\.org\//i, '')
    .toUpperCase();
}

/** フリガナ: katakana or hiragana, with the long-vowel mark, middle dot and spaces between names. */
export function isKana(value: string): boolean {
  return /^[\p{Script=Katakana}\p{Script=Hiragana}ー・ ]+$/u.test(value);
}

/** Romanised name: Latin letters (diacritics allowed: Ōno, Müller) with spaces, hyphens, apostrophes, dots. */
export function isRomaji(value: string): boolean {
  return /^[\p{Script=Latin}\p{M}][\p{Script=Latin}\p{M} '.-]*$/u.test(value);
}
