import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { fontMode, fontRuns } from './fonts';
import { Pen } from './pen';
import { encodeSimpleGlyph, openVariableWoff2 } from './woff2';
import fs from 'node:fs';
import path from 'node:path';

describe('Japanese text in PDFs', () => {
  it('splits text into runs of the font files that cover it', () => {
    const runs = fontRuns('開示 Kaiji 報告');
    expect(runs.map((r) => r.text).join('')).toBe('開示 Kaiji 報告');
    if (fontMode() === 'fontsource-subsets') {
      expect(runs.every((r) => r.font.startsWith('jp400:'))).toBe(true);
      expect(fontRuns('開示', true).every((r) => r.font.startsWith('jp700:'))).toBe(true);
    }
  });

  it('re-encodes WOFF2 glyphs with their outlines, at the weight asked for', () => {
    const file = fontRuns('開')[0]!.font.slice(6);
    const data = fs.readFileSync(path.join(process.cwd(), 'node_modules/@fontsource-variable/noto-sans-jp/files', file));
    const outline = (weight: number) => {
      const font = openVariableWoff2(data, weight) as unknown as { glyphsForString(s: string): { id: number }[]; getGlyph(id: number): { _decode(): { points?: { x: number }[] } } };
      const id = font.glyphsForString('開')[0]!.id;
      const subset = (font as unknown as { createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array } }).createSubset();
      subset.includeGlyph(id);
      return Buffer.from(subset.encode());
    };
    const regular = outline(400);
    const bold = outline(700);
    expect(regular.length).toBeGreaterThan(500);
    expect(bold.equals(regular)).toBe(false); // the gvar deltas of the weight were applied
    expect(encodeSimpleGlyph([])).toHaveLength(0);
  });

  it('draws mixed Japanese and Latin lines and embeds the glyphs', async () => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    const done = new Promise<void>((resolve) => doc.pipe(new Writable({ write: (c, _e, cb) => (chunks.push(c), cb()), final: (cb) => (resolve(), cb()) })));
    const pen = new Pen(doc);
    const w = pen.text('研究セキュリティ Research security ¥767,900,000', 50, 100, { size: 12 });
    expect(w).toBeGreaterThan(100);
    expect(pen.wrap('外国の人材登用プログラムに参加した研究者 researchers in a foreign talent programme', 120, 9).length).toBeGreaterThan(2);
    doc.end();
    await done;
    const pdf = Buffer.concat(chunks).toString('latin1');
    expect(pdf).toMatch(/\/FontFile2/);
    expect(pdf).toMatch(/NotoSansJP-Regular/);
  });
});
