import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRosterAction, previewRosterAction } from '@/lib/admin/roster-actions';
import { type ActionResult, runAction } from '@/lib/actions/action';
import type { RosterPlan } from '@/lib/admin/roster';
import { parseRoster } from '@/lib/admin/roster-parse';
import { db } from '@/lib/db/client';
import { adminWorld, makeActor } from '@/test/helpers/actors';

const HEADER = 'email,name_kanji,name_kana,name_romaji,department_code,position,erad_number,orcid';
const GOOD = [
  'sato.ichiro@example.ac.jp,佐藤 一郎,サトウ イチロウ,Ichiro Sato,ENG,教授,11112222,0000-0002-1825-0097',
  'tanaka.yumi@example.ac.jp,田中 由美,タナカ ユミ,Yumi Tanaka,sci,准教授,33334444,',
  'LEE.MIN@example.ac.jp,,,Min Lee,ENG,助教,,0000-0001-5109-3700',
];

const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';
const input = (institutionId: string, text: string, extra: object = {}) => ({ institutionId, csv: text, fileName: 'roster.csv', sendInvites: false, ...extra });
const plan = (r: ActionResult<RosterPlan>) => {
  if (!r.ok) throw new Error(`expected a plan, got ${JSON.stringify(r)}`);
  return r.data;
};

