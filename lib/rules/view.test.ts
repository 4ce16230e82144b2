// View v1: what rules see of a disclosure, and what they never see. Pure: no database.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleContent } from '@/lib/disclosures/sample';
import { HELPER_SIGNATURES } from './cel-env';
import { buildView, type ViewInput, type WatchlistHit } from './view';
import { FORBIDDEN_VIEW_KEYS, FOR_EACH_TYPES, VIEW_TYPES, VIEW_VARIABLES } from './view-schema';

const hit = (o: Partial<WatchlistHit> = {}): WatchlistHit => ({
  code: 'jp-meti-end-user-list',
  kind: 'WATCHLIST',
  list: 'METI End User List (sample copy)',
  listJa: '経済産業省 外国ユーザーリスト（サンプル）',
  name: 'BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS',
  reference: 'meti-0123',
  score: 1,
  status: 'pending',
  matchedNames: ['北京航空航天大学'],
  ...o,
});

function input(o: Partial<ViewInput> = {}): ViewInput {
  const content = o.content ?? sampleContent();
  const programme = content.programmes.items[0]!;
  return {
    content,
    cycle: { code: 'FY2026', fiscalYear: 2026 },
    rates: { CNY: '20.80', USD: '150.00' },
    institution: { slug: 'demo-univ', country: 'JP' },
    department: { code: 'ENG' },
    eradNumber: '10000001',
    grants: [
      { fiscalYear: 2012, projectNumber: 'A', amountJpy: 30_000_000n },
      { fiscalYear: 2017, projectNumber: 'B', amountJpy: 20_000_000n },
      { fiscalYear: 2022, projectNumber: 'C', amountJpy: 15_000_000n },
      { fiscalYear: 2026, projectNumber: 'C', amountJpy: 15_000_000n },
    ],
    hitsByRef: new Map([[`programmes/${programme.id}/sponsor`, [hit()]]]),
    liveAttachmentIds: new Set(),
    ...o,
  };
}

/** Every key of every object in a value, however deep. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (value instanceof Map) for (const v of value.values()) keysOf(v, out);
  else if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

describe('view v1', () => {
  it('has exactly the documented variables and, per item, only declared fields', () => {
    const view = buildView(input());
    expect(Object.keys(view).sort()).toEqual(Object.keys(VIEW_VARIABLES).sort());
    const declared = new Set(Object.values(VIEW_TYPES).flatMap((fields) => Object.keys(fields)));
    expect([...keysOf(view)].filter((k) => !declared.has(k) && !(k in VIEW_VARIABLES))).toEqual([]);
    for (const [collection, type] of Object.entries(FOR_EACH_TYPES)) {
      for (const item of view[collection as keyof typeof FOR_EACH_TYPES]) {
        expect(Object.keys(item).every((k) => k in VIEW_TYPES[type]), `${collection}: ${Object.keys(item).join()}`).toBe(true);
      }
    }
  });

  it('contains no personal name, nationality, identifier like ORCID or free text of the researcher (fairness)', () => {
    const content = sampleContent();
    const view = buildView(input({ content }));
    const keys = keysOf(view);
    for (const forbidden of FORBIDDEN_VIEW_KEYS) expect(keys.has(forbidden), forbidden).toBe(false);
    const text = JSON.stringify(view, (_k, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Map ? Object.fromEntries(v) : v));
    for (const personal of [content.profile.nameKanji!, content.profile.nameKana, content.profile.nameRomaji, content.profile.orcid!]) {
      expect(text).not.toContain(personal);
    }
    // Free-text descriptions are left out too (they could carry anything).
    expect(text).not.toContain(content.programmes.items[0]!.obligationsDescription!);
    expect(Object.keys(view.researcher).sort()).toEqual(['department', 'eradNumber', 'institution', 'institutionCountry']);
  });

  it('converts amounts with the cycle rate, marks foreign organisations and attaches watchlist hits', () => {
    const content = sampleContent();
    const appointment = content.appointments.items[0]!;
    const view = buildView(input({ content, liveAttachmentIds: new Set() }));
    const a = view.appointments[0]!;
    expect(a.compensation).toEqual({ currency: 'CNY', minor: 12_000_000n, jpy: 2_496_000n });
    expect(a.organisation).toMatchObject({ ref: `appointments/${appointment.id}/organisation`, foreign: true, country: 'CN', watchlists: [] });
    expect(a).toMatchObject({ hasContract: false, contractCount: 0n, ref: `appointments/${appointment.id}` });
    const p = view.programmes[0]!;
    expect(p.sponsor.watchlists).toEqual([hit()]);
    expect(p.obligationCount).toBe(2n);
    expect(view.matches).toEqual([
      expect.objectContaining({ ref: `programmes/${p.id}/sponsor`, section: 'programmes', organisation: 'Beihang University', code: 'jp-meti-end-user-list', score: 1 }),
    ]);
    expect(view.support[0]!.source.foreign).toBe(false);
    expect(view.support[0]!.totalJpy).toBe(45_000_000n);
  });

  it('counts a contract only when the attachment exists', () => {
    const content = sampleContent();
    content.appointments.items[0]!.contractAttachmentIds = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
    const view = buildView(input({ content, liveAttachmentIds: new Set(['00000000-0000-4000-8000-000000000002']) }));
    expect(view.appointments[0]).toMatchObject({ hasContract: true, contractCount: 1n });
  });

  it('leaves out an amount in yen when the cycle has no rate for its currency, instead of inventing one', () => {
    const view = buildView(input({ rates: {} }));
    expect(view.appointments[0]!.compensation).toEqual({ currency: 'CNY', minor: 12_000_000n });
    expect(view.support[0]!.totalJpy).toBe(45_000_000n); // yen needs no rate
    expect('totalJpy' in buildView(input({ rates: {} })).support[0]!).toBe(true);
  });

  it('totals domestic grants over five and ten fiscal years up to the cycle year', () => {
    const g = buildView(input()).grants;
    expect(g).toMatchObject({ known: true, throughYear: 2026n, total5y: 30_000_000n, total10y: 50_000_000n, projects10y: 2n });
    expect(g.byYear.get(2012n)).toBe(30_000_000n);
    expect(buildView(input({ eradNumber: null, grants: [] })).grants).toMatchObject({ known: false, total10y: 0n });
  });
});

describe('docs/rules-view.md', () => {
  const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/rules-view.md'), 'utf8');
  it('documents every variable, type, field and helper function of view v1', () => {
    const missing: string[] = [];
    for (const name of Object.keys(VIEW_VARIABLES)) if (!doc.includes(`\`${name}\``)) missing.push(name);
    for (const [type, fields] of Object.entries(VIEW_TYPES)) {
      if (!doc.includes(`### ${type}`)) missing.push(`### ${type}`);
      for (const field of Object.keys(fields)) if (!doc.includes(`\`${field}\``)) missing.push(`${type}.${field}`);
    }
    for (const sig of HELPER_SIGNATURES) if (!doc.includes(sig.split('(')[0]!.replace('Grants.', ''))) missing.push(sig);
    expect(missing).toEqual([]);
  });
});
