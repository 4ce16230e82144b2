// What /api/v1 answers, as zod schemas rendered into the OpenAPI document (and checked against real
// answers by the contract test). Every field the server always sends is required; null is spelled out.
import { z } from 'zod';
import 'zod-openapi';
import { STATUSES } from '@/lib/reports/params';
import { CURSOR_PATTERN } from './query-schemas';

const FINDING_SEVERITIES = ['FLAG', 'REVIEW', 'INFO'] as const;
const VERSION_KINDS = ['INITIAL', 'RESUBMISSION', 'UPDATE'] as const;
const SECTIONS = ['appointments', 'programmes', 'support', 'gifts', 'interests', 'travel'] as const;

const id = z.uuid();
const dateTime = z.iso.datetime();
const yen = z.string().regex(/^\d+$/).meta({ description: 'Yen, as a decimal string (amounts can exceed 2^53)', example: '767900000' });

export const institutionSchema = z
  .object({
    id,
    nameJa: z.string().meta({ example: '開示デモ大学' }),
    nameEn: z.string().meta({ example: 'Kaiji Demo University' }),
  })
  .meta({ id: 'Institution', description: 'An institution, in the same shape wherever one appears' });

export const institutionEntrySchema = institutionSchema
  .extend({
    slug: z.string().meta({ example: 'kaiji-demo' }),
    country: z.string().meta({ description: 'ISO 3166-1 alpha-2', example: 'JP' }),
    retired: z.boolean().meta({ description: 'Retired institutions keep their past disclosures' }),
  })
  .meta({ id: 'InstitutionEntry', description: 'An institution in your scope (Institution with its slug, country and state)' });

export const fiscalYearSchema = z
  .object({
    fiscalYear: z.int().meta({ example: 2026 }),
    disclosures: z.int().min(0).meta({ description: 'Disclosures of that year in your scope', example: 412 }),
  })
  .meta({ id: 'FiscalYear' });

const status = z.enum(STATUSES).meta({ id: 'DisclosureStatus' });
const severity = z.enum(FINDING_SEVERITIES).meta({ id: 'Severity' });

export const disclosureSummarySchema = z
  .object({
    id,
    fiscalYear: z.int(),
    institution: institutionSchema,
    researcherName: z.string().nullable().meta({ description: 'null in the publication variant, and for institutions whose names your scope does not show' }),
    eradNumber: z.string().nullable().meta({ description: 'e-Rad researcher number; null when unknown or not shown' }),
    status,
    maxSeverity: severity.nullable().meta({ description: 'Highest severity among current findings; null: none' }),
    findingCount: z.int().min(0),
    pendingMatches: z.int().min(0).meta({ description: 'Watchlist matches awaiting an officer' }),
    version: z.int().nullable().meta({ description: 'Number of the latest submitted version' }),
    lastSubmittedAt: dateTime.nullable(),
    talentProgrammes: z.int().min(0).meta({ description: 'Talent-programme items in the latest submitted version' }),
    grantTotalJpy: yen.nullable().meta({ description: 'With a talent or programme filter: domestic grants in the window, yen; otherwise null' }),
  })
  .meta({ id: 'DisclosureSummary' });

export const disclosureListSchema = z
  .object({
    fiscalYear: z.int().meta({ description: 'The year listed (the default when none was asked for)' }),
    data: z.array(disclosureSummarySchema),
    nextCursor: z.string().regex(CURSOR_PATTERN).nullable().meta({ description: 'Pass as cursor for the next page; null on the last page' }),
    links: z.object({ next: z.string().nullable().meta({ description: 'The next page (path and query), or null' }) }),
  })
  .meta({ id: 'DisclosureList' });

export const disclosureDetailSchema = z
  .object({
    id,
    fiscalYear: z.int(),
    institution: institutionSchema,
    researcherName: z.string().nullable(),
    eradNumber: z.string().nullable(),
    status,
    maxSeverity: severity.nullable(),
    findingCount: z.int().min(0),
    pendingMatches: z.int().min(0),
    lastSubmittedAt: dateTime.nullable(),
    decidedAt: dateTime.nullable().meta({ description: 'When an officer last approved, returned or flagged it' }),
    latestVersion: z
      .object({
        number: z.int().min(1),
        kind: z.enum(VERSION_KINDS),
        certifiedAt: dateTime,
        formVersion: z.int(),
        items: z.object(Object.fromEntries(SECTIONS.map((s) => [s, z.int().min(0)])) as Record<(typeof SECTIONS)[number], z.ZodInt>).meta({ description: 'Items per section' }),
        talentProgrammes: z.int().min(0),
        organisations: z.array(z.object({ section: z.string(), name: z.string(), country: z.string().nullable() })),
      })
      .nullable()
      .meta({ description: 'The latest submitted version; null if never submitted' }),
    findings: z.array(
      z.object({ rule: z.string(), severity, itemRef: z.string().nullable(), messageJa: z.string(), messageEn: z.string() }).meta({ id: 'Finding' }),
    ),
  })
  .meta({ id: 'DisclosureDetail' });

export const figureSchema = z
  .object({
    count: z.int().min(0).nullable().meta({ description: 'null when withheld (publication variant)' }),
    suppressed: z.boolean(),
    records: z.string().nullable().meta({ description: 'GET this path for the disclosures behind the figure; null when withheld' }),
  })
  .meta({ id: 'Figure' });

const talentFigures = {
  talent: figureSchema,
  aboveThreshold: figureSchema,
  aboveTotalJpy: yen.nullable().meta({ description: 'Sum of the grant totals above the threshold; null when none or withheld' }),
  aboveLargestJpy: yen.nullable().meta({ description: 'Largest grant total above the threshold; null when none or withheld' }),
  atGroup: figureSchema,
  onWatchlist: figureSchema,
  onWatchlistThen: figureSchema,
};

export const talentFiguresSchema = z.object(talentFigures).meta({ id: 'TalentFigures' });

export const talentGrantsSchema = z
  .object({
    fiscalYear: z.int(),
    thresholdJpy: yen,
    window: z.int(),
    windowFiscalYears: z.tuple([z.int(), z.int()]).meta({ description: 'First and last fiscal year of the grant window' }),
    publication: z.boolean(),
    publicationMinimum: z.int().meta({ description: 'Counts below this are withheld in the publication variant' }),
    group: z.object({ code: z.string(), found: z.boolean(), nameEn: z.string(), nameJa: z.string(), isSample: z.boolean() }).meta({ description: "The group list used (found: false when no GROUP watchlist has that code)" }),
    totals: talentFiguresSchema,
    byInstitution: z.array(z.object({ institution: institutionSchema, ...talentFigures })),
    byGroupEntry: z.array(z.object({ entryId: id, name: z.string(), nameJa: z.string().nullable(), ...figureSchema.shape })),
    byWatchlist: z.array(
      z
        .object({ code: z.string(), nameEn: z.string(), nameJa: z.string(), isSample: z.boolean(), ...figureSchema.shape, then: figureSchema })
        .meta({ description: 'count/records: on an entry listed now; then: on an entry listed at some time during fiscalYear (removed since or not)' }),
    ),
  })
  .meta({ id: 'TalentGrantsReport' });

