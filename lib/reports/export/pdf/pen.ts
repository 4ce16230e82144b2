// Text, tables and bar charts on a pdfkit page, with Japanese and Latin mixed in one line (see fonts.ts).
// Layout is done here, line by line, rather than by pdfkit's wrapper, because one line can switch font
// many times. Charts are vector drawings (rectangles and text), never images.
import 'server-only';
import { type FontRun, ensureFont, fontRuns } from './fonts';

export interface TextOptions {
  size?: number;
  bold?: boolean;
  color?: string;
  /** Truncate with an ellipsis to fit. */
  maxWidth?: number;
  align?: 'left' | 'right' | 'center';
}

export const INK = '#1b1f24';
export const MUTED = '#57606a';
export const ACCENT = '#0b5cad';
export const RULE = '#d0d7de';
export const SHADE = '#f0f2f4';

export class Pen {
  private registered = new Set<string>();

  constructor(readonly doc: PDFKit.PDFDocument) {}

  private runWidth(run: FontRun, size: number): number {
    ensureFont(this.doc, this.registered, run.font);
    return this.doc.font(run.font).fontSize(size).widthOfString(run.text);
  }

  width(text: string, size = 9, bold = false): number {
    return fontRuns(text, bold).reduce((w, r) => w + this.runWidth(r, size), 0);
  }

  fit(text: string, maxWidth: number, size: number, bold: boolean): string {
    if (this.width(text, size, bold) <= maxWidth) return text;
    const chars = [...text];
    while (chars.length > 0 && this.width(`${chars.join('')}…`, size, bold) > maxWidth) chars.pop();
    return `${chars.join('')}…`;
  }

  /** Draws one line with its baseline at `y`; returns the width drawn. */
  text(value: string, x: number, y: number, o: TextOptions = {}): number {
    const size = o.size ?? 9;
    const bold = o.bold ?? false;
    const color = o.color ?? INK;
    const shown = o.maxWidth !== undefined ? this.fit(value, o.maxWidth, size, bold) : value;
    const w = this.width(shown, size, bold);
    let cx = x;
    if (o.align === 'right' && o.maxWidth !== undefined) cx = x + o.maxWidth - w;
    if (o.align === 'center' && o.maxWidth !== undefined) cx = x + (o.maxWidth - w) / 2;
    for (const run of fontRuns(shown, bold)) {
      const rw = this.runWidth(run, size);
      this.doc.font(run.font).fontSize(size).fillColor(color).text(run.text, cx, y, { lineBreak: false, baseline: 'alphabetic' });
      cx += rw;
    }
    return w;
  }

  /** Greedy wrapping: Latin words stay whole, CJK breaks between any two characters. */
  wrap(value: string, width: number, size = 9, bold = false): string[] {
    const tokens = value.match(/[\p{Script=Latin}\p{N}'’.,:;%()¥$-]+|\s+|./gu) ?? [];
    const lines: string[] = [];
    let line = '';
    for (const token of tokens) {
      const candidate = line + token;
      if (line && this.width(candidate.trimEnd(), size, bold) > width) {
        lines.push(line.trimEnd());
        line = /^\s+$/.test(token) ? '' : token;
      } else {
        line = candidate;
      }
    }
    if (line.trim()) lines.push(line.trimEnd());
    return lines;
  }

  /** A wrapped paragraph from `y` (top); returns the y below it. */
  paragraph(value: string, x: number, y: number, width: number, o: TextOptions = {}): number {
    const size = o.size ?? 9;
    const lead = size * 1.45;
    let baseline = y + size;
    for (const line of this.wrap(value, width, size, o.bold)) {
      this.text(line, x, baseline, o);
      baseline += lead;
    }
    return baseline - size + (lead - size);
  }

  rect(x: number, y: number, w: number, h: number, fill: string): void {
    this.doc.save().rect(x, y, w, h).fill(fill).restore();
  }

  line(x1: number, y1: number, x2: number, y2: number, color = RULE, width = 0.5): void {
    this.doc.save().moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke().restore();
  }
}
