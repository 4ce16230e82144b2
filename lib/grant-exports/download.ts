// Downloads of one submitted version for grant applications: CPOS as PDF or JSON, and the e-Rad/JSPS
// funding-and-effort list as CSV. Only the researcher's own disclosures (the filing scope); anything else,
// a version that does not exist, or a file name we do not make, answers the same audited 404. Every
// download is audited with the version it came from. The language is the one asked for (the page passes
// the researcher's), else the researcher's chosen or browser language.
import 'server-only';
import { createTranslator } from 'next-intl';
import { z } from 'zod';
import { recordDenied } from '@/lib/auth/guards';
import { browserLocale } from '@/lib/auth/locale-preference';
import { type Actor, hasRole } from '@/lib/auth/roles';
import { recordAuditNow } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import type { Origin } from '@/lib/audit/record';
import { ownDisclosure } from '@/lib/filing/scope';
import { contentDisposition } from '@/lib/http/content-disposition';
import { type Locale, isLocale } from '@/lib/i18n/config';
import { messagesFor } from '@/lib/i18n/messages';
import { formatMoney } from '@/lib/money';
import { JAPAN_TIME_ZONE } from '@/lib/time/japan';
import { type CposAmount, cposDocument } from './cpos';
import { eradCsv, eradRows, type ThisYearAmounts } from './erad';
import { cposPdf } from './pdf';

export const exportFiles = ['cpos.pdf', 'cpos.json', 'erad-effort.csv'] as const;
export type ExportFile = (typeof exportFiles)[number];

const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' };
const json = (body: unknown, status: number) => Response.json(body, { status, headers });

async function notFound(actor: Actor, origin: Origin, resource: string): Promise<Response> {
  await recordDenied(actor, origin, { resource });
  return json({ error: 'errors.notFound' }, 404);
}

export function exportLocale(request: Request): Locale {
  const asked = new URL(request.url).searchParams.get('lang');
  return isLocale(asked) ? asked : browserLocale(request.headers);
}

/** Amounts of linked imported grants in the cycle's fiscal year, by support item id (the researcher's own e-Rad number). */
async function thisYearAmounts(disclosureId: string, researcherId: string, fiscalYear: number): Promise<ThisYearAmounts> {
  const [links, profile] = await Promise.all([
    db.grantSuggestion.findMany({
      where: { disclosureId, researcherId, decision: 'ACCEPTED', itemId: { not: null } },
      select: { itemId: true, funder: true, projectNumber: true },
    }),
    db.researcherProfile.findUnique({ where: { userId: researcherId }, select: { eradNumber: true } }),
  ]);
  if (links.length === 0 || !profile?.eradNumber) return {};
  const records = await db.domesticGrant.findMany({
    where: { eradNumber: profile.eradNumber, fiscalYear, projectNumber: { in: links.map((l) => l.projectNumber) } },
    select: { funder: true, projectNumber: true, amountJpy: true },
  });
  const out: ThisYearAmounts = {};
  for (const l of links) {
    const rows = records.filter((r) => r.funder === l.funder && r.projectNumber === l.projectNumber);
    if (rows.length > 0) out[l.itemId!] = rows.reduce((s, r) => s + r.amountJpy, 0n);
  }
  return out;
}

