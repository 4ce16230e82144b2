// A world of a spec's own in the e2e server's database: a new institution, one researcher (signing in
// with the demo password) whose last year's disclosure was filed and approved, and this year's cycle
// open. Written straight into the database the server uses (named in the handoff file of
// scripts/e2e-server.mjs), so specs never depend on each other's demo data or order.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { canonicalJson } from '../../lib/audit/hash';
import type { DisclosureContent } from '../../lib/disclosures/sections';

const root = path.resolve(import.meta.dirname, '../..');

export async function appDatabase(): Promise<pg.Client> {
  const file = path.join(root, '.kaiji', `e2e-${process.env.E2E_PORT}.json`);
  const { adminUrl, template } = JSON.parse(fs.readFileSync(file, 'utf8')) as { adminUrl: string; template: string };
  const url = new URL(adminUrl);
  url.pathname = `/${template.replace(/_tpl$/, '')}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}

export interface OwnWorld {
  email: string;
  userId: string;
  institutionId: string;
  eradNumber: string;
  nameKanji: string;
  cycleId: string;
  lastDisclosureId: string;
  lastVersionId: string;
}

/** `content` is last year's filed version; its profile is rewritten to the new researcher's. */
export async function researcherWithLastYear(db: pg.Client, content: DisclosureContent): Promise<OwnWorld> {
  const tag = randomUUID().slice(0, 8);
  const email = `carry-${tag}@kaiji.test`;
  const eradNumber = String(10_000_000 + Math.floor(Math.random() * 89_999_999)).slice(0, 8);
  const nameKanji = `引継 ${tag.slice(0, 4)}`;
  // Names in Latin letters are letters only.
  const nameRomaji = `Carry ${tag.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!)}`;
  const one = async <T extends pg.QueryResultRow>(sql: string, values: unknown[]) => (await db.query<T>(sql, values)).rows[0]!;

  await db.query('BEGIN');
  try {
    const inst = await one<{ id: string }>(
      `INSERT INTO "Institution" (slug, "nameJa", "nameEn", "updatedAt") VALUES ($1, $2, $3, now()) RETURNING id`,
      [`carry-${tag}`, `引継大学 ${tag}`, `Carry University ${tag}`],
    );
    const dept = await one<{ id: string }>(
      `INSERT INTO "Department" ("institutionId", code, "nameJa", "nameEn", "updatedAt") VALUES ($1, 'ENG', '工学研究科', 'Engineering', now()) RETURNING id`,
      [inst.id],
    );
    const hash = await one<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE email = 'researcher@kaiji.test'`, []);
    const user = await one<{ id: string }>(
      `INSERT INTO "User" (email, "displayName", "nameKanji", "nameKana", "nameRomaji", "passwordHash", locale, "updatedAt")
       VALUES ($1, $2, $2, 'ヒキツギ', $3, $4, 'en', now()) RETURNING id`,
      [email, nameKanji, nameRomaji, hash.passwordHash],
    );
    await db.query(`INSERT INTO "Membership" ("userId", role, "institutionId") VALUES ($1, 'RESEARCHER', $2)`, [user.id, inst.id]);
    await db.query(
      `INSERT INTO "ResearcherProfile" ("userId", "institutionId", "departmentId", position, "eradNumber", "updatedAt")
       VALUES ($1, $2, $3, 'Professor', $4, now())`,
      [user.id, inst.id, dept.id, eradNumber],
    );
    const cycle = (fy: number, status: string) =>
      one<{ id: string }>(
        `INSERT INTO "DisclosureCycle" ("institutionId", code, "fiscalYear", "titleJa", "titleEn", status, "opensAt", "filingDeadline",
           "reviewDeadline", "attestationJa", "attestationEn", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6::"CycleStatus", make_date($3, 4, 1), make_date($3 + 1, 1, 31), make_date($3 + 1, 3, 15),
           '上記の内容が真実であることを誓約します。', 'I certify that this disclosure is true.', now()) RETURNING id`,
        [inst.id, `FY${fy}`, fy, `${fy}年度 年次開示`, `FY${fy} annual disclosure`, status],
      );
    const last = await cycle(2025, 'CLOSED');
    const current = await cycle(2026, 'OPEN');
    const filed: DisclosureContent = {
      ...content,
      profile: { ...content.profile, nameKanji, nameRomaji, eradNumber, departmentId: dept.id },
    };
    const disclosure = await one<{ id: string }>(
      `INSERT INTO "Disclosure" ("cycleId", "researcherId", "institutionId", "departmentId", status, "stateVersion", "researcherName",
         "lastSubmittedAt", "decidedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'APPROVED', 2, $5, '2025-06-01', '2025-07-01', now()) RETURNING id`,
      [last.id, user.id, inst.id, dept.id, nameKanji],
    );
    const version = await one<{ id: string }>(
      `INSERT INTO "DisclosureVersion" ("disclosureId", number, kind, content, "contentHash", "formVersion", "attestationText",
         "certifiedName", "certifiedAt", locale, "submittedById", "idempotencyKey")
       VALUES ($1, 1, 'INITIAL', $2::jsonb, $3, 1, 'I certify that this disclosure is true.', $4, '2025-06-01', 'en', $5, $6) RETURNING id`,
      [
        disclosure.id,
        JSON.stringify(filed),
        createHash('sha256').update(canonicalJson(filed)).digest('hex'),
        nameKanji,
        user.id,
        randomUUID(),
      ],
    );
    await db.query('COMMIT');
    return { email, userId: user.id, institutionId: inst.id, eradNumber, nameKanji, cycleId: current.id, lastDisclosureId: disclosure.id, lastVersionId: version.id };
  } catch (err) {
    await db.query('ROLLBACK');
    throw err;
  }
}

