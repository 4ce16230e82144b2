// Domestic grants: reading the KAKEN-style CSV (every unusable row rejected with its reason), an
// idempotent import, and totals over a window of fiscal years.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { importGrants, grantTotal } from './import';
import { GrantFormatError, grantRole, parseGrantsCsv } from './parse';
import { sampleGrantsCsv, seedGrants } from './seed';

const HEADER = 'erad_number,project_number,fiscal_year,role,amount_jpy,title';

describe('parsing', () => {
  it('reads the sample file: comment lines skipped, roles normalised, separators and full-width digits accepted', () => {
    const { rows, rejected } = parseGrantsCsv(sampleGrantsCsv());
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(16);
    expect(rows[0]).toMatchObject({ eradNumber: '10000001', projectNumber: '12A00001', fiscalYear: 2012, role: 'PRINCIPAL_INVESTIGATOR', amountJpy: 30_000_000n });
    expect(rows.find((r) => r.projectNumber === '25K00003')?.role).toBe('CO_INVESTIGATOR');
    const wide = parseGrantsCsv(`${HEADER}\n１０００００９９,24H00009,２０２５,pi,"1,234,567",題`);
    expect(wide.rows[0]).toMatchObject({ eradNumber: '10000099', fiscalYear: 2025, amountJpy: 1_234_567n, title: '題' });
    expect(['研究代表者', 'PI', 'co-investigator', '研究分担者', '連携研究者', 'Other'].map(grantRole)).toEqual([
      'PRINCIPAL_INVESTIGATOR',
      'PRINCIPAL_INVESTIGATOR',
      'CO_INVESTIGATOR',
      'CO_INVESTIGATOR',
      'COLLABORATOR',
      'OTHER',
    ]);
  });

  it('rejects each unusable row with its line and a reason, and keeps the rest', () => {
    const csv = [
      HEADER,
      '1234567,A1,2025,PI,100,', // 7 digits
      '12345678,,2025,PI,100,',
      '12345678,A2,25,PI,100,',
      '12345678,A3,2025,boss,100,',
      '12345678,A4,2025,PI,-5,',
      '12345678,A5,2025,PI,"1,00",',
      '12345678,A6,2025,PI,100,ok',
      '12345678,A6,2025,PI,200,duplicate',
      '12345678,A7',
    ].join('\n');
    const { rows, rejected } = parseGrantsCsv(csv);
    expect(rows.map((r) => r.projectNumber)).toEqual(['A6']);
    expect(rejected).toEqual([
      { line: 2, reason: 'eradNumber', value: '1234567' },
      { line: 3, reason: 'projectNumber', value: '' },
      { line: 4, reason: 'fiscalYear', value: '25' },
      { line: 5, reason: 'role', value: 'boss' },
      { line: 6, reason: 'amount', value: '-5' },
      { line: 7, reason: 'amount', value: '1,00' },
      { line: 9, reason: 'duplicate', firstLine: 8 },
      { line: 10, reason: 'columns', value: '2' },
    ]);
  });

  it('refuses a file without the required columns', () => {
    expect(() => parseGrantsCsv('erad,project\n1,2')).toThrow(GrantFormatError);
    try {
      parseGrantsCsv('erad_number,project_number,fiscal_year\n');
    } catch (e) {
      expect((e as GrantFormatError).missing).toEqual(['role', 'amount_jpy']);
    }
  });
});

describe('importing', () => {
  it('is idempotent, updates changed amounts, never deletes, and totals a window of fiscal years', async () => {
    const first = await db.$transaction((tx) => seedGrants(tx));
    expect(first).toMatchObject({ added: 16, updated: 0, unchanged: 0, researchers: 3, rejected: [] });
    const again = await db.$transaction((tx) => seedGrants(tx));
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 16 });
    expect(await db.domesticGrant.count()).toBe(16);

    // The ten fiscal years to FY2026 are FY2017–FY2026: the FY2012 record is outside.
    expect(await db.$transaction((tx) => grantTotal(tx, '10000001', 2026, 10))).toBe(164_000_000n);
    expect(await db.$transaction((tx) => grantTotal(tx, '10000001', 2026, 5))).toBe(64_000_000n);
    expect(await db.$transaction((tx) => grantTotal(tx, '10000001', 2021, 10))).toBe(130_000_000n);

    // A corrected amount updates the record; a partial file deletes nothing.
    const fix = `${HEADER}\n10000001,22H00002,2025,PI,"16,000,000",\n`;
    const updated = await db.$transaction((tx) => importGrants(tx, { csvText: fix }));
    expect(updated).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    expect(await db.domesticGrant.count()).toBe(16);
    expect(await db.$transaction((tx) => grantTotal(tx, '10000001', 2026, 10))).toBe(165_000_000n);
    const row = await db.domesticGrant.findFirstOrThrow({ where: { projectNumber: '22H00002', fiscalYear: 2025 } });
    expect(row).toMatchObject({ amountJpy: 16_000_000n, importId: updated.importId, title: '高温環境下の合金疲労（サンプル）' });
  });
});
