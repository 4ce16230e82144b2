// The content of the PDF summary: every report's tables for the chosen year and scope, with the
// parameters, the publication note and the notice that the watchlists are samples.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { reportInstitutions } from '../institutions';
import type { ReportParams } from '../params';
import type { ExportFooter, ReportsTranslator } from './footer';
import type { PdfInput } from './pdf/summary';
import { reportTables } from './tables';
import { localList, localName } from '@/lib/i18n/local-text';

export async function summaryPdfInput(
  actor: Actor,
  params: ReportParams,
  t: ReportsTranslator,
  locale: 'ja' | 'en',
  footer: ExportFooter,
): Promise<{ pdf: PdfInput; rows: number }> {
  const [talent, overview, breakdowns, trends, institutions] = await Promise.all([
    reportTables(actor, 'talent-grants', params, t, locale),
    reportTables(actor, 'overview', params, t, locale),
    reportTables(actor, 'breakdowns', params, t, locale),
    reportTables(actor, 'trends', params, t, locale),
    reportInstitutions(actor),
  ]);
  const { context } = overview;
  const chosen = context.scope.institutions;
  const scopeText =
    chosen === 'all'
      ? t('scope.all')
      : localList(
          locale,
          institutions.filter((i) => chosen.includes(i.id)).map((i) => localName(locale, i)),
        ) || t('scope.none');
  const sections = [
    { title: t('talent.title'), tables: talent.tables },
    { title: t('overview.title'), tables: overview.tables },
    { title: t('breakdowns.title'), tables: breakdowns.tables },
    { title: t('trends.title'), tables: trends.tables },
  ];
  const notes = [t('pdf.sampleNote')];
  if (context.params.publication) notes.unshift(t('publication.note', { minimum: context.suppression.minimum }));
  return {
    rows: sections.reduce((n, s) => n + s.tables.reduce((m, tb) => m + tb.rows.length, 0), 0),
    pdf: {
      locale,
      title: t('pdf.title', { year: context.params.fiscalYear }),
      lines: [
        t('pdf.fiscalYear', { year: context.params.fiscalYear }),
        t('pdf.scope', { scope: scopeText }),
        context.params.publication ? t('pdf.variantPublication') : t('pdf.variantInternal'),
        t('pdf.generated', { at: footer.atTokyo, requester: footer.requesterName }),
      ],
      notes,
      sections,
      footer,
      labels: { page: (n, of) => t('pdf.page', { n, of }), none: t('pdf.none') },
    },
  };
}
