import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { recordAudit, recordAuditNow } from './record';
import { verifyAuditChain } from './verify';

describe('audit trail', () => {
  it('chains events, also when many are written at once', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => recordAuditNow({ action: 'test.concurrent', details: { i, nested: { b: 2, a: 1 } } })),
    );
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ ok: true, checked: 25 });
    const events = await db.auditEvent.findMany({ orderBy: { id: 'asc' } });
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
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

  it('refuses updates and deletes at the database', async () => {
    await recordAuditNow({ action: 'test.immutable' });
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
  });

  it('the verifier finds the first tampered event, and `npm run audit:verify` fails on it', async () => {
    for (let i = 0; i < 5; i++) await recordAuditNow({ action: 'test.tamper', details: { i } });
    expect((await verifyAuditChain()).ok).toBe(true);
    const victim = (await db.auditEvent.findMany({ where: { action: 'test.tamper' }, orderBy: { id: 'asc' } }))[2]!;

    // Someone with database superuser rights bypasses the trigger and edits one event.
    await db.$transaction([
      db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`),
      db.$executeRawUnsafe(`UPDATE "AuditEvent" SET details = '{"i": 99}' WHERE id = ${victim.id}`),
      db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`),
    ]);
    const report = await verifyAuditChain();
    expect(report.ok).toBe(false);
    expect(report.brokenAt).toEqual({ id: victim.id.toString(), reason: 'hash-mismatch' });

    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
      env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.scripts.json' },
      encoding: 'utf8',
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`BROKEN at event #${victim.id}`);
  });
});
