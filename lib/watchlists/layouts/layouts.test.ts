import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWatchlistCsv } from './detect';
import { WatchlistFormatError } from './types';

const PUBLIC_LISTS = path.resolve(import.meta.dirname, '../public-lists');
const SAMPLES = path.resolve(import.meta.dirname, '../samples');
const publicList = (f: string) => readFileSync(path.join(PUBLIC_LISTS, f), 'utf8');

describe('METI End User List, flat layout (the copy in public-lists)', () => {
  const result = parseWatchlistCsv(publicList('jp-meti-end-user-list.csv'));

  it('reads all 1,806 rows into the 706 entries EUL1–EUL706 (public-lists/README.md figures)', () => {
    expect(result.layout).toBe('meti-eul-flat');
    expect(result.rejected).toEqual([]);
    expect(result.entries).toHaveLength(706);
    const rows = result.entries.reduce((n, e) => n + (e.raw.names as string[]).length, 0);
    expect(rows).toBe(1806);
    expect(new Set(result.entries.map((e) => e.reference)).size).toBe(706);
  });

  it('splits the Japanese name and the acronym out of the main name', () => {
    const buaa = result.entries.find((e) => e.name === 'BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS');
    expect(buaa).toMatchObject({ nameJa: '北京航空航天大学', aliases: ['BUAA', 'BEIHANG UNIVERSITY'], country: null });
    const hit = result.entries.find((e) => e.name === 'HARBIN INSTITUTE OF TECHNOLOGY');
    expect(hit).toMatchObject({ nameJa: '哈爾浜工業大学', aliases: ['HIT'] });
  });

  it('keeps a name shared by two entries in both, and drops repeats within one entry', () => {
    const withAdvanced = result.entries.filter((e) => [e.name, ...e.aliases].includes('ADVANCED TECHNOLOGIES'));
    expect(withAdvanced.map((e) => e.name).sort()).toEqual(['ADVANCED TECHNOLOGIES COMPANY OF IRAN', 'ORIENTAL ENGINEERS']);
    const steel = result.entries.find((e) => e.name === "PEOPLE'S STEEL MILLS LTD.");
    expect((steel?.raw.names as string[]).length).toBe(4); // as listed
    expect(steel?.aliases).toEqual([]); // all four normalise to one name
  });

  it('does not use the EUL number as reference or keep it (it shifts between METI editions)', () => {
    expect(result.entries.every((e) => e.reference.startsWith('meti-'))).toBe(true);
    expect(JSON.stringify(result.entries.map((e) => e.raw))).not.toMatch(/EUL\d/);
  });

  it('rejects rows of other lists and malformed rows with their line and reason', () => {
    const csv = ['"ACME TRADING","EUL1","EUL"', '"SOME PERSON","SDN-1","SDN"', '"NO ID","EULX","EUL"', '"","EUL2","EUL"', '"ONLY TWO","EUL3"'].join('\r\n');
    const r = parseWatchlistCsv(csv);
    expect(r.entries.map((e) => e.name)).toEqual(['ACME TRADING']);
    expect(r.rejected).toEqual([
      { line: 2, reason: "list code 'SDN' is not EUL" },
      { line: 3, reason: "entry id 'EULX' is not EUL followed by a number" },
      { line: 4, reason: 'missing name' },
      { line: 5, reason: 'expected 3 columns (name, EUL id, list code), found 2' },
    ]);
  });
});

