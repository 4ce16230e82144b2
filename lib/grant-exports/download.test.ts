// Grant-application downloads of a submitted version, on the real database: CPOS as JSON and PDF and the
// e-Rad funding-and-effort CSV, each checked field by field against the version; in the language asked
// for; audited; and the same audited 404 for anyone but the researcher, a version that does not exist or
// a file we do not make.
import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import { auditOf, completeContent, filingWorld, origin, submitted } from '@/test/helpers/filing';
import { pdfText, squash } from '@/test/helpers/pdf-text';
import { grantExportResponse } from './download';

const world = await filingWorld();

function content(): DisclosureContent {
  const c = completeContent();
  const kakenhi = c.support.items[0]!;
  c.support.items.push(
    {
      ...kakenhi,
      id: randomUUID(),
      title: 'Hypersonic materials (foreign)',
      status: 'PENDING',
      role: 'CO_INVESTIGATOR',
      awardNumber: undefined,
      source: { name: 'Beihang University', nameLocal: '北京航空航天大学', country: 'CN' },
      totalAmount: { amountMinor: 12_345_600, currency: 'USD' },
      personMonthsPerYear: [{ year: 2026, personMonths: 1.5 }],
      objectives: 'Test materials at high temperature.',
      overlap: 'Shares equipment with 24H00001.',
    },
    {
      ...kakenhi,
      id: randomUUID(),
      title: 'Beamline time',
      inKind: true,
      totalAmount: undefined,
      inKindDescription: 'Two weeks of synchrotron beamline time a year',
      inKindValue: { amountMinor: 3_000_000, currency: 'JPY' },
      personMonthsPerYear: [{ year: 2026, personMonths: 0.5 }],
    },
  );
  return c;
}

async function get(actor: Parameters<typeof grantExportResponse>[0], id: string, file: string, lang = 'en', number = '1') {
  return grantExportResponse(actor, { id, number, file }, new Request(`http://localhost/api/x?lang=${lang}`), origin);
}