describe('roster import', () => {
  // The files below reuse the same people; each test starts without them.
  afterEach(async () => {
    await db.user.deleteMany({ where: { email: { endsWith: '@example.ac.jp' } } });
    await db.emailMessage.deleteMany({ where: { toAddress: { endsWith: '@example.ac.jp' } } });
  });

  it('previews what would be created without changing anything, then applies it in one go', async () => {
    const w = await adminWorld();
    const text = `\uFEFF${csv(...GOOD)}`;
    const preview = plan(await runAction(previewRosterAction.definition, w.adminA, input(w.a.id, text)));
    expect(preview.counts).toEqual({ create: 3, update: 0, unchanged: 0, rejected: 0 });
    expect(preview.rows.map((r) => [r.line, r.email, r.action])).toEqual([
      [2, 'sato.ichiro@example.ac.jp', 'create'],
      [3, 'tanaka.yumi@example.ac.jp', 'create'],
      [4, 'lee.min@example.ac.jp', 'create'],
    ]);
    expect(await db.user.count({ where: { email: { endsWith: '@example.ac.jp' } } })).toBe(0);

    const applied = plan(await runAction(applyRosterAction.definition, w.adminA, input(w.a.id, text, { expectedDigest: preview.digest })));
    expect(applied.counts).toEqual(preview.counts);
    const sato = await db.user.findUniqueOrThrow({ where: { email: 'sato.ichiro@example.ac.jp' }, include: { profile: { include: { department: true } }, memberships: true } });
    expect(sato).toMatchObject({ displayName: '佐藤 一郎', nameKana: 'サトウ イチロウ', nameRomaji: 'Ichiro Sato', passwordHash: null });
    expect(sato.profile).toMatchObject({ institutionId: w.a.id, position: '教授', eradNumber: '11112222', orcid: '0000-0002-1825-0097' });
    expect(sato.profile?.department?.code).toBe('ENG');
    expect(sato.memberships).toMatchObject([{ role: 'RESEARCHER', institutionId: w.a.id }]);
    const tanaka = await db.user.findUniqueOrThrow({ where: { email: 'tanaka.yumi@example.ac.jp' }, include: { profile: { include: { department: true } } } });
    expect(tanaka.profile?.department?.code).toBe('SCI');
    expect((await db.user.findUniqueOrThrow({ where: { email: 'lee.min@example.ac.jp' } })).displayName).toBe('Min Lee');
    const summary = await db.auditEvent.findFirstOrThrow({ where: { action: 'admin.roster.import', institutionId: w.a.id } });
    expect(summary).toMatchObject({ institutionId: w.a.id, details: { fileName: 'roster.csv', counts: { create: 3 } } });
    expect(await db.auditEvent.count({ where: { institutionId: w.a.id, action: 'admin.user.create', details: { path: ['source'], equals: 'roster' } } })).toBe(3);
  });

  it('is idempotent: importing the same file again changes nothing', async () => {
    const w = await adminWorld();
    const text = csv(...GOOD);
    plan(await runAction(applyRosterAction.definition, w.adminA, input(w.a.id, text)));
    const snapshot = async () => ({
      users: await db.user.findMany({ where: { email: { endsWith: '@example.ac.jp' } }, orderBy: { email: 'asc' }, select: { id: true, email: true, nameKanji: true, nameKana: true, nameRomaji: true, updatedAt: true } }),
      profiles: await db.researcherProfile.findMany({ where: { user: { email: { endsWith: '@example.ac.jp' } } }, orderBy: { userId: 'asc' } }),
      memberships: await db.membership.findMany({ where: { user: { email: { endsWith: '@example.ac.jp' } } }, orderBy: { id: 'asc' } }),
    });
    const before = await snapshot();
    const again = plan(await runAction(applyRosterAction.definition, w.adminA, input(w.a.id, text)));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3, rejected: 0 });
    expect(await snapshot()).toEqual(before);
    expect(await db.auditEvent.count({ where: { institutionId: w.a.id, action: { in: ['admin.user.create', 'admin.user.update'] } } })).toBe(3);
  });

  it('updates what changed and leaves what an empty cell does not mention', async () => {
    const w = await adminWorld();
    plan(await runAction(applyRosterAction.definition, w.adminA, input(w.a.id, csv(...GOOD))));
    const changed = csv(
      'sato.ichiro@example.ac.jp,佐藤 一郎,サトウ イチロウ,Ichiro Sato,SCI,名誉教授,11112222,',
      GOOD[1]!,
      GOOD[2]!,
    );
    const p = plan(await runAction(previewRosterAction.definition, w.adminA, input(w.a.id, changed)));
    expect(p.rows.map((r) => [r.action, r.changes])).toEqual([
      ['update', ['department', 'position']],
      ['unchanged', []],
      ['unchanged', []],
    ]);
    plan(await runAction(applyRosterAction.definition, w.adminA, input(w.a.id, changed, { expectedDigest: p.digest })));
    const sato = await db.researcherProfile.findFirstOrThrow({ where: { user: { email: 'sato.ichiro@example.ac.jp' } }, include: { department: true } });
    expect(sato).toMatchObject({ position: '名誉教授', orcid: '0000-0002-1825-0097' });
    expect(sato.department?.code).toBe('SCI');
    // An existing member without a profile (an officer) becomes a researcher too.
    const officerRow = `${w.officer.email},鈴木 次郎,,Jiro Suzuki,ENG,講師,55556666,`;
    const p2 = plan(await runAction(previewRosterAction.definition, w.adminA, input(w.a.id, csv(officerRow))));
    expect(p2.rows[0]).toMatchObject({ action: 'update', changes: ['nameKanji', 'nameRomaji', 'profile', 'department', 'position', 'eradNumber', 'role'] });
  });

  it('rejects bad rows, each with its reason, and imports the rest', async () => {
    const w = await adminWorld();
    await makeActor({ roles: [{ role: 'RESEARCHER', institutionId: w.b.id }], email: 'elsewhere@example.ac.jp', profile: { institutionId: w.b.id, eradNumber: '99990000' } });
    const text = csv(
      GOOD[0]!,
      'not-an-email,山本 太郎,,Taro Yamamoto,ENG,教授,12121212,',
      'short.erad@example.ac.jp,木村 拓,,Taku Kimura,ENG,教授,1234567,',
      'bad.orcid@example.ac.jp,中村 愛,,Ai Nakamura,ENG,教授,,0000-0002-1825-0098',
      'no.dept@example.ac.jp,加藤 翔,,Sho Kato,LAW,教授,,',
      'dup@example.ac.jp,伊藤 一,,Hajime Ito,ENG,教授,,',
      'dup@example.ac.jp,伊藤 二,,Futaba Ito,ENG,教授,,',
      'taken.erad@example.ac.jp,吉田 光,,Hikaru Yoshida,ENG,教授,99990000,',
      'elsewhere@example.ac.jp,他 大学,,Other Univ,ENG,教授,,',
      'noname@example.ac.jp,,,,ENG,教授,,',
      'fullwidth@example.ac.jp,全角 数字,,Zenkaku Suji,ENG,教授,７７７７８８８８,',
      'short.row@example.ac.jp,短 行',
    );
    const p = plan(await runAction(previewRosterAction.definition, w.adminA, input(w.a.id, text)));
    const reasons = Object.fromEntries(p.rows.map((r) => [r.email, r.rejections.map((x) => x.reason)]));
    expect(reasons).toEqual({
      'sato.ichiro@example.ac.jp': [],
      'not-an-email': ['invalidEmail'],
      'short.erad@example.ac.jp': ['eradFormat'],
      'bad.orcid@example.ac.jp': ['orcidChecksum'],
      'no.dept@example.ac.jp': ['unknownDepartment'],
      'dup@example.ac.jp': ['duplicateEmail'],
      // Both collide with a person at B: one reason, saying neither what nor where.
      'taken.erad@example.ac.jp': ['notImportableHere'],
      'elsewhere@example.ac.jp': ['notImportableHere'],
      'noname@example.ac.jp': ['missingName'],
      'fullwidth@example.ac.jp': [],
      'short.row@example.ac.jp': ['columnCount'],
    });
    expect(p.rows.filter((r) => r.email === 'dup@example.ac.jp').map((r) => r.rejections[0]?.params)).toEqual([{ lines: '8' }, { lines: '7' }]);
    expect(p.rows.find((r) => r.email === 'no.dept@example.ac.jp')?.rejections[0]?.params).toEqual({ code: 'LAW' });
    expect(p.counts).toEqual({ create: 2, update: 0, unchanged: 0, rejected: 10 });

    const applied = plan(await runAction(applyRosterAction.definition, w.adminA, input(w.a.id, text, { expectedDigest: p.digest })));
    expect(applied.counts).toEqual(p.counts);
    expect((await db.researcherProfile.findFirstOrThrow({ where: { user: { email: 'fullwidth@example.ac.jp' } } })).eradNumber).toBe('77778888');
    expect(await db.user.count({ where: { email: { in: ['short.erad@example.ac.jp', 'bad.orcid@example.ac.jp', 'dup@example.ac.jp', 'taken.erad@example.ac.jp'] } } })).toBe(0);
  });

  it('refuses a file without the required columns, and an apply that no longer matches its preview', async () => {
    const w = await adminWorld();
    const missing = await runAction(previewRosterAction.definition, w.adminA, input(w.a.id, 'email,name\nx@example.ac.jp,X\n'));
    expect(missing).toMatchObject({ ok: false, error: 'admin.roster.fileErrors.missingColumns', details: { columns: expect.stringContaining('erad_number') } });
    const p = plan(await runAction(previewRosterAction.definition, w.adminA, input(w.a.id, csv(...GOOD))));
    await runAction(applyRosterAction.definition, w.system, input(w.a.id, csv(GOOD[0]!)));
    const stale = await runAction(applyRosterAction.definition, w.adminA, input(w.a.id, csv(...GOOD), { expectedDigest: p.digest }));
    expect(stale).toEqual({ ok: false, error: 'admin.roster.errors.changedSincePreview' });
    expect(await db.user.count({ where: { email: { endsWith: '@example.ac.jp' } } })).toBe(1);
  });

  it('can invite everyone it creates', async () => {
    const w = await adminWorld();
    plan(await runAction(applyRosterAction.definition, w.adminA, input(w.a.id, csv(...GOOD), { sendInvites: true })));
    const mails = await db.emailMessage.findMany({ where: { toAddress: { endsWith: '@example.ac.jp' } } });
    expect(mails.map((m) => m.toAddress).sort()).toEqual(['lee.min@example.ac.jp', 'sato.ichiro@example.ac.jp', 'tanaka.yumi@example.ac.jp']);
    expect(await db.accountToken.count({ where: { purpose: 'INVITE', user: { email: { endsWith: '@example.ac.jp' } } } })).toBe(3);
  });

  it('ships a sample file that parses cleanly', () => {
    const sample = fs.readFileSync(path.join(process.cwd(), 'lib/admin/samples/roster-sample.csv'), 'utf8');
    const parsed = parseRoster(sample);
    expect(parsed.ok && parsed.rows.every((r) => r.rejections.length === 0)).toBe(true);
  });
});
