import 'server-only';
import { CSL, isCsl, parseCsl } from './csl';
import { readCsv } from './csv';
import { GENERIC, isGeneric, parseGeneric } from './generic';
import { METI_EUL, metiEulHeaderIndex, parseMetiEul } from './meti-eul';
import { isMetiEulFlat, METI_EUL_FLAT, parseMetiEulFlat } from './meti-eul-flat';
import { isSection1286, parseSection1286, SECTION_1286 } from './section-1286';
import { WatchlistFormatError, type LayoutId, type ParseResult } from './types';

/**
 * Recognises the layout of a watchlist CSV from its header (or, for the header-less METI copy, its
 * first row) and parses it. Throws WatchlistFormatError when no layout fits: better no import than a
 * list read with the wrong columns.
 */
export function parseWatchlistCsv(text: string): ParseResult {
  const { rows, rejected: unreadable } = readCsv(text);
  const first = rows[0];
  if (!first) throw new WatchlistFormatError('The file holds no rows.');
  let layout: LayoutId;
  let parsed: Omit<ParseResult, 'layout'>;
  if (isMetiEulFlat(first.cells)) {
    layout = METI_EUL_FLAT;
    parsed = parseMetiEulFlat(rows);
  } else if (isSection1286(first.cells)) {
    layout = SECTION_1286;
    parsed = parseSection1286(rows);
  } else if (isCsl(first.cells)) {
    layout = CSL;
    parsed = parseCsl(rows);
  } else if (isGeneric(first.cells)) {
    layout = GENERIC;
    parsed = parseGeneric(rows);
  } else {
    const headerIndex = metiEulHeaderIndex(rows);
    if (headerIndex < 0) {
      throw new WatchlistFormatError(
        `Unrecognised layout: the first row (line ${first.line}) is not the header of a known watchlist layout.`,
      );
    }
    layout = METI_EUL;
    parsed = parseMetiEul(rows, headerIndex);
  }
  const rejected = [...unreadable, ...parsed.rejected].sort((a, b) => a.line - b.line);
  return { layout, entries: parsed.entries, rejected };
}
