// The CPOS document as a PDF, with the reports' PDF stack (pdfkit, the Japanese and Latin fonts of
// lib/reports/export/pdf, its Pen for mixed-script lines): the individual, then each project/proposal and
// each in-kind contribution with its fields in the common form's order, one "label: value" block each.
import 'server-only';
import PDFDocument from 'pdfkit';
import { MUTED, Pen, RULE } from '@/lib/reports/export/pdf/pen';
import type { CposAmount, CposDocument, CposOrganisation } from './cpos';

export type CposLabels = {
  title: string;
  intro: string;
  source: string;
  individual: string;
  projects: string;
  inKind: string;
  none: string;
  page: (n: number, of: number) => string;
  field: (key: string) => string;
  status: (status: 'CURRENT' | 'PENDING') => string;
  amount: (a: CposAmount) => string;
  personMonths: (rows: { year: number; personMonths: number }[]) => string;
  period: (start: string, end: string) => string;
};

const A4 = { width: 595.28, height: 841.89 };
const M = { top: 56, side: 48, bottom: 64 };
const CONTENT = A4.width - 2 * M.side;
const LABEL_W = 170;

function orgText(o: CposOrganisation): string {
  return [o.name, o.nameLocal && o.nameLocal !== o.name ? `(${o.nameLocal})` : '', `— ${o.country}`].filter(Boolean).join(' ');
}

export async function cposPdf(doc: CposDocument, locale: 'ja' | 'en', l: CposLabels): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: M.top, bottom: M.bottom, left: M.side, right: M.side },
    bufferPages: true,
    info: { Title: l.title, Author: doc.individual.name, Creator: 'Kaiji', CreationDate: new Date(doc.source.certifiedAt) },
    lang: locale === 'ja' ? 'ja-JP' : 'en-GB',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const pen = new Pen(pdf);
  const bottom = A4.height - M.bottom;
  let y = M.top;
  const space = (h: number) => {
    if (y + h > bottom) {
      pdf.addPage();
      y = M.top;
    }
  };
  const row = (label: string, value: string) => {
    const lines = Math.max(1, pen.wrap(value || l.none, CONTENT - LABEL_W, 9).length);
    space(lines * 13 + 4);
    pen.paragraph(label, M.side, y, LABEL_W - 8, { size: 8.5, color: MUTED, bold: true });
    y = Math.max(y + 13, pen.paragraph(value || l.none, M.side + LABEL_W, y, CONTENT - LABEL_W, { size: 9 })) + 2;
  };
  const heading = (text: string, size = 12) => {
    space(size * 3);
    y = pen.paragraph(text, M.side, y + 6, CONTENT, { size, bold: true }) + 2;
    pen.line(M.side, y, M.side + CONTENT, y, RULE);
    y += 6;
  };

  y = pen.paragraph(l.title, M.side, y, CONTENT, { size: 16, bold: true }) + 4;
  y = pen.paragraph(l.intro, M.side, y, CONTENT, { size: 8.5, color: MUTED }) + 2;
  y = pen.paragraph(l.source, M.side, y, CONTENT, { size: 8.5, color: MUTED }) + 6;

  heading(l.individual);
  row(l.field('name'), [doc.individual.name, doc.individual.nameRomaji && doc.individual.nameRomaji !== doc.individual.name ? `(${doc.individual.nameRomaji})` : ''].filter(Boolean).join(' '));
  row(l.field('eradNumber'), doc.individual.eradNumber ?? '');
  row(l.field('orcid'), doc.individual.orcid ?? '');

  heading(l.projects);
  if (doc.projects.length === 0) y = pen.paragraph(l.none, M.side, y, CONTENT, { size: 9, color: MUTED }) + 4;
  doc.projects.forEach((p, i) => {
    heading(`${i + 1}. ${p.title}`, 10.5);
    row(l.field('title'), p.title);
    row(l.field('status'), l.status(p.status));
    row(l.field('awardNumber'), p.awardNumber ?? '');
    row(l.field('sourceOfSupport'), orgText(p.sourceOfSupport));
    row(l.field('primaryPlaceOfPerformance'), orgText(p.primaryPlaceOfPerformance));
    row(l.field('period'), l.period(p.startDate, p.endDate));
    row(l.field('totalAwardAmount'), p.totalAwardAmount ? l.amount(p.totalAwardAmount) : '');
    row(l.field('personMonthsPerYear'), l.personMonths(p.personMonthsPerYear));
    row(l.field('overallObjectives'), p.overallObjectives);
    row(l.field('statementOfPotentialOverlap'), p.statementOfPotentialOverlap);
  });

  heading(l.inKind);
  if (doc.inKind.length === 0) y = pen.paragraph(l.none, M.side, y, CONTENT, { size: 9, color: MUTED }) + 4;
  doc.inKind.forEach((k, i) => {
    heading(`${i + 1}. ${k.sourceOfSupport.name}`, 10.5);
    row(l.field('status'), l.status(k.status));
    row(l.field('sourceOfSupport'), orgText(k.sourceOfSupport));
    row(l.field('primaryPlaceOfPerformance'), orgText(k.primaryPlaceOfPerformance));
    row(l.field('inKindSummary'), k.summary);
    row(l.field('inKindValue'), k.totalValue ? l.amount(k.totalValue) : '');
    row(l.field('period'), l.period(k.startDate, k.endDate));
    row(l.field('personMonthsPerYear'), l.personMonths(k.personMonthsPerYear));
    row(l.field('overallObjectives'), k.overallObjectives);
    row(l.field('statementOfPotentialOverlap'), k.statementOfPotentialOverlap);
  });

  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    // Drawing below the bottom margin must not start a new page.
    const saved = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pen.text(l.page(i + 1, range.count), M.side, A4.height - M.bottom / 2, { size: 8, color: MUTED, maxWidth: CONTENT, align: 'right' });
    pdf.page.margins.bottom = saved;
  }
  pdf.flushPages();
  pdf.end();
  return done;
}
