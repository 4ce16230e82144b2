import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { toFieldIssues } from './errors';
import { sampleContent } from './sample';
import {
  certificationSchema,
  completeSchemas,
  contentSchema,
  draftContentSchema,
  draftSchemas,
  emptyContent,
  repeatingSectionKeys,
  sectionKeys,
} from './sections';

const uuid = () => crypto.randomUUID();

/** "path key" strings of every issue, e.g. "items.0.endDate validation.endBeforeStart". */
function issues(schema: z.ZodType, data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : toFieldIssues(result.error).map((i) => `${i.path} ${i.key}`);
}

function section<T>(items: T[]) {
  return { nothingToDisclose: false, items };
}

const sample = sampleContent();
const appointment = sample.appointments.items[0]!;
const programme = sample.programmes.items[0]!;
const support = sample.support.items[0]!;
const trip = sample.travel.items[0]!;
const gift = {
  id: uuid(),
  kind: 'HONORARIUM' as const,
  source: { name: 'Korea Advanced Institute of Science and Technology', country: 'KR' as const },
  description: 'Keynote lecture',
  receivedOn: '2025-06-10',
  value: { amountMinor: 1_000_000, currency: 'KRW' as const },
  talentProgrammeAward: false,
};
const interest = {
  id: uuid(),
  kind: 'EQUITY' as const,
  organisation: { name: 'Example Materials KK', country: 'JP' as const },
  description: 'Founder shares',
  equityPercent: 12.5,
  startDate: '2020-01-01',
};

describe('the whole content', () => {
  it('accepts the sample as complete and as draft, keeping its values', () => {
    const parsed = contentSchema.parse(sample);
    expect(parsed).toEqual(sample);
    expect(draftContentSchema.parse(sample)).toEqual(sample);
  });

  it('empty content is a valid draft of every section and fails only for emptiness at submit', () => {
    const empty = emptyContent();
    expect(Object.keys(empty)).toEqual([...sectionKeys]);
    expect(draftContentSchema.parse(empty)).toEqual(empty);
    const found = issues(contentSchema, empty);
    expect(found).toEqual(
      expect.arrayContaining([
        'profile.nameKana validation.required',
        'profile.eradNumber validation.required',
        ...repeatingSectionKeys.map((key) => `${key}.nothingToDisclose validation.sectionEmpty`),
      ]),
    );
  });
});

describe('repeating sections', () => {
  it.each(repeatingSectionKeys)('%s: requires exactly one of "nothing to disclose" or an item', (key) => {
    const item = sample[key].items[0] ?? (key === 'gifts' ? gift : interest);
    expect(issues(completeSchemas[key], { nothingToDisclose: true, items: [] })).toEqual([]);
    expect(issues(completeSchemas[key], { nothingToDisclose: false, items: [item] })).toEqual([]);
    expect(issues(completeSchemas[key], { nothingToDisclose: false, items: [] })).toEqual([
      'nothingToDisclose validation.sectionEmpty',
    ]);
    expect(issues(completeSchemas[key], { nothingToDisclose: true, items: [item] })).toEqual([
      'nothingToDisclose validation.nothingToDiscloseWithItems',
    ]);
  });

  it.each(repeatingSectionKeys)('%s: a draft accepts partial items and fills defaults', (key) => {
    const id = uuid();
    expect(draftSchemas[key].parse({})).toEqual({ nothingToDisclose: false, items: [] });
    expect(draftSchemas[key].parse({ items: [{ id }] })).toEqual({ nothingToDisclose: false, items: [{ id }] });
    // ...but not ill-typed data, nor an item without its id
    expect(issues(draftSchemas[key], { items: [{}] })).toEqual(['items.0.id validation.required']);
    expect(issues(draftSchemas[key], { nothingToDisclose: 'yes' })).toEqual([
      'nothingToDisclose validation.invalidType',
    ]);
    expect(issues(draftSchemas[key], { items: [{ id: 'not-a-uuid' }] })).toEqual([
      'items.0.id validation.invalidReference',
    ]);
  });

  it('refuses duplicate item ids in drafts and at submit', () => {
    const twice = section([appointment, { ...appointment }]);
    expect(issues(draftSchemas.appointments, twice)).toEqual(['items.1.id validation.duplicateId']);
    expect(issues(completeSchemas.appointments, twice)).toEqual(['items.1.id validation.duplicateId']);
  });

  it('limits the number of items', () => {
    const many = Array.from({ length: 101 }, () => ({ id: uuid() }));
    expect(toFieldIssues(draftSchemas.travel.safeParse({ items: many }).error!)).toEqual([
      { path: 'items', key: 'validation.tooManyItems', params: { max: 100 } },
    ]);
  });
});