describe('grant-application downloads of a submitted version', () => {
  it('CPOS JSON holds every common-form field of each project and in-kind contribution', async () => {
    const me = await world.researcher();
    const c = content();
    const id = await submitted(me, world.cycleA.id, c);
    const res = await get(me, id, 'cpos.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/kaiji-cpos-FY2026-v1\.json/);
    const doc = await res.json();
    const [k, f] = [c.support.items[0]!, c.support.items[1]!];
    expect(doc.individual).toEqual({ name: '山田 太郎', nameRomaji: 'Taro Yamada', eradNumber: '12345678', orcid: '0000-0002-1825-0097' });
    expect(doc.projects).toEqual([
      {
        title: k.title,
        status: 'CURRENT',
        awardNumber: '24H00001',
        sourceOfSupport: { name: k.source.name, nameLocal: '日本学術振興会', country: 'JP' },
        primaryPlaceOfPerformance: { name: 'Example University', nameLocal: null, country: 'JP' },
        startDate: '2024-04-01',
        endDate: '2027-03-31',
        totalAwardAmount: { amount: '45000000', currency: 'JPY', jpy: '45000000' },
        personMonthsPerYear: k.personMonthsPerYear,
        overallObjectives: k.objectives,
        statementOfPotentialOverlap: k.overlap,
      },
      {
        title: f.title,
        status: 'PENDING',
        awardNumber: null,
        sourceOfSupport: { name: 'Beihang University', nameLocal: '北京航空航天大学', country: 'CN' },
        primaryPlaceOfPerformance: { name: 'Example University', nameLocal: null, country: 'JP' },
        startDate: '2024-04-01',
        endDate: '2027-03-31',
        // USD 123,456.00 at the cycle's 150.00 yen.
        totalAwardAmount: { amount: '123456.00', currency: 'USD', jpy: '18518400' },
        personMonthsPerYear: [{ year: 2026, personMonths: 1.5 }],
        overallObjectives: 'Test materials at high temperature.',
        statementOfPotentialOverlap: 'Shares equipment with 24H00001.',
      },
    ]);
    expect(doc.inKind).toEqual([
      expect.objectContaining({
        status: 'CURRENT',
        sourceOfSupport: { name: k.source.name, nameLocal: '日本学術振興会', country: 'JP' },
        summary: 'Two weeks of synchrotron beamline time a year',
        totalValue: { amount: '3000000', currency: 'JPY', jpy: '3000000' },
      }),
    ]);
    const v = await db.disclosureVersion.findFirstOrThrow({ where: { disclosureId: id } });
    expect(doc.source).toEqual({ disclosureId: id, versionNumber: 1, contentHash: v.contentHash, certifiedAt: v.certifiedAt.toISOString(), cycle: 'FY2026' });
    const events = (await auditOf('disclosure.export')).filter((e) => e.entityId === id);
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ file: 'cpos.json', versionId: v.id, number: 1, locale: 'en' });
  });

  it('CPOS PDF shows each field with its label, in English and in Japanese', async () => {
    const me = await world.researcher();
    const c = content();
    const id = await submitted(me, world.cycleA.id, c);
    const res = await get(me, id, 'cpos.pdf');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = squash(pdfText(Buffer.from(await res.arrayBuffer())));
    const f = c.support.items[1]!;
    for (const [label, value] of [
      ['Proposal/active project title', f.title],
      ['Status of support', 'Pending'],
      ['Source of support', 'Beihang University (北京航空航天大学) — CN'],
      ['Primary place of performance', 'Example University — JP'],
      ['Project/proposal start and end date', '2024-04-01 to 2027-03-31'],
      ['Total award amount (including indirect costs)', 'USD 123,456.00 (≈ ¥18,518,400)'],
      ['Person-months per year committed', '2026: 1.5'],
      ['Overall objectives', f.objectives],
      ['Statement of potential overlap', f.overlap],
      ['Summary of the in-kind contribution', 'Two weeks of synchrotron beamline time a year'],
      ['Estimated value of the in-kind contribution', 'JPY 3,000,000'],
    ]) {
      expect(text, label).toContain(squash(`${label}${value}`));
    }
    const ja = squash(pdfText(Buffer.from(await (await get(me, id, 'cpos.pdf', 'ja')).arrayBuffer())));
    expect(ja).toContain(squash('支援元Beihang University (北京航空航天大学) — CN'));
    expect(ja).toContain(squash('支援の状況申請中'));
  });

  it('the e-Rad CSV lists each support entry in the application form’s columns', async () => {
    const me = await world.researcher();
    const c = content();
    const id = await submitted(me, world.cycleA.id, c);
    const res = await get(me, id, 'erad-effort.csv', 'ja');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = parse((await res.text()).replace(/^\uFEFF/, '')) as string[][];
    expect(header).toEqual([
      '応募・受入の状況',
      '資金制度・研究費名（配分機関等名）',
      '研究期間（開始）',
      '研究期間（終了）',
      '研究課題名',
      '研究代表者氏名',
      '役割（代表・分担の別）',
      '2026年度の研究経費（千円）',
      '期間全体の額（千円）',
      'エフォート（％）',
      '研究内容の相違点及び他の研究費に加えて応募する理由',
    ]);
    expect(rows).toEqual([
      ['実施中', '日本学術振興会', '2024-04-01', '2027-03-31', c.support.items[0]!.title, '山田 太郎', '代表', '', '45000', '21', 'None'],
      ['応募中', '北京航空航天大学', '2024-04-01', '2027-03-31', 'Hypersonic materials (foreign)', '', '分担', '', '18518', '13', 'Shares equipment with 24H00001.'],
      ['実施中', '日本学術振興会', '2024-04-01', '2027-03-31', 'Beamline time', '山田 太郎', '代表', '', '', '4', 'None'],
    ]);
    const en = parse((await (await get(me, id, 'erad-effort.csv', 'en')).text()).replace(/^\uFEFF/, '')) as string[][];
    expect(en[0]![0]).toBe('Situation');
    expect(en[2]!.slice(0, 2)).toEqual(['Applying', 'Beihang University']);
  });

  it('answers the same audited 404 to anyone else, to a version that does not exist and to a file it does not make', async () => {
    const me = await world.researcher();
    const id = await submitted(me, world.cycleA.id);
    const before = (await auditOf('access.denied')).length;
    for (const actor of [world.other, world.researcherB, world.officer, world.auditor, world.admin]) {
      const res = await get(actor, id, 'cpos.json');
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'errors.notFound' });
    }
    expect((await get(me, id, 'cpos.json', 'en', '2')).status).toBe(404);
    expect((await get(me, id, 'cpos.xml')).status).toBe(404);
    expect((await get(me, randomUUID(), 'cpos.json')).status).toBe(404);
    expect((await get(me, 'not-a-uuid', 'cpos.json')).status).toBe(404);
    expect((await auditOf('access.denied')).length - before).toBe(9);
    expect((await get(null, id, 'cpos.json')).status).toBe(401);
    expect((await auditOf('disclosure.export')).filter((e) => e.entityId === id)).toHaveLength(0);
  });
});
