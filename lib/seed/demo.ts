// Demo data: two institutions and the documented demo accounts (password kaiji-demo-2026), loaded by the
// embedded default on first run or on request by `npm run db:seed`. Never loaded into a real database
// unless someone asks for it.
import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import { verifyAndCheckpoint } from '@/lib/audit/checkpoint';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { seedGrants } from '@/lib/grants/seed';
import { seedStarterRuleset } from '@/lib/rules/seed';
import { seedWatchlists } from '@/lib/watchlists/seed';
import { createCycle, createInstitution, createUser } from './factories';
import { seedDemoDisclosures } from './demo-disclosures';

export const DEMO_PASSWORD = 'kaiji-demo-2026';
export const DEMO_MARKER = 'demo.seededAt';

export async function demoSeeded(): Promise<boolean> {
  return (await db.setting.count({ where: { key: DEMO_MARKER } })) > 0;
}

export async function seedDemo(): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(
    async (tx) => {
      const a = await createInstitution(tx, {
        slug: 'demo-univ',
        nameJa: '開示デモ大学',
        nameEn: 'Kaiji Demo University',
        departments: [
          { code: 'ENG', nameJa: '工学研究科', nameEn: 'Graduate School of Engineering' },
          { code: 'SCI', nameJa: '理学研究科', nameEn: 'Graduate School of Science' },
          { code: 'MED', nameJa: '医学系研究科', nameEn: 'Graduate School of Medicine' },
        ],
      });
      const b = await createInstitution(tx, {
        slug: 'second-tech',
        nameJa: '第二デモ工業大学',
        nameEn: 'Second Demo Institute of Technology',
        departments: [
          { code: 'AERO', nameJa: '航空宇宙工学系', nameEn: 'Department of Aeronautics and Astronautics' },
          { code: 'MAT', nameJa: '材料科学系', nameEn: 'Department of Materials Science' },
        ],
      });
      const deptA = a.departments.find((d) => d.code === 'ENG')!;
      const deptB = b.departments.find((d) => d.code === 'AERO')!;

      const researcher = await createUser(tx, {
        locale: 'ja',
        email: 'researcher@kaiji.test',
        displayName: '山田 太郎',
        nameKanji: '山田 太郎',
        nameKana: 'やまだ たろう',
        nameRomaji: 'Taro Yamada',
        passwordHash,
        roles: [{ role: 'RESEARCHER', institutionId: a.id }],
        profile: { institutionId: a.id, departmentId: deptA.id, position: '教授', eradNumber: '10000001', orcid: '0000-0002-1825-0097' },
      });
      const researcher2 = await createUser(tx, {
        locale: 'ja',
        email: 'researcher2@kaiji.test',
        displayName: '佐藤 花子',
        nameKanji: '佐藤 花子',
        nameKana: 'さとう はなこ',
        nameRomaji: 'Hanako Sato',
        passwordHash,
        roles: [{ role: 'RESEARCHER', institutionId: b.id }],
        profile: { institutionId: b.id, departmentId: deptB.id, position: '准教授', eradNumber: '20000002' },
      });
      const officer = await createUser(tx, {
        locale: 'ja',
        email: 'officer@kaiji.test',
        displayName: '鈴木 一郎',
        nameKanji: '鈴木 一郎',
        nameRomaji: 'Ichiro Suzuki',
        passwordHash,
        roles: [{ role: 'OFFICER', institutionId: a.id }],
      });
      await createUser(tx, {
        locale: 'ja',
        email: 'officer2@kaiji.test',
        displayName: '高橋 美咲',
        nameKanji: '高橋 美咲',
        nameRomaji: 'Misaki Takahashi',
        passwordHash,
        roles: [{ role: 'OFFICER', institutionId: b.id }],
      });
      await createUser(tx, {
        locale: 'ja',
        email: 'auditor@kaiji.test',
        displayName: '田中 誠（文部科学省）',
        nameKanji: '田中 誠',
        nameRomaji: 'Makoto Tanaka',
        passwordHash,
        roles: [{ role: 'AUDITOR', allInstitutions: true }],
      });
      await createUser(tx, {
        locale: 'ja',
        email: 'admin@kaiji.test',
        displayName: 'Kaiji 管理者',
        nameRomaji: 'Kaiji Administrator',
        passwordHash,
        roles: [{ role: 'ADMIN', allInstitutions: true }],
      });

      const cycleA = await createCycle(tx, { institutionId: a.id, fiscalYear: 2026 });
      const cycleB = await createCycle(tx, { institutionId: b.id, fiscalYear: 2026 });
      const pastA = await createCycle(tx, { institutionId: a.id, fiscalYear: 2025, status: 'CLOSED' });

      // Sample watchlists, grants and the starter ruleset come first: submitted demo disclosures are checked.
      await seedWatchlists(tx);
      await seedGrants(tx);
      await seedStarterRuleset(tx);

      await seedDemoDisclosures(tx, { institutionA: a, institutionB: b, researcher, researcher2, officer, cycleA, cycleB, pastA, passwordHash });

      await tx.setting.create({ data: { key: DEMO_MARKER, value: new Date().toISOString() } });
      await recordAudit(tx, { action: 'system.demo_seeded', details: { institutions: [a.slug, b.slug] } });
    },
    { timeout: 120_000 },
  );
  // Seal and verify the demo's events, so the audit page starts with a checkpoint.
  await verifyAndCheckpoint();
}