describe('profile', () => {
  const profile = sample.profile;

  it('folds full-width digits, half-width kana and ORCID links', () => {
    const parsed = completeSchemas.profile.parse({
      ...profile,
      nameKana: 'ﾔﾏﾀﾞ ﾀﾛｳ',
      eradNumber: '１２３４５６７８',
      orcid: 'https://orcid.org/0000-0002-1694-233x',
    });
    expect(parsed.nameKana).toBe('ヤマダ タロウ');
    expect(parsed.eradNumber).toBe('12345678');
    expect(parsed.orcid).toBe('0000-0002-1694-233X');
  });

  it('never folds kanji names (compatibility ideographs are part of a name)', () => {
    expect(completeSchemas.profile.parse({ ...profile, nameKanji: '山﨑 太郎' }).nameKanji).toBe('山﨑 太郎');
  });

  it('kanji name and ORCID are optional; an empty ORCID is no ORCID', () => {
    const { nameKanji: _k, orcid: _o, ...rest } = profile;
    expect(issues(completeSchemas.profile, rest)).toEqual([]);
    expect(issues(completeSchemas.profile, { ...rest, orcid: '' })).toEqual([]);
  });

  it('reports the format of each identifier and name', () => {
    expect(
      issues(completeSchemas.profile, {
        ...profile,
        nameKana: '山田',
        nameRomaji: 'ヤマダ',
        eradNumber: '1234567',
        orcid: '0000-0002-1825-0098',
      }),
    ).toEqual([
      'nameKana validation.kanaFormat',
      'nameRomaji validation.romajiFormat',
      'eradNumber validation.eradFormat',
      'orcid validation.orcidChecksum',
    ]);
    expect(issues(completeSchemas.profile, { ...profile, orcid: '1234' })).toEqual(['orcid validation.orcidFormat']);
    expect(issues(completeSchemas.profile, { ...profile, eradNumber: '123456789' })).toEqual([
      'eradNumber validation.eradFormat',
    ]);
  });

  it('reports an empty required field once, as required', () => {
    expect(issues(completeSchemas.profile, { ...profile, nameKana: '  ', eradNumber: '' })).toEqual([
      'nameKana validation.required',
      'eradNumber validation.required',
    ]);
  });

  it('a draft keeps what is being typed, formats unchecked', () => {
    const draft = { nameKana: 'ﾔﾏ', eradNumber: '1234', orcid: '0000-00' };
    expect(draftSchemas.profile.parse(draft)).toEqual(draft);
    expect(issues(draftSchemas.profile, { eradNumber: 12345678 })).toEqual(['eradNumber validation.invalidType']);
    expect(issues(draftSchemas.profile, { position: 'x'.repeat(301) })).toEqual(['position validation.tooLong']);
  });
});