export async function grantExportResponse(
  actor: Actor | null,
  params: { id: string; number: string; file: string },
  request: Request,
  origin: Origin,
): Promise<Response> {
  if (!actor) return json({ error: 'errors.signedOut' }, 401);
  const resource = `DisclosureVersion:${params.id}/${params.number}/${params.file}`;
  const number = Number(params.number);
  if (
    !hasRole(actor, 'RESEARCHER') ||
    !z.uuid().safeParse(params.id).success ||
    !Number.isInteger(number) ||
    number < 1 ||
    number > 1_000_000 ||
    !(exportFiles as readonly string[]).includes(params.file)
  ) {
    return notFound(actor, origin, resource);
  }
  const d = await db.disclosure.findFirst({
    where: ownDisclosure(actor, params.id),
    select: {
      id: true,
      institutionId: true,
      researcherId: true,
      cycle: { select: { code: true, fiscalYear: true, exchangeRates: { select: { currency: true, jpyPerUnit: true } } } },
      versions: { where: { number }, select: { id: true, number: true, content: true, contentHash: true, certifiedAt: true } },
    },
  });
  const version = d?.versions[0];
  if (!d || !version) return notFound(actor, origin, resource);

  const file = params.file as ExportFile;
  const locale = exportLocale(request);
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: 'grantExports' as never, timeZone: JAPAN_TIME_ZONE }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
  const content = version.content as DisclosureContent;
  const rates = Object.fromEntries(d.cycle.exchangeRates.map((r) => [r.currency.trim(), r.jpyPerUnit.toFixed()]));
  const certifiedAt = version.certifiedAt.toISOString();
  const base = `kaiji-${file.startsWith('cpos') ? 'cpos' : 'erad-effort'}-${d.cycle.code}-v${version.number}`;

  let body: Uint8Array | string;
  let mediaType: string;
  let fileName: string;
  if (file === 'erad-effort.csv') {
    const rows = eradRows(content, {
      locale,
      fiscalYear: d.cycle.fiscalYear,
      asOf: certifiedAt.slice(0, 10),
      rates,
      thisYear: await thisYearAmounts(d.id, d.researcherId, d.cycle.fiscalYear),
    });
    body = eradCsv(rows, (key) => t(`erad.${key}`, { fy: d.cycle.fiscalYear }));
    mediaType = 'text/csv; charset=utf-8';
    fileName = `${base}.csv`;
  } else {
    const doc = cposDocument(
      content,
      { disclosureId: d.id, versionNumber: version.number, contentHash: version.contentHash, certifiedAt, cycle: d.cycle.code },
      rates,
    );
    if (file === 'cpos.json') {
      body = `${JSON.stringify(doc, null, 2)}\n`;
      mediaType = 'application/json; charset=utf-8';
      fileName = `${base}.json`;
    } else {
      // The currency by its ISO code (as the funders' forms write it), digits grouped for the reader;
      // the JSON keeps the plain decimal string.
      const money = (amount: string, currency: CposAmount['currency']) => formatMoney({ amountMinor: BigInt(amount.replace('.', '')), currency }, locale, 'code');
      const yen = (jpy: string) => formatMoney({ amountMinor: BigInt(jpy), currency: 'JPY' }, locale);
      body = await cposPdf(doc, locale, {
        title: t('cpos.title'),
        intro: t('cpos.intro'),
        source: t('cpos.source', { cycle: d.cycle.code, number: version.number, certifiedAt: certifiedAt.slice(0, 10), hash: version.contentHash.slice(0, 16) }),
        individual: t('cpos.individual'),
        projects: t('cpos.projects'),
        inKind: t('cpos.inKind'),
        none: t('cpos.none'),
        page: (n, of) => t('cpos.page', { n, of }),
        field: (key) => t(`cpos.fields.${key}`),
        status: (s) => t(`cpos.status.${s}`),
        amount: (a) => (a.currency === 'JPY' || a.jpy === null ? money(a.amount, a.currency) : t('cpos.amountWithYen', { amount: money(a.amount, a.currency), yen: yen(a.jpy) })),
        personMonths: (rows) => rows.map((r) => t('cpos.personMonthsRow', { year: r.year, months: r.personMonths })).join(', '),
        period: (start, end) => t('cpos.period', { start, end }),
      });
      mediaType = 'application/pdf';
      fileName = `${base}.pdf`;
    }
  }

  await recordAuditNow({
    action: 'disclosure.export',
    actorId: actor.userId,
    actorEmail: actor.email,
    entityType: 'Disclosure',
    entityId: d.id,
    institutionId: d.institutionId,
    ...origin,
    details: { file, versionId: version.id, number: version.number, contentHash: version.contentHash, locale },
  });
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: { ...headers, 'Content-Type': mediaType, 'Content-Length': String(bytes.byteLength), 'Content-Disposition': contentDisposition(fileName) },
  });
}