describe("METI End User List, METI's published layout", () => {
  const csv = [
    '外国ユーザーリスト,,,,',
    'No.,国名、地域名 Country or Region,企業名、組織名 Company or Organization,別名 Also Known As,懸念区分 Type of WMD',
    '1,中華人民共和国,"Harbin Institute of Technology (HIT)\n哈爾浜工業大学",,"M"',
    '2,Iran,Example Nuclear Company,"・ENC,\n・EXAMPLE ATOMIC CO.",N C',
    '3,Atlantis,Lost Company,,B',
    '4,Iran,Odd Company,,X',
  ].join('\n');

  it('finds the header under a title row and reads country, aliases and concern', () => {
    const r = parseWatchlistCsv(csv);
    expect(r.layout).toBe('meti-eul');
    expect(r.entries).toHaveLength(2);
    expect(r.entries[0]).toMatchObject({ name: 'Harbin Institute of Technology', nameJa: '哈爾浜工業大学', aliases: ['HIT'], country: 'CN', concern: 'missile', line: 3 });
    expect(r.entries[1]).toMatchObject({ name: 'Example Nuclear Company', aliases: ['ENC', 'EXAMPLE ATOMIC CO.'], country: 'IR', concern: 'nuclear, chemical', line: 5 });
  });

  it('uses the same references as the flat layout, so the two layouts of one list agree', () => {
    const flat = parseWatchlistCsv('"HARBIN INSTITUTE OF TECHNOLOGY (HIT) (哈爾浜工業大学)","EUL489","EUL"');
    expect(parseWatchlistCsv(csv).entries[0]?.reference).toBe(flat.entries[0]?.reference);
  });

  it('rejects unknown countries and concern types', () => {
    expect(parseWatchlistCsv(csv).rejected).toEqual([
      { line: 7, reason: "unknown country 'Atlantis'" },
      { line: 8, reason: "unknown concern type 'X' (expected B, C, M or N)" },
    ]);
  });
});

describe('Section 1286, DoD facts layout (the copy in public-lists)', () => {
  const result = parseWatchlistCsv(publicList('us-dod-section-1286.csv'));
  const entries = result.entries;

  it('reads all 419 rows and keeps all 186 distinct names (public-lists/README.md figures)', () => {
    expect(result.layout).toBe('us-section-1286');
    expect(result.rejected).toEqual([]);
    const listed = new Set(entries.flatMap((e) => e.raw.listedNames as string[]));
    expect(listed.size).toBe(186);
  });

  it('makes one entry per institution: renamed or re-spelt rows that share a name are one entry', () => {
    // 186 names, of which 60 belong to 29 institutions listed under two or three spellings.
    expect(entries).toHaveLength(155);
    const beihang = entries.find((e) => e.name === 'Beihang University');
    expect(beihang?.aliases).toEqual(['Beijing University of Aeronautics and Astronautics', 'BUAA']);
    expect(beihang?.concern).toBe('Section 1286 list: FY2022, FY2023, FY2024, FY2025');
    expect(beihang?.country).toBe('CN');
    expect(entries.filter((e) => /Engineering Physics/.test(e.name))).toHaveLength(1);
  });

  it('takes name and country from the latest year: one entry per FY2025 row, China 108, Russia 33, Iran 9', () => {
    const on2025 = entries.filter((e) => (e.raw.reportYears as number[]).includes(2025));
    expect(on2025).toHaveLength(150);
    const byCountry: Record<string, number> = {};
    for (const e of on2025) byCountry[e.country ?? 'none'] = (byCountry[e.country ?? 'none'] ?? 0) + 1;
    expect(byCountry).toEqual({ CN: 108, RU: 33, IR: 9 });
  });

  it('imports as retired the institutions whose listing ended (listed_until, not on FY2025)', () => {
    // The 7 end-dated rows: Mabna ×3, IHEP, MNIRTI, Naval Service Academy, and Lomonosov Moscow State
    // University, which is on FY2025 as an alias of Moscow State University and so stays listed.
    const ended = entries.filter((e) => e.endedAt).map((e) => e.name).sort();
    expect(ended).toEqual([
      'Institute of High Energy Physics',
      'Mabna Institute',
      'Moscow Order of the Red Banner of Labor Research Radio Engineering Institute JSC',
      'Naval Service Academy',
    ]);
    expect(entries.find((e) => e.name === 'Moscow State University')).toMatchObject({ endedAt: null, aliases: ['M.V. Lomonosov Moscow State University', 'Lomonosov Moscow State University'] });
  });

  it('cleans the stray quote of the FY2024 Imam Hussein alias', () => {
    const imam = entries.find((e) => e.name === 'Imam Hussein University');
    expect(imam?.aliases).toContain('Imam Hussein University of the Revolutionary Guards');
    expect(imam?.aliases.some((a) => a.endsWith('"'))).toBe(false);
  });

  it('reads the talent programmes file (24 rows) as its 6 programmes', () => {
    const tp = parseWatchlistCsv(publicList('us-dod-section-1286-talent-programmes.csv'));
    expect(tp.rejected).toEqual([]);
    expect(tp.entries.map((e) => e.name).sort()).toEqual([
      'Changjiang Scholar Distinguished Professorship',
      'Hundred Talents Plan',
      'Pearl River Talent Program',
      'Project 5-100',
      'River Talents Plan',
      'Thousand Talents Plan',
    ]);
  });

  it('rejects bad years, dates and countries, naming the column', () => {
    const header = 'name,aliases,list_fiscal_year,listed_from,listed_until,country,source_url';
    const row = (name: string, year: string, until: string, country: string) => `${name},,${year},,${until},${country},`;
    const r = parseWatchlistCsv(
      [header, row('Good Institute', '2025', '', 'China'), row('Bad Year', 'FY25', '', ''), row('Bad Date', '2024', '23/07/2026', ''), row('Bad Country', '2025', '', 'Atlantis'), 'Short Row,'].join('\n'),
    );
    expect(r.layout).toBe('us-section-1286');
    expect(r.entries.map((e) => e.name)).toEqual(['Good Institute']);
    expect(r.rejected).toEqual([
      { line: 3, reason: "invalid list_fiscal_year 'FY25' (expected a year)" },
      { line: 4, reason: "invalid listed_until '23/07/2026' (expected YYYY-MM-DD)" },
      { line: 5, reason: "unknown country 'Atlantis'" },
      { line: 6, reason: 'expected 7 columns, found 2' },
    ]);
  });
});

