// The upgrade from the per-event chain: a database holding events chained the old way (prevHash → hash,
// one global order) is migrated to the partitioned, sealed trail, and the old events verify in it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { MIGRATIONS_DIR, migrate, readMigrations } from '@/lib/db/migrator';
import { withDatabase } from '@/test/global-setup';
import { GENESIS_HASH, eventHash } from './hash';

describe('upgrading a database whose events were chained one by one', () => {
  it('keeps every old event, verifiable, ahead of the new ones', { timeout: 120_000 }, async () => {
    const url = process.env.DATABASE_URL!;
    const database = new URL(url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: withDatabase(inject('pgAdminUrl'), 'postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();

    // The migrations before this one, in a folder of their own.
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-mig-before-'));
    for (const m of readMigrations().filter((m) => m.name < '20261203')) fs.cpSync(path.join(MIGRATIONS_DIR, m.name), path.join(before, m.name), { recursive: true });
    await migrate(url, { dir: before });

    const c = new pg.Client({ connectionString: url });
    await c.connect();
    let prev = GENESIS_HASH;
    const months = ['2026-10-15T01:02:03.004Z', '2026-11-20T05:06:07.008Z', '2026-11-21T05:06:07.009Z'];
    for (const [i, at] of months.entries()) {
      const fields = { occurredAt: new Date(at), actorId: null, actorEmail: 'old@kaiji.test', action: 'test.legacy', entityType: null, entityId: null, institutionId: null, outcome: 'SUCCESS', ip: null, userAgent: null, details: { i } };
      const hash = eventHash(prev, fields);
      await c.query(`INSERT INTO "AuditEvent" ("occurredAt", "actorEmail", action, outcome, details, "prevHash", hash) VALUES ($1, $2, $3, 'SUCCESS', $4, $5, $6)`, [
        fields.occurredAt, fields.actorEmail, fields.action, fields.details, prev, hash,
      ]);
      prev = hash;
    }
    await c.end();
    await migrate(url);

    const { recordAuditNow } = await import('./record');
    const { verifyAuditChain } = await import('./verify');
    const { db } = await import('@/lib/db/client');
    await recordAuditNow({ action: 'test.new' });
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 4 });
    const rows = await db.$queryRaw<{ action: string; xid: bigint; part: string }[]>`SELECT action, xid, tableoid::regclass::text AS part FROM "AuditEvent" ORDER BY xid, id`;
    expect(rows.map((r) => [r.action, r.part])).toEqual([
      ['test.legacy', '"AuditEvent_y2026m10"'],
      ['test.legacy', '"AuditEvent_y2026m11"'],
      ['test.legacy', '"AuditEvent_y2026m11"'],
      ['test.new', `"AuditEvent_y${new Date().toISOString().slice(0, 7).replace('-', 'm')}"`],
    ]);
    expect(rows[0]!.xid).toBe(BigInt(0));
    // The id sequence carried over: new ids follow the old ones.
    const ids = await db.auditEvent.findMany({ orderBy: { id: 'asc' }, select: { id: true } });
    expect(ids.map((r) => Number(r.id))).toEqual([1, 2, 3, 4]);
  });
});
