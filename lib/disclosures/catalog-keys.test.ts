// Every catalog key this model hands to the UI exists in both languages, and no schema can produce a
// message that is not a catalog key (zod's English defaults included).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { errorKeys } from './errors';
import {
  commonLabels,
  diffLabels,
  fieldHelp,
  fieldLabels,
  fieldOptions,
  fieldPaths,
  optionLabelKey,
  partHelp,
  partLabels,
  progressLabels,
  sectionLabels,
  type OptionField,
} from './labels';
import { sampleContent } from './sample';
import { certificationSchema, completeSchemas, draftSchemas, sectionFields, sectionKeys } from './sections';

const root = path.resolve(import.meta.dirname, '../..');
const locales = ['en', 'ja'] as const;

function message(locale: string, key: string): unknown {
  const [namespace, ...rest] = key.split('.');
  const file = path.join(root, 'messages', locale, `${namespace}.json`);
  if (!namespace || !fs.existsSync(file)) return undefined;
  let node: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const part of rest) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

function missing(keys: Iterable<string>): string[] {
  return [...new Set(keys)].flatMap((key) =>
    locales.filter((locale) => typeof message(locale, key) !== 'string' || message(locale, key) === '').map(
      (locale) => `${locale}: ${key}`,
    ),
  );
}

const leaves = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Object.values(value as object).flatMap(leaves);

describe('catalog keys used by the disclosure model', () => {
  it('every validation key exists in both languages', () => {
    expect(missing(Object.values(errorKeys))).toEqual([]);
  });

  it('every field has a label, and the labels cover exactly the schema fields', () => {
    expect(missing(Object.values(fieldLabels))).toEqual([]);
    expect(Object.keys(fieldLabels).sort()).toEqual([...fieldPaths].sort());
    expect(fieldPaths.length).toBeGreaterThan(60);
  });

  it('help, options, composite parts, sections, progress, diff and common words exist', () => {
    const options = (Object.keys(fieldOptions) as OptionField[]).flatMap((field) =>
      fieldOptions[field].map((value) => optionLabelKey(field, value as never)),
    );
    expect(missing(Object.values(fieldHelp))).toEqual([]);
    expect(missing(options)).toEqual([]);
    expect(
      missing([
        ...leaves(partLabels),
        ...leaves(partHelp),
        ...leaves(sectionLabels),
        ...leaves(progressLabels),
        ...leaves(diffLabels),
        ...leaves(commonLabels),
      ]),
    ).toEqual([]);
  });

  it('every catalog key written literally in the model source exists', () => {
    const dir = import.meta.dirname;
    const sources = [
      ...fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => path.join(dir, f)),
      path.join(root, 'lib/money.ts'),
    ];
    const literals = sources.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/'((?:validation|disclosure)\.[A-Za-z_.]+[A-Za-z_])'/g)].map((m) => m[1]!),
    );
    expect(literals.length).toBeGreaterThan(40);
    expect(missing(literals)).toEqual([]);
  });
});

describe('schemas only ever speak in catalog keys', () => {
  const known = new Set<string>(Object.values(errorKeys));
  const junk: unknown[] = [undefined, null, '', ' ', 'x', 'x'.repeat(5000), 0, -1, 1.25, 2 ** 60, Number.NaN, true, {}, [], [{}], ['x']];

  /** Every variant of `value` with one leaf (or the value itself) replaced by one junk value. */
  function* mutations(value: unknown): Generator<unknown> {
    for (const j of junk) yield j;
    if (Array.isArray(value)) {
      for (const [i, element] of value.entries()) {
        for (const m of mutations(element)) yield value.map((e, k) => (k === i ? m : e));
      }
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        for (const m of mutations(child)) yield { ...value, [key]: m };
      }
    }
  }

  function messages(schema: z.ZodType, value: unknown): string[] {
    const found: string[] = [];
    for (const variant of mutations(value)) {
      const result = schema.safeParse(variant);
      if (!result.success) found.push(...result.error.issues.map((issue) => issue.message));
    }
    return found;
  }

  // The sample with every optional field filled too, so that each field gets fuzzed.
  const sample = sampleContent();
  const with1 = <T extends { items: object[] }>(section: T, extra: object) => ({
    ...section,
    items: [{ ...section.items[0], ...extra }],
  });
  const filled = {
    profile: { ...sample.profile, departmentId: crypto.randomUUID() },
    appointments: with1(sample.appointments, { description: 'Duties', contractAttachmentIds: [crypto.randomUUID()] }),
    programmes: with1(sample.programmes, { endDate: '2026-03-31' }),
    support: with1(sample.support, { inKindDescription: 'Beamline time', inKindValue: { amountMinor: 1, currency: 'JPY' } }),
    travel: sample.travel,
    gifts: {
      nothingToDisclose: false,
      items: [
        {
          id: crypto.randomUUID(),
          kind: 'GIFT',
          source: { name: 'Org', country: 'US' },
          description: 'Book',
          receivedOn: '2025-01-01',
          value: { amountMinor: 100, currency: 'USD' },
          talentProgrammeAward: false,
        },
      ],
    },
    interests: {
      nothingToDisclose: false,
      items: [
        {
          id: crypto.randomUUID(),
          kind: 'EQUITY',
          organisation: { name: 'Org', country: 'US' },
          description: 'Shares',
          value: { amountMinor: 100, currency: 'USD' },
          equityPercent: 5,
          startDate: '2020-01-01',
          endDate: '2021-01-01',
        },
      ],
    },
  };

  it.each(sectionKeys)('%s: draft and complete schemas', (key) => {
    const found = [...messages(draftSchemas[key], filled[key]), ...messages(completeSchemas[key], filled[key])];
    expect(found.length).toBeGreaterThan(50);
    expect([...new Set(found.filter((m) => !known.has(m)))]).toEqual([]);
  });

  it('certification', () => {
    const found = messages(certificationSchema, { fullName: 'Yamada Taro', accepted: true });
    expect([...new Set(found.filter((m) => !known.has(m)))]).toEqual([]);
  });

  it('the fuzzed values are complete and fill every field of every section', () => {
    for (const key of sectionKeys) {
      expect(completeSchemas[key].safeParse(filled[key]).success, key).toBe(true);
      const value = filled[key] as { items?: Record<string, unknown>[] } & Record<string, unknown>;
      const present = Object.keys(key === 'profile' ? value : (value.items?.[0] ?? {}));
      expect((sectionFields[key] as readonly string[]).filter((f) => !present.includes(f)), key).toEqual([]);
    }
  });
});