describe("Section 1286, OpenSanctions' source layout", () => {
  const header = 'schema,name,aliases,topics,program,authority,reason,report-date,start-date,end-date,country,notes,source_url';
  const row = (name: string, aliases: string, year: string, end: string, country: string, notes = '') =>
    `Company,${name},${aliases},debarment,Section 1286,United States Congress,,${year},,${end},${country},${notes},https://example.mil/fy${year}.pdf`;

  it('reads the same facts as the DoD layout, and keeps the notes and legal basis it adds', () => {
    const r = parseWatchlistCsv(
      [
        header,
        row('Beijing University of Aeronautics and Astronautics', 'BUAA', '2022', '', ''),
        row('Beihang University', 'Beijing University of Aeronautics and Astronautics', '2025', '', 'China', 'and affiliates'),
        row('Mabna Institute', '', '2023', '2026-07-23', ''),
      ].join('\n'),
    );
    expect(r.layout).toBe('us-section-1286');
    expect(r.rejected).toEqual([]);
    expect(r.entries).toMatchObject([
      { name: 'Beihang University', aliases: ['Beijing University of Aeronautics and Astronautics', 'BUAA'], country: 'CN', concern: 'Section 1286 list: FY2022, FY2025', endedAt: null, raw: { notes: ['and affiliates'], program: 'Section 1286' } },
      { name: 'Mabna Institute', endedAt: new Date('2026-07-23T00:00:00Z') },
    ]);
  });

  it('rejects bad years, dates and countries', () => {
    const bad = (name: string, year: string, end: string, country: string) => row(name, '', year, end, country);
    const r = parseWatchlistCsv(
      [header, bad('Good Institute', '2025', '', 'China'), bad('Bad Year', 'FY25', '', ''), bad('Bad Date', '2024', '23/07/2026', ''), bad('Bad Country', '2025', '', 'Atlantis'), 'Company,Short Row'].join('\n'),
    );
    expect(r.entries.map((e) => e.name)).toEqual(['Good Institute']);
    expect(r.rejected).toEqual([
      { line: 3, reason: "invalid report-date 'FY25' (expected a year)" },
      { line: 4, reason: "invalid end-date '23/07/2026' (expected YYYY-MM-DD)" },
      { line: 5, reason: "unknown country 'Atlantis'" },
      { line: 6, reason: 'expected 13 columns, found 2' },
    ]);
  });

  it('is not taken for a list that merely has name and aliases columns', () => {
    expect(() => parseWatchlistCsv('name,aliases,year\nX,,2025\n')).toThrow(WatchlistFormatError);
  });
});