describe('appointments', () => {
  const check = (changes: Record<string, unknown>) =>
    issues(completeSchemas.appointments, section([{ ...appointment, ...changes }]));

  it('checks date order (an open end is allowed)', () => {
    expect(check({ endDate: undefined })).toEqual([]);
    expect(check({ endDate: '' })).toEqual([]);
    expect(check({ startDate: '2024-04-01', endDate: '2024-04-01' })).toEqual([]);
    expect(check({ startDate: '2024-04-01', endDate: '2024-03-31' })).toEqual([
      'items.0.endDate validation.endBeforeStart',
    ]);
  });

  it('refuses impossible dates and requires a start', () => {
    expect(check({ startDate: '2023-02-29' })).toEqual(['items.0.startDate validation.invalidDate']);
    expect(check({ startDate: '2024/04/01' })).toEqual(['items.0.startDate validation.invalidDate']);
    expect(check({ startDate: '' })).toEqual(['items.0.startDate validation.required']);
    expect(check({ startDate: '2024-02-29' })).toEqual([]);
  });

  it('effort is a whole percentage from 0 to 100', () => {
    expect(check({ timeCommitment: { unit: 'PERCENT', value: 0 } })).toEqual([]);
    expect(check({ timeCommitment: { unit: 'PERCENT', value: 100 } })).toEqual([]);
    expect(check({ timeCommitment: { unit: 'PERCENT', value: 101 } })).toEqual([
      'items.0.timeCommitment.value validation.percentRange',
    ]);
    expect(check({ timeCommitment: { unit: 'PERCENT', value: 12.5 } })).toEqual([
      'items.0.timeCommitment.value validation.wholeNumber',
    ]);
  });

  it('person-months run from 0 to 12 with one decimal', () => {
    expect(check({ timeCommitment: { unit: 'PERSON_MONTHS', value: 1.5 } })).toEqual([]);
    expect(check({ timeCommitment: { unit: 'PERSON_MONTHS', value: 12 } })).toEqual([]);
    expect(check({ timeCommitment: { unit: 'PERSON_MONTHS', value: 12.1 } })).toEqual([
      'items.0.timeCommitment.value validation.personMonthsRange',
    ]);
    expect(check({ timeCommitment: { unit: 'PERSON_MONTHS', value: -1 } })).toEqual([
      'items.0.timeCommitment.value validation.personMonthsRange',
    ]);
    expect(check({ timeCommitment: { unit: 'PERSON_MONTHS', value: 1.25 } })).toEqual([
      'items.0.timeCommitment.value validation.oneDecimal',
    ]);
    expect(check({ timeCommitment: { unit: 'PERSON_MONTHS', value: Number.NaN } })).toEqual([
      'items.0.timeCommitment.value validation.required',
    ]);
  });

  it('paid, compensation and its period agree', () => {
    expect(check({ paid: false, compensation: undefined, compensationPeriod: undefined })).toEqual([]);
    expect(check({ paid: false })).toEqual(['items.0.compensation validation.unpaidWithCompensation']);
    expect(check({ compensationPeriod: undefined })).toEqual(['items.0.compensationPeriod validation.required']);
    expect(check({ compensation: { amountMinor: 1.5, currency: 'USD' } })).toEqual([
      'items.0.compensation.amountMinor validation.amountInvalid',
    ]);
    expect(check({ compensation: { amountMinor: -1, currency: 'USD' } })).toEqual([
      'items.0.compensation.amountMinor validation.amountNegative',
    ]);
    expect(check({ compensation: { amountMinor: 2 ** 53, currency: 'USD' } })).toEqual([
      'items.0.compensation.amountMinor validation.amountTooLarge',
    ]);
    expect(check({ compensation: { amountMinor: 100, currency: 'XYZ' } })).toEqual([
      'items.0.compensation.currency validation.invalidCurrency',
    ]);
  });

  it('checks the organisation reference and the choice of kind', () => {
    expect(
      check({ organisation: { entityId: 'x', name: '', country: 'ZZ' }, kind: 'CONSULTANT', contractAttachmentIds: ['x'] }),
    ).toEqual([
      'items.0.organisation.entityId validation.invalidReference',
      'items.0.organisation.name validation.required',
      'items.0.organisation.country validation.invalidCountry',
      'items.0.kind validation.invalidOption',
      'items.0.contractAttachmentIds.0 validation.invalidReference',
    ]);
  });

  it('shows cross-field problems together with missing fields', () => {
    const { title: _t, ...rest } = appointment;
    expect(issues(completeSchemas.appointments, section([{ ...rest, endDate: '2000-01-01' }]))).toEqual([
      'items.0.title validation.required',
      'items.0.endDate validation.endBeforeStart',
    ]);
  });

  it('trims text at submit', () => {
    const parsed = completeSchemas.appointments.parse(section([{ ...appointment, title: '  Professor  ' }]));
    expect(parsed.items[0]?.title).toBe('Professor');
  });
});

describe('programmes', () => {
  const check = (changes: Record<string, unknown>) =>
    issues(completeSchemas.programmes, section([{ ...programme, ...changes }]));

  it('every obligation must be answered, and a "yes" explained', () => {
    expect(check({ obligations: { ipTransfer: false } })).toEqual([
      'items.0.obligations.recruiting validation.required',
      'items.0.obligations.concealment validation.required',
      'items.0.obligations.workAbroad validation.required',
      'items.0.obligations.unapprovedOverlap validation.required',
    ]);
    expect(check({ obligationsDescription: ' ' })).toEqual(['items.0.obligationsDescription validation.required']);
    const none = { ipTransfer: false, recruiting: false, concealment: false, workAbroad: false, unapprovedOverlap: false };
    expect(check({ obligations: none, obligationsDescription: undefined })).toEqual([]);
  });

  it('checks dates and requires the benefits description', () => {
    expect(check({ endDate: '2020-01-01', benefitsDescription: '' })).toEqual([
      'items.0.benefitsDescription validation.required',
      'items.0.endDate validation.endBeforeStart',
    ]);
  });
});

