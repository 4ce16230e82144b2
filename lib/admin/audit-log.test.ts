import { describe, expect, it } from 'vitest';
import { setUserDisabledAction } from '@/lib/admin/people-actions';
import { runAction } from '@/lib/actions/action';
import { AUDIT_PAGE_SIZE, listAuditEvents, startAuditExport } from '@/lib/admin/audit-log';
import { csvField } from '@/lib/csv/write';
import { auditFilterFrom } from '@/lib/admin/schemas/audit-filter';
import { toJapanLocal } from '@/lib/time/japan';
import { recordAuditNow } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { adminWorld } from '@/test/helpers/actors';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe('audit log viewer', () => {
  it('filters by person, record, action and time, newest first, in pages', async () => {
    const w = await adminWorld();
    await runAction(setUserDisabledAction.definition, w.adminA, { userId: w.officer.userId, disabled: true });
    await runAction(setUserDisabledAction.definition, w.adminA, { userId: w.officer.userId, disabled: false });
    const byRecord = await listAuditEvents(w.adminA, auditFilterFrom({ entityType: 'User', entityId: w.officer.userId }));
    expect(byRecord.events.map((e) => e.action)).toEqual(['admin.user.enable', 'admin.user.disable']);
    const byAction = await listAuditEvents(w.system, auditFilterFrom({ action: 'admin.user.dis' }));
    expect(byAction.events.every((e) => e.action === 'admin.user.disable')).toBe(true);
    const byPerson = await listAuditEvents(w.system, auditFilterFrom({ actor: w.adminA.email.toUpperCase() }));
    expect(byPerson.events.length).toBeGreaterThanOrEqual(2);
    expect(byPerson.events.every((e) => e.actorEmail === w.adminA.email)).toBe(true);
    const future = toJapanLocal(new Date(Date.now() + 3600_000));
    expect((await listAuditEvents(w.system, auditFilterFrom({ from: future }))).events).toEqual([]);
    expect((await listAuditEvents(w.system, auditFilterFrom({ to: future, entityId: w.officer.userId }))).events.length).toBe(2);
    // Malformed filters are ignored, not errors.
    expect(auditFilterFrom({ from: 'yesterday', before: 'x' })).toEqual({});

    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) await recordAuditNow({ action: 'test.bulk', institutionId: w.a.id, details: { i } });
    const p1 = await listAuditEvents(w.adminA, auditFilterFrom({ action: 'test.bulk' }));
    expect(p1.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(p1.events[0]?.details).toEqual({ i: AUDIT_PAGE_SIZE + 4 });
    const p2 = await listAuditEvents(w.adminA, auditFilterFrom({ action: 'test.bulk', before: p1.nextBefore }));
    expect(p2.events.map((e) => (e.details as { i: number }).i)).toEqual([4, 3, 2, 1, 0]);
    expect(p2.nextBefore).toBeUndefined();
  });

  it('pages a time window by time: every event once, ties in id order, a foreign cursor ends the list', async () => {
    const w = await adminWorld();
    const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 3, minute));
    // Written out of time order, with ties, as a clock that is not the sequence could write them.
    const minutes = [5, 1, 9, 5, 3, 7, 5, 2, 8, 6, 4, 5];
    for (const [i, m] of minutes.entries()) {
      await db.$executeRaw`INSERT INTO "AuditEvent" ("occurredAt", action, "institutionId", outcome, details, hash)
        VALUES (${at(m)}, 'test.window', ${w.a.id}::uuid, 'SUCCESS', ${JSON.stringify({ i })}::jsonb, ${`h${i}`})`;
    }
    // Another institution's event inside the same window: never shown, and useless as a cursor.
    const [foreign] = await db.$queryRaw<{ id: bigint }[]>`INSERT INTO "AuditEvent" ("occurredAt", action, "institutionId", outcome, details, hash)
      VALUES (${at(6)}, 'test.window', ${w.b.id}::uuid, 'SUCCESS', '{}'::jsonb, 'hb') RETURNING id`;
    const window = { action: 'test.window', from: toJapanLocal(at(0)), to: toJapanLocal(at(10)) };
    const seen = (await listAuditEvents(w.adminA, auditFilterFrom(window))).events.map((e) => ({
      i: (e.details as { i: number }).i,
      at: e.occurredAt.getTime(),
      id: BigInt(e.id),
    }));
    expect(seen.map((e) => e.i).sort((a, b) => a - b)).toEqual(minutes.map((_, i) => i));
    for (const [k, e] of seen.entries()) {
      const prev = seen[k - 1];
      if (prev) expect(prev.at > e.at || (prev.at === e.at && prev.id > e.id)).toBe(true);
    }
    // Paging from the middle continues strictly after the cursor, ties included.
    const tie = seen.findIndex((e, k) => k > 0 && seen[k - 1]!.at === e.at);
    const rest = await listAuditEvents(w.adminA, auditFilterFrom({ ...window, before: seen[tie - 1]!.id.toString() }));
    expect(rest.events.map((e) => (e.details as { i: number }).i)).toEqual(seen.slice(tie).map((e) => e.i));
    // Another institution's event as the cursor: nothing, rather than the events before its time.
    expect((await listAuditEvents(w.adminA, auditFilterFrom({ ...window, before: foreign!.id.toString() }))).events).toEqual([]);
    expect((await listAuditEvents(w.system, auditFilterFrom({ ...window, before: foreign!.id.toString() }))).events.length).toBeGreaterThan(0);
  });

  it("shows an institution's administrator only their institution's events", async () => {
    const w = await adminWorld();
    await recordAuditNow({ action: 'test.scope', institutionId: w.a.id });
    await recordAuditNow({ action: 'test.scope', institutionId: w.b.id });
    await recordAuditNow({ action: 'test.scope' });
    expect((await listAuditEvents(w.adminA, auditFilterFrom({ action: 'test.scope' }))).events.map((e) => e.institutionId)).toEqual([w.a.id]);
    expect((await listAuditEvents(w.system, auditFilterFrom({ action: 'test.scope' }))).events).toHaveLength(3);
  });

  it('exports the filtered events as CSV and records the export with its filter and row count', async () => {
    const w = await adminWorld();
    await recordAuditNow({ action: 'test.export', institutionId: w.a.id, actorEmail: 'x@kaiji.test', details: { note: 'a, "quoted" value' } });
    await recordAuditNow({ action: 'test.export', institutionId: w.a.id, actorEmail: '=HYPERLINK("evil")' });
    await recordAuditNow({ action: 'test.other', institutionId: w.a.id });
    const { rows, stream } = await startAuditExport(w.adminA, auditFilterFrom({ action: 'test.export' }), { ip: '10.1.1.1', userAgent: 'vitest' });
    expect(rows).toBe(2);
    const text = await readAll(stream);
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,occurred_at,actor_email,actor_id,action,outcome,entity_type,entity_id,institution_id,ip,details');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,"'=HYPERLINK(""evil"")",`);
    expect(lines[2]).toContain('"{""note"":""a, \\""quoted\\"" value""}"');
    expect(lines.slice(1).every((l) => l.includes(',test.export,SUCCESS,'))).toBe(true);
    const [event] = await db.auditEvent.findMany({ where: { action: 'audit.export' } });
    expect(event).toMatchObject({ actorId: w.adminA.userId, ip: '10.1.1.1', details: { rows: 2, filter: { action: 'test.export' } } });
    expect(csvField('-1+1')).toBe("'-1+1");
    expect(csvField(null)).toBe('');
  });
});
