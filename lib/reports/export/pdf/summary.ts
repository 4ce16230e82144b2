// The summary report as a PDF for a ministry file: title and parameters, then each section's tables,
// those marked for it also drawn as horizontal bar charts (vector graphics), and on every page a footer
// with the requester, the time (Japan) and the audit chain's head hash, and the page number.
import 'server-only';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { ExportFooter } from '../footer';
import type { ReportTable, TableCell } from '../tables';
import { ACCENT, MUTED, Pen, RULE, SHADE } from './pen';

export interface PdfSection {
  title: string;
  tables: ReportTable[];
}

export interface PdfInput {
  locale: 'ja' | 'en';
  title: string;
  lines: string[];
  notes: string[];
  sections: PdfSection[];
  footer: ExportFooter;
  labels: { page: (n: number, of: number) => string; none: string };
}

const A4 = { width: 595.28, height: 841.89 };
const M = { top: 56, side: 48, bottom: 64 };
const CONTENT = A4.width - 2 * M.side;

export async function writeSummaryPdf(input: PdfInput, out: Writable): Promise<{ pages: number }> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: M.top, bottom: M.bottom, left: M.side, right: M.side },
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: input.title, Author: `Kaiji — ${input.footer.requester}`, Creator: 'Kaiji', CreationDate: input.footer.at },
    lang: input.locale === 'ja' ? 'ja-JP' : 'en-GB',
    displayTitle: true,
  });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  const pen = new Pen(doc);
  const nf = new Intl.NumberFormat(input.locale === 'ja' ? 'ja-JP' : 'en-GB');
  let y = M.top;
  const bottom = A4.height - M.bottom;
  const space = (h: number) => {
    if (y + h > bottom) {
      doc.addPage();
      y = M.top;
    }
  };

  const show = (v: TableCell | undefined, type: 'text' | 'count' | 'amount'): string => {
    if (v === null || v === undefined || v === '') return type === 'text' ? '' : input.labels.none;
    if (typeof v === 'object') return `< ${v.suppressedBelow}`;
    if (type === 'amount') return `¥${nf.format(typeof v === 'bigint' ? v : Number(v))}`;
    if (typeof v === 'number' || typeof v === 'bigint') return nf.format(v);
    return v;
  };

  // Title block
  y = pen.paragraph(input.title, M.side, y, CONTENT, { size: 18, bold: true }) + 4;
  for (const line of input.lines) y = pen.paragraph(line, M.side, y, CONTENT, { size: 10, color: MUTED });
  y += 4;
  for (const note of input.notes) y = pen.paragraph(note, M.side, y, CONTENT, { size: 8.5, color: MUTED });
  y += 8;

  const chart = (table: ReportTable, col: number) => {
    const rows = table.rows.filter((r) => r[0] !== undefined);
    if (!rows.length) return;
    const values = rows.map((r) => {
      const v = r[col];
      return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null;
    });
    const max = Math.max(1, ...values.map((v) => v ?? 0));
    const labelW = 170;
    const barMax = CONTENT - labelW - 70;
    const barH = 11;
    rows.forEach((r, i) => {
      space(barH + 5);
      pen.text(String(r[0] ?? ''), M.side, y + 9, { size: 8.5, maxWidth: labelW - 8 });
      const v = values[i];
      const w = v ? Math.max(1, (v / max) * barMax) : 0;
      if (w > 0) pen.rect(M.side + labelW, y + 1, w, barH, ACCENT);
      pen.text(show(r[col], 'count'), M.side + labelW + w + 4, y + 9, { size: 8.5, color: v === null ? MUTED : undefined });
      y += barH + 5;
    });
    y += 6;
  };

  const table = (t: ReportTable) => {
    const fixed = (c: ReportTable['columns'][number]) => (c.type === 'amount' ? 92 : c.type === 'count' ? 58 : 0);
    const textCols = t.columns.filter((c) => c.type === 'text').length || 1;
    const textW = (CONTENT - t.columns.reduce((w, c) => w + fixed(c), 0)) / textCols;
    const widths = t.columns.map((c) => fixed(c) || textW);
    const rowH = 15;
    // Header labels wrap to two lines rather than being cut.
    const labels = t.columns.map((c, i) => {
      const lines = pen.wrap(c.label, widths[i]! - 6, 7.5, true);
      return lines.length > 2 ? [lines[0]!, pen.fit(lines.slice(1).join(''), widths[i]! - 6, 7.5, true)] : lines;
    });
    const headH = 6 + 9 * Math.max(1, ...labels.map((l) => l.length));
    const header = () => {
      space(headH + rowH);
      pen.rect(M.side, y, CONTENT, headH, SHADE);
      let x = M.side;
      t.columns.forEach((c, i) => {
        labels[i]!.forEach((line, j) => {
          pen.text(line, x + 3, y + 10.5 + 9 * j, { size: 7.5, bold: true, maxWidth: widths[i]! - 6, align: c.type === 'text' ? 'left' : 'right' });
        });
        x += widths[i]!;
      });
      y += headH;
    };
    header();
    if (!t.rows.length) {
      pen.text(input.labels.none, M.side + 3, y + 10.5, { size: 8, color: MUTED });
      y += rowH;
    }
    for (const row of t.rows) {
      if (y + rowH > bottom) {
        doc.addPage();
        y = M.top;
        header();
      }
      let x = M.side;
      t.columns.forEach((c, i) => {
        pen.text(show(row[i], c.type), x + 3, y + 10.5, { size: 8, maxWidth: widths[i]! - 6, align: c.type === 'text' ? 'left' : 'right' });
        x += widths[i]!;
      });
      pen.line(M.side, y + rowH, M.side + CONTENT, y + rowH, RULE);
      y += rowH;
    }
    y += 12;
  };

  for (const section of input.sections) {
    space(60);
    pen.text(section.title, M.side, y + 14, { size: 13, bold: true, color: ACCENT });
    y += 20;
    pen.line(M.side, y, M.side + CONTENT, y, ACCENT, 1);
    y += 10;
    for (const t of section.tables) {
      space(40);
      pen.text(t.title, M.side, y + 10, { size: 10.5, bold: true, maxWidth: CONTENT });
      y += 18;
      if (t.chart !== undefined) chart(t, t.chart);
      table(t);
    }
  }

  // Footers, once the page count is known.
  const range = doc.bufferedPageRange();
  const f = input.footer;
  const lines = [`exported by ${f.requester} (${f.requesterName}), at ${f.atTokyo}`, `audit head ${f.auditHead}`];
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Drawing below the bottom margin must not start a new page.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    pen.line(M.side, A4.height - 46, M.side + CONTENT, A4.height - 46, RULE);
    lines.forEach((l, j) => pen.text(l, M.side, A4.height - 35 + 9 * j, { size: 6.5, color: MUTED, maxWidth: CONTENT - 60 }));
    pen.text(input.labels.page(i + 1, range.count), M.side + CONTENT - 56, A4.height - 35, { size: 7, color: MUTED, maxWidth: 56, align: 'right' });
    doc.page.margins.bottom = saved;
  }
  doc.flushPages();
  doc.end();
  await done;
  return { pages: range.count };
}
