// The operations of /api/v1: for each, the schemas that parse its parameters, the schema of its answer,
// and the words of the document. openapi.ts renders them; the route handlers parse with them.
import { z } from 'zod';
import 'zod-openapi';
import { disclosurePath, listDisclosuresQuery, noQuery, talentGrantsQuery } from './query-schemas';
import { disclosureDetailSchema, disclosureListSchema, fiscalYearSchema, institutionEntrySchema, talentGrantsSchema } from './response-schemas';

export type Tag = 'Scope' | 'Disclosures' | 'Reports' | 'Meta';

export interface OperationSpec {
  path: string;
  operationId: string;
  tags: Tag[];
  summary: string;
  description: string;
  query: z.ZodObject;
  pathSchema?: z.ZodObject;
  response: z.ZodType;
  example: unknown;
  etag?: boolean;
  /** Needs no token (the document itself). */
  public?: boolean;
}

const INSTITUTION = { id: '7a3e7c0e-4d5f-4f7b-9a51-0b8f2a6f1c11', nameJa: '開示デモ大学', nameEn: 'Kaiji Demo University' };
const DISCLOSURE_ID = '3d9c1a52-8c1e-4b7e-a0b4-6d2f0e9a7c35';
const figure = (count: number | null, records: string | null) => ({ count, suppressed: count === null, records });

export const operations = {
  listInstitutions: {
    path: '/api/v1/institutions',
    operationId: 'listInstitutions',
    tags: ['Scope'],
    summary: 'Institutions in your scope',
    description: 'The institutions this token may read, by English name. Use their ids as institutionId to narrow a list or report.',
    query: noQuery,
    response: z.object({ data: z.array(institutionEntrySchema) }),
    example: { data: [{ ...INSTITUTION, slug: 'kaiji-demo', country: 'JP', retired: false }] },
  },
  listFiscalYears: {
    path: '/api/v1/fiscal-years',
    operationId: 'listFiscalYears',
    tags: ['Scope'],
    summary: 'Fiscal years with disclosure cycles in your scope, and how many disclosures each holds',
    description: 'Newest first. A year appears when any institution in scope has a cycle for it, with 0 disclosures if none were filed. The counts are what /api/v1/disclosures lists for that year without filters.',
    query: noQuery,
    response: z.object({ data: z.array(fiscalYearSchema) }),
    example: { data: [{ fiscalYear: 2026, disclosures: 412 }, { fiscalYear: 2025, disclosures: 398 }] },
  },
  listDisclosures: {
    path: '/api/v1/disclosures',
    operationId: 'listDisclosures',
    tags: ['Disclosures'],
    summary: 'Disclosures in your scope, filtered like a report figure',
    description:
      'One disclosure per researcher and cycle, for one fiscal year, by researcher name. The filters are the keys of report figures: a figure’s records link is this operation with those keys. Pages: pass nextCursor back as cursor, with the same other parameters (or follow links.next).',
    query: listDisclosuresQuery,
    response: disclosureListSchema,
    example: {
      fiscalYear: 2026,
      data: [
        {
          id: DISCLOSURE_ID,
          fiscalYear: 2026,
          institution: INSTITUTION,
          researcherName: '山田 太郎',
          eradNumber: '12345678',
          status: 'SUBMITTED',
          maxSeverity: 'REVIEW',
          findingCount: 2,
          pendingMatches: 1,
          version: 1,
          lastSubmittedAt: '2026-06-30T05:12:44.120Z',
          talentProgrammes: 1,
          grantTotalJpy: null,
        },
      ],
      nextCursor: 'PZwaUowVS36gtG0vDppzNQ.0r4Vb5dVbN0y3mWf8oG1l8c1f3O1kq7yC8mUjI2s9tA',
      links: { next: '/api/v1/disclosures?fiscalYear=2026&cursor=PZwaUowVS36gtG0vDppzNQ.0r4Vb5dVbN0y3mWf8oG1l8c1f3O1kq7yC8mUjI2s9tA' },
    },
  },
  getDisclosure: {
    path: '/api/v1/disclosures/{id}',
    operationId: 'getDisclosure',
    tags: ['Disclosures'],
    summary: 'One disclosure: summary, latest submitted version and its current findings',
    description: 'Answers with an ETag; send it back in If-None-Match to get 304 when nothing changed. A disclosure outside your scope answers 404, exactly as one that does not exist.',
    query: noQuery,
    pathSchema: disclosurePath,
    response: z.object({ data: disclosureDetailSchema }),
    etag: true,
    example: {
      data: {
        id: DISCLOSURE_ID,
        fiscalYear: 2026,
        institution: INSTITUTION,
        researcherName: '山田 太郎',
        eradNumber: '12345678',
        status: 'UNDER_REVIEW',
        maxSeverity: 'FLAG',
        findingCount: 1,
        pendingMatches: 0,
        lastSubmittedAt: '2026-06-30T05:12:44.120Z',
        decidedAt: null,
        latestVersion: {
          number: 1,
          kind: 'INITIAL',
          certifiedAt: '2026-06-30T05:12:44.120Z',
          formVersion: 1,
          items: { appointments: 1, programmes: 1, support: 2, gifts: 0, interests: 0, travel: 1 },
          talentProgrammes: 1,
          organisations: [{ section: 'appointments', name: 'Beihang University', country: 'CN' }],
        },
        findings: [{ rule: 'foreign-talent-programme', severity: 'FLAG', itemRef: 'programmes/0', messageJa: '外国の人材招致プログラムへの参加', messageEn: 'Takes part in a foreign talent-recruitment programme' }],
      },
    },
  },
  talentGrantsReport: {
    path: '/api/v1/reports/talent-grants',
    operationId: 'talentGrantsReport',
    tags: ['Reports'],
    summary: 'Talent programmes and domestic grants',
    description:
      'For one fiscal year: researchers who disclosed a foreign talent programme; of those, how many received domestic grants totalling more than threshold over window fiscal years (with the total and the largest); how many are at institutions of the group list; how many name an organisation matched to a watchlist; by institution, by group entry and by watchlist. Each figure links to its records (listDisclosures); with publication=true small counts are withheld (null) and no figure links to records (the record list has no publication variant).',
    query: talentGrantsQuery,
    response: talentGrantsSchema,
    example: {
      fiscalYear: 2026,
      thresholdJpy: '100000000',
      window: 10,
      windowFiscalYears: [2017, 2026],
      publication: false,
      publicationMinimum: 5,
      group: { code: 'cn-sastind-seven-sons', found: true, nameEn: 'SASTIND “Seven Sons” universities (sample)', nameJa: '国防七校（サンプル）', isSample: true },
      totals: {
        talent: figure(12, '/api/v1/disclosures?fiscalYear=2026&talent=any'),
        aboveThreshold: figure(3, '/api/v1/disclosures?fiscalYear=2026&talent=grants'),
        aboveTotalJpy: '767900000',
        aboveLargestJpy: '412000000',
        atGroup: figure(2, '/api/v1/disclosures?fiscalYear=2026&talent=group'),
        onWatchlist: figure(1, '/api/v1/disclosures?fiscalYear=2026&talent=watchlist'),
        onWatchlistThen: figure(2, '/api/v1/disclosures?fiscalYear=2026&talent=watchlist&listed=then'),
      },
      byInstitution: [],
      byGroupEntry: [],
      byWatchlist: [],
    },
  },
} satisfies Record<string, OperationSpec>;

export type OperationId = keyof typeof operations;
