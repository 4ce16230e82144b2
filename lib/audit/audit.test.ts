import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { verifyAndCheckpoint } from './checkpoint';
import { recordAudit, recordAuditNow } from './record';
import { sealPending } from './seal';
import { verifyAuditChain } from './verify';

// These tests start real processes (tsx, node): seconds each on an idle machine, far more on a loaded one.
vi.setConfig({ testTimeout: 120_000 });

/** What a database superuser could do: bypass the immutability triggers for a few statements. */
async function tamper(...statements: string[]) {
  await db.$transaction([
    db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`),
    ...statements.map((s) => db.$executeRawUnsafe(s)),
    db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`),
  ]);
}

const ofAction = (action: string) => db.auditEvent.findMany({ where: { action }, orderBy: { id: 'asc' } });
let undo: string[] = [];

// Each tamper test puts the row back afterwards, so the next one starts from an intact trail.
afterEach(async () => {
  if (undo.length) await tamper(...undo);
  undo = [];
  expect((await verifyAndCheckpoint()).ok).toBe(true);
});

describe('audit trail', () => {
  it('seals events written at once into linked seals that cover each exactly once', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => recordAuditNow({ action: 'test.concurrent', details: { i, nested: { b: 2, a: 1 } } })),
    );
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ ok: true, checked: 25 });
    const seals = await db.auditSeal.findMany({ orderBy: { seq: 'asc' } });
    expect(seals.reduce((n, s) => n + s.count, 0)).toBe(25);
    for (let i = 1; i < seals.length; i++) expect(seals[i]!.prevHash).toBe(seals[i - 1]!.hash);
    expect(report.headHash).toBe(seals[seals.length - 1]!.hash);
  });

  it('writes the event in the same transaction as the change: a rollback leaves no event', async () => {
    const before = await db.auditEvent.count();
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, { action: 'test.rolled_back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.auditEvent.count()).toBe(before);
  });

  it('refuses updates, deletes and truncation at the database, on the table, its partitions and the seals', async () => {
    await recordAuditNow({ action: 'test.immutable' });
    await sealPending();
    const [part] = await db.$queryRaw<{ name: string }[]>`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = '"AuditEvent"'::regclass AND c.relname <> 'AuditEvent_default' LIMIT 1`;
    for (const table of ['AuditEvent', part!.name, 'AuditSeal']) {
      await expect(db.$executeRawUnsafe(`UPDATE "${table}" SET "hash" = 'x'`)).rejects.toThrow(/append-only/);
      await expect(db.$executeRawUnsafe(`DELETE FROM "${table}"`)).rejects.toThrow(/append-only/);
      await expect(db.$executeRawUnsafe(`TRUNCATE "${table}"`)).rejects.toThrow(/append-only/);
    }
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditCheckpoint"`)).rejects.toThrow(/append-only/);
  });

  it('an edited event: found by the full verifier (and `npm run audit:verify`) and by the incremental job', async () => {
    expect((await verifyAndCheckpoint()).ok).toBe(true);
    for (let i = 0; i < 5; i++) await recordAuditNow({ action: 'test.tamper', details: { i } });
    await sealPending();
    const victim = (await ofAction('test.tamper'))[2]!;

    await tamper(`UPDATE "AuditEvent" SET details = '{"i": 99}' WHERE id = ${victim.id}`);
    undo = [`UPDATE "AuditEvent" SET details = '{"i": 2}' WHERE id = ${victim.id}`];
    const report = await verifyAuditChain();
    expect(report.ok).toBe(false);
    expect(report.brokenAt).toEqual({ id: victim.id.toString(), reason: 'hash-mismatch' });
    expect((await verifyAndCheckpoint()).brokenAt).toEqual({ id: victim.id.toString(), reason: 'hash-mismatch' });
    expect(await db.auditCheckpoint.findFirst({ orderBy: { id: 'desc' } })).toMatchObject({ ok: false, brokenId: victim.id, reason: 'hash-mismatch' });

    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
      env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.scripts.json' },
      encoding: 'utf8',
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`BROKEN at event #${victim.id}`);
  });

  it('an edit that recomputes the event hash still breaks its seal', async () => {
    expect((await verifyAndCheckpoint()).ok).toBe(true);
    for (let i = 0; i < 3; i++) await recordAuditNow({ action: 'test.forge', details: { i } });
    await sealPending();
    const victim = (await ofAction('test.forge'))[1]!;
    const other = (await ofAction('test.forge'))[0]!;
    // Give the victim another event's content and hash: every event hash checks, the seal does not.
    await tamper(`UPDATE "AuditEvent" SET details = '{"i": 0}', hash = '${other.hash}', "occurredAt" = '${other.occurredAt.toISOString()}' WHERE id = ${victim.id}`);
    undo = [`UPDATE "AuditEvent" SET details = '{"i": 1}', hash = '${victim.hash}', "occurredAt" = '${victim.occurredAt.toISOString()}' WHERE id = ${victim.id}`];
    expect((await verifyAuditChain()).brokenAt?.reason).toBe('seal-mismatch');
    expect((await verifyAndCheckpoint()).brokenAt?.reason).toBe('seal-mismatch');
  });

  it('a deleted event: found by both', async () => {
    expect((await verifyAndCheckpoint()).ok).toBe(true);
    for (let i = 0; i < 4; i++) await recordAuditNow({ action: 'test.delete', details: { i } });
    await sealPending();
    const victim = (await ofAction('test.delete'))[1]!;
    await tamper(`DELETE FROM "AuditEvent" WHERE id = ${victim.id}`);
    undo = [
      `INSERT INTO "AuditEvent" SELECT * FROM json_populate_record(NULL::"AuditEvent", '${JSON.stringify({ ...victim, id: victim.id.toString(), xid: victim.xid.toString() }).replace(/'/g, "''")}')`,
    ];
    for (const report of [await verifyAuditChain(), await verifyAndCheckpoint()]) {
      expect(report.ok).toBe(false);
      expect(report.brokenAt).toMatchObject({ reason: 'seal-mismatch' });
    }
  });

  it('reordered events (ids swapped): found by both', async () => {
    expect((await verifyAndCheckpoint()).ok).toBe(true);
    for (let i = 0; i < 4; i++) await recordAuditNow({ action: 'test.reorder', details: { i } });
    await sealPending();
    const [, a, b] = await ofAction('test.reorder');
    if (!a || !b) throw new Error('two events expected');
    const swap = [`UPDATE "AuditEvent" SET id = -1 WHERE id = ${a.id}`, `UPDATE "AuditEvent" SET id = ${a.id} WHERE id = ${b.id}`, `UPDATE "AuditEvent" SET id = ${b.id} WHERE id = -1`];
    await tamper(...swap);
    undo = swap;
    for (const report of [await verifyAuditChain(), await verifyAndCheckpoint()]) expect(report.brokenAt).toMatchObject({ reason: 'seal-mismatch' });
  });

  it('a forged seal record: found by both', async () => {
    expect((await verifyAndCheckpoint()).ok).toBe(true);
    await recordAuditNow({ action: 'test.seal' });
    await sealPending();
    const head = await db.auditSeal.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    const set = (count: number) => [
      `ALTER TABLE "AuditSeal" DISABLE TRIGGER "AuditSeal_append_only"`,
      `UPDATE "AuditSeal" SET count = ${count} WHERE seq = ${head.seq}`,
      `ALTER TABLE "AuditSeal" ENABLE TRIGGER "AuditSeal_append_only"`,
    ];
    await db.$transaction(set(head.count + 1).map((s) => db.$executeRawUnsafe(s)));
    for (const report of [await verifyAuditChain(), await verifyAndCheckpoint()]) expect(report.brokenAt).toMatchObject({ seal: head.seq.toString(), reason: 'seal-hash' });
    await db.$transaction(set(head.count).map((s) => db.$executeRawUnsafe(s)));
  });

  it('a detached partition: found by both, the incremental job without re-reading what it verified before', async () => {
    await recordAuditNow({ action: 'test.partition' });
    expect((await verifyAndCheckpoint()).ok).toBe(true);
    const month = new Date().toISOString().slice(0, 7);
    const name = `AuditEvent_y${month.replace('-', 'm')}`;
    const [y, m] = month.split('-').map(Number) as [number, number];
    const from = new Date(Date.UTC(y, m - 1, 1)).toISOString();
    const to = new Date(Date.UTC(y, m, 1)).toISOString();
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DETACH PARTITION "${name}"`);
    try {
      const incremental = await verifyAndCheckpoint();
      expect(incremental).toMatchObject({ ok: false, checked: 0, brokenAt: { month, reason: 'partition-missing' } });
      expect((await verifyAuditChain()).brokenAt).toMatchObject({ reason: 'seal-mismatch' });
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ATTACH PARTITION "${name}" FOR VALUES FROM ('${from}') TO ('${to}')`);
    }
  });

  it('the incremental job verifies only what is new since its last checkpoint', async () => {
    expect((await verifyAndCheckpoint()).ok).toBe(true);
    const before = await db.auditCheckpoint.findFirstOrThrow({ orderBy: { id: 'desc' } });
    for (let i = 0; i < 7; i++) await recordAuditNow({ action: 'test.incremental', details: { i } });
    const report = await verifyAndCheckpoint();
    expect(report).toMatchObject({ ok: true, checked: 7 });
    const after = await db.auditCheckpoint.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(after.eventCount - before.eventCount).toBe(BigInt(7));
    expect(after.eventCount).toBe(BigInt(await db.auditEvent.count()));
  });
});
