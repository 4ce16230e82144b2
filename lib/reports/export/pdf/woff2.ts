// Embedding glyphs of a variable WOFF2 font in a PDF. fontkit (pdfkit's font engine) reads WOFF2, but
// its subsetter copies glyph bytes from the font's `glyf` table, which WOFF2 stores transformed, so the
// embedded glyphs come out empty; and it never applies a variable font's weight to WOFF2 glyphs. Here the
// subsetter writes each glyph itself: the decoded points, moved by the `gvar` deltas for the weight asked
// for, encoded as a plain TrueType simple glyph. Only fonts opened through `openVariableWoff2` are
// handled this way; every other font goes through fontkit unchanged.
//
// Replace with a static TTF (see fonts.ts) when one is installed; this exists so that the fonts the app
// already ships give correct Japanese PDFs without a new dependency.
import 'server-only';
import * as fontkit from 'fontkit';

interface Point {
  x: number;
  y: number;
  onCurve: boolean;
  endContour: boolean;
  copy(): Point;
}

interface DecodedGlyph {
  numberOfContours: number;
  points?: Point[];
}

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  path: { commands: { command: string; args: number[] }[]; bbox: { minX: number } };
  _decode(): DecodedGlyph | null;
}

export interface FontkitFont {
  variationCoords: number[] | null;
  _variationProcessor: { transformPoints(gid: number, points: Point[]): void } | null;
  getGlyph(id: number): FontkitGlyph;
  createSubset(): object;
  layout: (...args: unknown[]) => unknown;
  __kaijiReencode?: boolean;
}

interface Subset {
  font: FontkitFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(gid: number): number;
}

/** A TrueType simple glyph: header, contour ends, no instructions, flags, x and y as 16-bit deltas. */
export function encodeSimpleGlyph(points: { x: number; y: number; onCurve: boolean; endContour: boolean }[]): Buffer {
  if (points.length === 0) return Buffer.alloc(0);
  const pts = points.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y), on: p.onCurve ? 1 : 0 }));
  const ends = points.flatMap((p, i) => (p.endContour || i === points.length - 1 ? [i] : []));
  const uniqueEnds = [...new Set(ends)];
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const size = 10 + 2 * uniqueEnds.length + 2 + pts.length * 5;
  const b = Buffer.alloc(size + ((4 - (size % 4)) % 4));
  let o = 0;
  o = b.writeInt16BE(uniqueEnds.length, o);
  o = b.writeInt16BE(Math.min(...xs), o);
  o = b.writeInt16BE(Math.min(...ys), o);
  o = b.writeInt16BE(Math.max(...xs), o);
  o = b.writeInt16BE(Math.max(...ys), o);
  for (const e of uniqueEnds) o = b.writeUInt16BE(e, o);
  o = b.writeUInt16BE(0, o);
  for (const p of pts) o = b.writeUInt8(p.on, o);
  let last = 0;
  for (const p of pts) {
    o = b.writeInt16BE(p.x - last, o);
    last = p.x;
  }
  last = 0;
  for (const p of pts) {
    o = b.writeInt16BE(p.y - last, o);
    last = p.y;
  }
  return b;
}

/** Points of a simple glyph at the font's variation; composite glyphs from their path (default weight). */
function glyphPoints(font: FontkitFont, glyph: FontkitGlyph): Point[] | { x: number; y: number; onCurve: boolean; endContour: boolean }[] {
  const decoded = glyph._decode();
  if (!decoded) return [];
  if (decoded.numberOfContours > 0 && decoded.points?.length) {
    const points = decoded.points.map((p) => p.copy());
    const vp = font._variationProcessor;
    if (vp) {
      const phantom = Array.from({ length: 4 }, () => {
        const p = points[0]!.copy();
        p.x = 0;
        p.y = 0;
        p.onCurve = false;
        p.endContour = true; // each phantom point is a contour of its own, as fontkit makes them
        return p;
      });
      const all = [...points, ...phantom];
      vp.transformPoints(glyph.id, all);
      return all.slice(0, points.length);
    }
    return points;
  }
  // Composite (or empty): flatten its outline from the path fontkit computes.
  const out: { x: number; y: number; onCurve: boolean; endContour: boolean }[] = [];
  const close = () => {
    if (out.length) out[out.length - 1]!.endContour = true;
  };
  for (const c of glyph.path.commands) {
    const a = c.args;
    if (c.command === 'moveTo') {
      close();
      out.push({ x: a[0]!, y: a[1]!, onCurve: true, endContour: false });
    } else if (c.command === 'lineTo') out.push({ x: a[0]!, y: a[1]!, onCurve: true, endContour: false });
    else if (c.command === 'quadraticCurveTo') {
      out.push({ x: a[0]!, y: a[1]!, onCurve: false, endContour: false }, { x: a[2]!, y: a[3]!, onCurve: true, endContour: false });
    } else if (c.command === 'closePath') close();
  }
  close();
  return out;
}

let patched = false;

function patchSubsetter(sample: FontkitFont): void {
  if (patched) return;
  const proto = Object.getPrototypeOf(sample.createSubset()) as Subset;
  const original = proto._addGlyph;
  if (typeof original !== 'function') throw new Error('fontkit subsetter has changed: cannot embed WOFF2 glyphs');
  proto._addGlyph = function (this: Subset, gid: number): number {
    if (!this.font.__kaijiReencode) return original.call(this, gid);
    const glyph = this.font.getGlyph(gid);
    const points = glyphPoints(this.font, glyph);
    const buffer = encodeSimpleGlyph(points);
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    const minX = points.length ? Math.round(Math.min(...points.map((p) => p.x))) : 0;
    this.hmtx.metrics.push({ advance: Math.round(glyph.advanceWidth), bearing: minX });
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
  patched = true;
}

/** Opens a variable WOFF2 font at `weight` (its `wght` axis) for embedding with pdfkit. */
export function openVariableWoff2(data: Buffer, weight: number): FontkitFont {
  const font = (fontkit as unknown as { create(b: Buffer): FontkitFont }).create(data);
  patchSubsetter(font);
  font.variationCoords = [weight];
  font.__kaijiReencode = true;
  // pdfkit reuses an already loaded font with the same PostScript name and checksum, which would draw
  // regular text with the bold instance of the same file (or the reverse): name each weight.
  Object.defineProperty(font, 'postscriptName', { value: `NotoSansJP-${weight >= 700 ? 'Bold' : 'Regular'}` });
  return font;
}