describe('support (CPOS)', () => {
  const check = (changes: Record<string, unknown>) =>
    issues(completeSchemas.support, section([{ ...support, ...changes }]));

  it('person-months per year: 0–12, one decimal, each year once, within the period', () => {
    expect(
      check({
        personMonthsPerYear: [
          { year: 2024, personMonths: 12.5 },
          { year: 2025, personMonths: 0.25 },
          { year: 2025, personMonths: 1 },
          { year: 2030, personMonths: 1 },
          { year: 2026.5, personMonths: 1 },
        ],
      }),
    ).toEqual([
      'items.0.personMonthsPerYear.0.personMonths validation.personMonthsRange',
      'items.0.personMonthsPerYear.1.personMonths validation.oneDecimal',
      'items.0.personMonthsPerYear.4.year validation.invalidYear',
      'items.0.personMonthsPerYear.2.year validation.duplicateYear',
      'items.0.personMonthsPerYear.3.year validation.yearOutsidePeriod',
    ]);
    expect(check({ personMonthsPerYear: [] })).toEqual(['items.0.personMonthsPerYear validation.required']);
  });

  it('needs an amount unless in kind, and in-kind details when in kind', () => {
    expect(check({ totalAmount: undefined })).toEqual(['items.0.totalAmount validation.required']);
    expect(check({ totalAmount: undefined, inKind: true })).toEqual([
      'items.0.inKindDescription validation.required',
      'items.0.inKindValue validation.required',
    ]);
    expect(
      check({
        totalAmount: undefined,
        inKind: true,
        inKindDescription: 'Beamline time',
        inKindValue: { amountMinor: 5_000_000, currency: 'JPY' },
      }),
    ).toEqual([]);
  });

  it('requires status, role, both dates, objectives and an overlap statement', () => {
    expect(
      check({ status: 'AWARDED', role: undefined, endDate: undefined, objectives: '', overlap: undefined }),
    ).toEqual([
      'items.0.status validation.invalidOption',
      'items.0.role validation.required',
      'items.0.endDate validation.required',
      'items.0.objectives validation.required',
      'items.0.overlap validation.required',
    ]);
  });
});

describe('gifts', () => {
  const check = (changes: Record<string, unknown>) => issues(completeSchemas.gifts, section([{ ...gift, ...changes }]));

  it('accepts a complete honorarium; a value is required except for awards', () => {
    expect(check({})).toEqual([]);
    expect(check({ value: undefined })).toEqual(['items.0.value validation.required']);
    expect(check({ kind: 'AWARD', value: undefined })).toEqual([]);
  });

  it('asks about talent-programme awards and a valid date', () => {
    expect(check({ talentProgrammeAward: undefined, receivedOn: '2025-13-01' })).toEqual([
      'items.0.receivedOn validation.invalidDate',
      'items.0.talentProgrammeAward validation.required',
    ]);
  });
});

describe('interests', () => {
  const check = (changes: Record<string, unknown>) =>
    issues(completeSchemas.interests, section([{ ...interest, ...changes }]));

  it('accepts equity with a share; checks the share and the dates', () => {
    expect(check({})).toEqual([]);
    expect(check({ equityPercent: 120, endDate: '2019-12-31' })).toEqual([
      'items.0.endDate validation.endBeforeStart',
      'items.0.equityPercent validation.percentRange',
    ]);
    expect(check({ kind: 'ROYALTY', description: '' })).toEqual([
      'items.0.kind validation.invalidOption',
      'items.0.description validation.required',
    ]);
  });
});

describe('travel', () => {
  const check = (changes: Record<string, unknown>) => issues(completeSchemas.travel, section([{ ...trip, ...changes }]));

  it('requires both dates in order, the destination and the value', () => {
    expect(check({})).toEqual([]);
    expect(check({ endDate: '2025-08-31' })).toEqual(['items.0.endDate validation.endBeforeStart']);
    expect(check({ destinationCountry: 'XX', value: undefined })).toEqual([
      'items.0.destinationCountry validation.invalidCountry',
      'items.0.value validation.required',
    ]);
    expect(check({ value: { currency: 'CNY' } })).toEqual(['items.0.value.amountMinor validation.required']);
  });
});

describe('certification', () => {
  it('needs the typed full name and acceptance', () => {
    expect(issues(certificationSchema, { fullName: '山田 太郎', accepted: true })).toEqual([]);
    expect(issues(certificationSchema, { fullName: ' ', accepted: false })).toEqual([
      'fullName validation.required',
      'accepted validation.mustAccept',
    ]);
    expect(issues(certificationSchema, { fullName: 'Yamada Taro' })).toEqual(['accepted validation.mustAccept']);
  });
});