describe('Consolidated Screening List layout', () => {
  it('reads the sample: names, alt_names split on "; ", country from the address', () => {
    const r = parseWatchlistCsv(readFileSync(path.join(SAMPLES, 'us-csl.sample.csv'), 'utf8'));
    expect(r.layout).toBe('us-csl');
    expect(r.rejected).toEqual([]);
    expect(r.entries).toHaveLength(5);
    expect(r.entries[0]).toMatchObject({
      reference: 'csl-sample-csl-0001',
      name: 'Beijing University of Aeronautics and Astronautics',
      aliases: ['Beihang University', 'BUAA'],
      country: 'CN',
      concern: 'Entity List (EL) - Bureau of Industry and Security: EAR',
      line: 4, // after the two comment lines and the header
    });
  });

  it('rejects individuals and vessels, and bad end dates', () => {
    const header = readFileSync(path.join(SAMPLES, 'us-csl.sample.csv'), 'utf8').split('\n').find((l) => l.startsWith('_id,'))!;
    const cols = header.split(',');
    const row = (values: Record<string, string>) => cols.map((c) => values[c] ?? '').map((v) => (v.includes(',') ? `"${v}"` : v)).join(',');
    const r = parseWatchlistCsv(
      [
        header,
        row({ _id: 'a', source: 'Specially Designated Nationals (SDN) - Treasury Department', entity_number: '123', type: 'Entity', name: 'Example Shipping Co.', addresses: 'Pyongyang, KP' }),
        row({ _id: 'b', source: 'SDN', type: 'Individual', name: 'PERSON, Example' }),
        row({ _id: 'c', source: 'SDN', type: 'Vessel', name: 'SEA EXAMPLE' }),
        row({ _id: 'd', source: 'Denied Persons List (DPL) - Bureau of Industry and Security', name: 'Example Exports', end_date: 'never' }),
      ].join('\n'),
    );
    expect(r.entries).toMatchObject([{ reference: 'csl-SDN-123', name: 'Example Shipping Co.', country: 'KP' }]);
    expect(r.rejected).toEqual([
      { line: 3, reason: 'type Individual: only organisations are screened' },
      { line: 4, reason: 'type Vessel: only organisations are screened' },
      { line: 5, reason: "invalid end_date 'never' (expected YYYY-MM-DD)" },
    ]);
  });
});

describe('generic layout', () => {
  it('reads the Seven Sons sample', () => {
    const r = parseWatchlistCsv(readFileSync(path.join(SAMPLES, 'sastind-seven-sons.sample.csv'), 'utf8'));
    expect(r.layout).toBe('generic');
    expect(r.rejected).toEqual([]);
    expect(r.entries).toHaveLength(7);
    expect(r.entries[0]).toMatchObject({
      reference: 'SASTIND-1',
      name: 'Beihang University',
      nameJa: '北京航空航天大学',
      aliases: ['Beijing University of Aeronautics and Astronautics', 'BUAA', '北航'],
      country: 'CN',
    });
  });

  it('rejects rows without reference or name, duplicates, unknown countries and unreadable records', () => {
    const r = parseWatchlistCsv(
      [
        'reference,name,name_ja,aliases,country,concern',
        'R1,First Institute,,,Japan,',
        ',No Reference,,,,',
        'R2,,,,,',
        'R1,Second Institute,,,,',
        'R3,Third Institute,,,Narnia,',
        'R4,Fourth Institute,,,',
        'R5,"Fifth Institute,,,,',
      ].join('\n'),
    );
    expect(r.entries).toMatchObject([{ reference: 'R1', name: 'First Institute', country: 'JP' }]);
    expect(r.rejected).toEqual([
      { line: 3, reason: 'missing reference' },
      { line: 4, reason: 'missing name' },
      { line: 5, reason: "duplicate reference 'R1' (first on line 2)" },
      { line: 6, reason: "unknown country 'Narnia'" },
      { line: 7, reason: 'expected 6 columns, found 5' },
      { line: 8, reason: expect.stringMatching(/^unreadable CSV: Quote Not Closed/) },
    ]);
  });
});

describe('layout detection', () => {
  it('refuses a file it does not recognise instead of guessing columns', () => {
    expect(() => parseWatchlistCsv('id,label\n1,Something\n')).toThrow(WatchlistFormatError);
    expect(() => parseWatchlistCsv('')).toThrow(WatchlistFormatError);
  });
});
