// Japanese text in PDFs. pdfkit needs font files; the app already ships Noto Sans JP for the browser
// (@fontsource-variable/noto-sans-jp), split into ~120 variable WOFF2 files by Unicode range. We read
// those ranges from its CSS, split each string into runs by the file that covers each character, and
// embed just the glyphs used from each file, at weight 400 (regular) or 700 (bold) — see woff2.ts.
//
// If a complete static TTF is installed (the npm package @expo-google-fonts/noto-sans-jp), it is used
// instead: one font file per weight, embedded by pdfkit as it is.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { openVariableWoff2 } from './woff2';

export interface FontRun {
  /** pdfkit font name: registered on first use by `ensureFont`. */
  font: string;
  text: string;
}

interface Range {
  from: number;
  to: number;
  file: string;
}

const root = () => /*turbopackIgnore: true*/ process.cwd();
const FONTSOURCE = () => path.join(root(), 'node_modules/@fontsource-variable/noto-sans-jp');
const EXPO = () => path.join(root(), 'node_modules/@expo-google-fonts/noto-sans-jp');

let ranges: Range[] | null = null;
let staticFonts: { regular: string; bold: string } | null | undefined;

function loadStatic(): { regular: string; bold: string } | null {
  if (staticFonts !== undefined) return staticFonts;
  const find = (weight: string) => {
    const dir = path.join(EXPO(), weight);
    if (!fs.existsSync(dir)) return null;
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.ttf'));
    return file ? path.join(dir, file) : null;
  };
  const regular = find('400Regular');
  const bold = find('700Bold') ?? regular;
  staticFonts = regular && bold ? { regular, bold } : null;
  return staticFonts;
}

function loadRanges(): Range[] {
  if (ranges) return ranges;
  const css = fs.readFileSync(path.join(FONTSOURCE(), 'wght.css'), 'utf8');
  const out: Range[] = [];
  for (const m of css.matchAll(/src: url\(\.\/files\/([^)]+\.woff2)\)[^;]*;\s*unicode-range: ([^;]+);/g)) {
    for (const part of m[2]!.split(',')) {
      const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
      out.push({ from: parseInt(a!, 16), to: parseInt(b ?? a!, 16), file: m[1]! });
    }
  }
  out.sort((x, y) => x.from - y.from);
  ranges = out;
  return out;
}

function fileFor(cp: number): string | null {
  const rs = loadRanges();
  let lo = 0;
  let hi = rs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rs[mid]!;
    if (cp < r.from) hi = mid - 1;
    else if (cp > r.to) lo = mid + 1;
    else return r.file;
  }
  return null;
}

/** Which approach this process uses, for the report and for tests. */
export function fontMode(): 'static-ttf' | 'fontsource-subsets' {
  return loadStatic() ? 'static-ttf' : 'fontsource-subsets';
}

/** Splits `text` into runs of one font each. Characters no font covers fall back to Helvetica (WinAnsi). */
export function fontRuns(text: string, bold = false): FontRun[] {
  const st = loadStatic();
  if (st) return text ? [{ font: bold ? 'jp-bold' : 'jp-regular', text }] : [];
  const runs: FontRun[] = [];
  for (const ch of text) {
    const file = fileFor(ch.codePointAt(0)!);
    const font = file ? `jp${bold ? '700' : '400'}:${file}` : bold ? 'Helvetica-Bold' : 'Helvetica';
    const last = runs.at(-1);
    if (last && last.font === font) last.text += ch;
    else runs.push({ font, text: ch });
  }
  return runs;
}

/** Registers a run's font with the document the first time it is used. */
export function ensureFont(doc: PDFKit.PDFDocument, registered: Set<string>, font: string): void {
  if (font.startsWith('Helvetica') || registered.has(font)) return;
  const st = loadStatic();
  if (st && (font === 'jp-regular' || font === 'jp-bold')) {
    doc.registerFont(font, font === 'jp-bold' ? st.bold : st.regular);
  } else if (font.startsWith('jp400:') || font.startsWith('jp700:')) {
    const data = fs.readFileSync(path.join(FONTSOURCE(), 'files', font.slice(6)));
    // pdfkit takes a fontkit font object as well as a file (PDFFontFactory.open).
    doc.registerFont(font, openVariableWoff2(data, Number(font.slice(2, 5))) as unknown as Buffer);
  }
  registered.add(font);
}