/** Domestic grant records as an import would leave them (one row per project and fiscal year). */
export async function importedGrants(
  db: pg.Client,
  rows: { eradNumber: string; projectNumber: string; fiscalYear: number; role: string; amountJpy: number; title: string | null }[],
): Promise<void> {
  for (const r of rows) {
    await db.query(
      `INSERT INTO "DomesticGrant" ("eradNumber", "projectNumber", "fiscalYear", role, "amountJpy", title) VALUES ($1, $2, $3, $4, $5, $6)`,
      [r.eradNumber, r.projectNumber, r.fiscalYear, r.role, r.amountJpy, r.title],
    );
  }
}

/**
 * The world's last disclosure moved into this year's open cycle and handed in (SUBMITTED), with an officer
 * of the same institution to decide it: a review no other spec touches.
 */
export async function submittedWithOfficer(db: pg.Client, world: OwnWorld): Promise<{ officerEmail: string; disclosureId: string }> {
  const tag = randomUUID().slice(0, 8);
  const officerEmail = `officer-${tag}@kaiji.test`;
  await db.query('BEGIN');
  try {
    const hash = (await db.query<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE email = 'officer@kaiji.test'`)).rows[0]!;
    const officer = (
      await db.query<{ id: string }>(
        `INSERT INTO "User" (email, "displayName", "passwordHash", locale, "updatedAt") VALUES ($1, $2, $3, 'en', now()) RETURNING id`,
        [officerEmail, `Officer ${tag}`, hash.passwordHash],
      )
    ).rows[0]!;
    await db.query(`INSERT INTO "Membership" ("userId", role, "institutionId") VALUES ($1, 'OFFICER', $2)`, [officer.id, world.institutionId]);
    await db.query(
      `UPDATE "Disclosure" SET "cycleId" = $2, status = 'SUBMITTED', "decidedAt" = NULL, "lastSubmittedAt" = now(), "updatedAt" = now() WHERE id = $1`,
      [world.lastDisclosureId, world.cycleId],
    );
    await db.query('COMMIT');
  } catch (err) {
    await db.query('ROLLBACK');
    throw err;
  }
  return { officerEmail, disclosureId: world.lastDisclosureId };
}
