// Item 3 of issue 12: NUL characters, lone surrogates, bidi controls and impossible values used to reach
// PostgreSQL and answer 500 — the denial's own audit write included. Each reproduction here goes
// through the same functions the page, route or action calls.
import { describe, expect, it } from 'vitest';
import { saveSectionAction } from '@/lib/filing/actions';
import { addCommentAction } from '@/lib/review/actions';
import { setLocale } from '@/lib/account/locale-actions';
import { listAuditEvents } from '@/lib/admin/audit-log';
import { listPeople } from '@/lib/admin/people';
import { auditFilterFrom } from '@/lib/admin/schemas/audit-filter';
import { parsePeopleFilter } from '@/lib/admin/schemas/person';
import { runAction } from '@/lib/actions/action';
import { recordAuditNow } from '@/lib/audit/record';
import { verifyAuditChain } from '@/lib/audit/verify';
import { db } from '@/lib/db/client';
import { downloadResponse } from '@/lib/filing/http';
import { reportFrame } from '@/lib/reports/frame';
import { countRecords, recordQuery } from '@/lib/reports/records';
import { listQueue } from '@/lib/review/queue';
import { parseQueueParams } from '@/lib/review/queue-params';
import { gateRefusal } from '@/lib/security/request-gate';
import { parseParams, ruleSchema } from '@/lib/rules/schemas';
import { UNSAFE_TEXT_KEY, inspectInput, safeString, scrubJson, scrubText, unsafeReason } from '@/lib/security/sanitise';
import { firstSearchParams, isInt8Id, isLocalDateTime, urlRefusal } from '@/lib/security/url-params';
import { filingWorld, startFor } from '@/test/helpers/filing';
import { reviewWorld, submitted } from '@/test/helpers/review-world';

const origin = { ip: '10.9.9.9', userAgent: 'vitest-sanitise' };
const NUL = '\u0000';
const LONE = 'a\uD800b';
const RLO = '\u202E';

describe('the sanitiser', () => {
  it('tells NUL and lone surrogates from text that can be stored, pairs and astral characters included', () => {
    expect(unsafeReason(`x${NUL}`)).toBe('nul');
    expect(unsafeReason(LONE)).toBe('surrogate');
    expect(unsafeReason('\uDC00')).toBe('surrogate');
    expect(unsafeReason('𠮷野家 😀 北京航空航天大学')).toBeNull();
  });

  it('zod strings refuse what cannot be stored with a field message, and drop bidi controls', () => {
    const s = safeString().trim().max(20);
    expect(s.safeParse(`invoice${RLO}fdp.exe`).data).toBe('invoicefdp.exe');
    expect(s.safeParse(`a${NUL}`).error?.issues[0]?.message).toBe('validation.unsafeText');
    expect(s.safeParse(LONE).success).toBe(false);
  });

  it('inspects a whole action input and names every bad field', () => {
    expect(inspectInput({ a: [`ok${RLO}`, { b: NUL }], c: LONE })).toEqual({
      ok: false,
      fieldErrors: { 'a.1.b': ['validation.unsafeText'], c: ['validation.unsafeText'] },
    });
    expect(inspectInput({ a: [`ok\u2066x\u2069`], n: 1 })).toEqual({ ok: true, value: { a: ['okx'], n: 1 } });
  });

  it('scrubs for the record without refusing: NUL gone, surrogates replaced, bounded', () => {
    expect(scrubText(`a${NUL}b${RLO}c\uD800`)).toBe('abc\uFFFD');
    expect(scrubJson({ [`k${NUL}`]: ['x'.repeat(5000)], n: Number.NaN })).toEqual({ k: [`${'x'.repeat(2000)}…`], n: 'NaN' });
  });

  it('cuts long text between characters, never through a surrogate pair (which would leave a lone half)', () => {
    const cut = scrubText(`${'x'.repeat(9)}😀😀`, 10);
    expect(cut).toBe(`${'x'.repeat(9)}…`);
    expect(unsafeReason(cut)).toBeNull();
    expect(scrubText('😀😀', 2)).toBe('😀…');
  });

  // Found by the action fuzzer (fuzz-actions.test.ts): escapes in a rule's JSON parameters passed the
  // input gate as plain ASCII, then decoded into NUL (500), a lone surrogate (500) or a stored bidi control.
  it('text decoded from a rule\'s JSON parameters goes through the same gate', () => {
    const rule = (params: string) => ({
      versionId: '00000000-0000-4000-8000-000000000000',
      code: 'paid-appointment',
      titleJa: '有給',
      titleEn: 'Paid',
      forEach: '',
      expression: 'true',
      severity: 'INFO',
      messageJa: '確認',
      messageEn: 'Check',
      citationJa: '§4',
      citationEn: '§4',
      params,
    });
    for (const bad of ['{"k":"\\u0000"}', '{"k":"\\ud800"}', '{"k":["a\\udc00"]}']) {
      expect(ruleSchema.safeParse(rule(bad)).error?.issues.map((i) => [i.path.join('.'), i.message]), bad).toEqual([['params', UNSAFE_TEXT_KEY]]);
      expect(parseParams(bad)).toBeNull();
    }
    expect(ruleSchema.safeParse(rule('{"k":"a\\u202eb"}')).success).toBe(true);
    expect(parseParams('{"k":"a\\u202eb", "n": 1}')).toEqual({ k: 'ab', n: 1 });
    expect(ruleSchema.safeParse(rule('[1]')).error?.issues.map((i) => i.message)).toEqual(['rules.errors.paramsJson']);
  });
});

describe('the audit writer never fails on what an attacker typed', () => {
  it('stores NUL, lone surrogates, 1 MB and non-UUID ids; the chain still verifies', async () => {
    const hostile = `=HYPERLINK("x")${NUL}${LONE}${RLO}${'y'.repeat(1_000_000)}`;
    await recordAuditNow({
      // Not a listed code: the writer must store whatever reaches it at run time.
      action: `access.denied${NUL}` as 'access.denied',
      outcome: 'DENIED',
      actorId: 'not-a-uuid',
      actorEmail: hostile,
      entityId: hostile,
      ip: hostile,
      userAgent: hostile,
      institutionId: NUL,
      details: { resource: hostile, nested: [{ [hostile.slice(0, 30)]: hostile }] },
    });
    const e = await db.auditEvent.findFirstOrThrow({ where: { action: 'access.denied' }, orderBy: { id: 'desc' } });
    expect(e.actorId).toBeNull();
    expect(e.actorEmail!.length).toBeLessThanOrEqual(321);
    expect(JSON.stringify(e.details)).not.toContain('\\u0000');
    expect(e.details).toMatchObject({ invalidIds: { actorId: 'not-a-uuid' } });
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});

describe('the URL path', () => {
  it('refuses NUL and malformed encoding anywhere in a URL, leaves the rest to the routes', async () => {
    const u = (p: string) => new URL(p, 'http://localhost');
    expect(urlRefusal(u('/api/attachments/%00'))).toBe('unsafe');
    expect(urlRefusal(u('/review?q=%00'))).toBe('unsafe');
    expect(urlRefusal(u('/reports/records?fy=2026&programme=%00'))).toBe('unsafe');
    expect(urlRefusal(u('/admin/people?after=%00'))).toBe('unsafe');
    expect(urlRefusal(u('/api/v1/disclosures/%00'))).toBe('unsafe');
    expect(urlRefusal(u('/review?q=%E0%A4'))).toBe('malformed');
    expect(urlRefusal(u('/review?q=%ED%A0%80'))).toBe('malformed');
    expect(urlRefusal(u('/review?q=%E5%8C%97%E4%BA%AC&sort=oldest'))).toBeNull();
    expect(await gateRefusal(new Request('http://localhost/admin/people?after=%00'))).toBe('unsafe-url');
  });

  it('refuses a server-action body React never sends, lets real ones through', async () => {
    const post = (body: string, type = 'text/plain;charset=UTF-8') =>
      new Request('http://localhost/admin', { method: 'POST', headers: { 'next-action': 'abc', 'content-type': type }, body });
    expect(await gateRefusal(post('{"not":"an array"'))).toBe('malformed-action-body');
    expect(await gateRefusal(post('{"a":1}'))).toBe('malformed-action-body');
    expect(await gateRefusal(post('["ja"]'))).toBeNull();
    expect(await gateRefusal(post('--x--', 'multipart/form-data; boundary=x'))).toBeNull();
  });

  it('drops unsafe values in search parameters and checks what dates and ids mean', () => {
    expect(firstSearchParams({ q: NUL, a: ['', 'x'], b: [`y${RLO}`] })).toEqual({ a: undefined, b: 'y' });
    expect(isLocalDateTime('2026-13-45T99:99')).toBe(false);
    expect(isLocalDateTime('2026-02-29T10:00')).toBe(false);
    expect(isLocalDateTime('2028-02-29T23:59')).toBe(true);
    expect(isInt8Id('9999999999999999999')).toBe(false);
    expect(isInt8Id('9223372036854775807')).toBe(true);
  });
});

describe('every reproduction of item 3 answers without a 500', () => {
  it('/admin/audit?before=9999999999999999999 and ?from=2026-13-45T99:99 list events', async () => {
    const admin = (await reviewWorld()).admin;
    for (const params of [{ before: '9999999999999999999' }, { from: '2026-13-45T99:99' }, { to: '0000-00-00T00:00' }, { actor: NUL }]) {
      const filter = auditFilterFrom(params);
      expect(filter).toEqual({});
      await expect(listAuditEvents(admin, filter)).resolves.toHaveProperty('events');
    }
  });

  it('/admin/people?after=%00 lists people', async () => {
    const admin = (await reviewWorld()).admin;
    expect(parsePeopleFilter({ after: NUL })).toEqual({});
    await expect(listPeople(admin, parsePeopleFilter({ after: NUL, q: LONE }))).resolves.toHaveProperty('people');
  });

  it('/review?q=%00 lists the queue', async () => {
    const w = await reviewWorld();
    const params = parseQueueParams({ q: NUL, cursor: NUL, rule: LONE });
    expect(params.q).toBeUndefined();
    await expect(listQueue(w.officerA, params)).resolves.toHaveProperty('rows');
  });

  it('/reports/records?fy=2026&programme=%00 counts records', async () => {
    const w = await reviewWorld();
    const frame = await reportFrame(w.auditor, { fy: '2026', programme: NUL }, 'en');
    expect(frame.filter.programme).toBeUndefined();
    const q = await recordQuery(w.auditor, frame.filter, { locale: 'en' });
    await expect(countRecords(q)).resolves.toBeTypeOf('number');
  });

  it('/api/attachments/%00 answers an audited 404', async () => {
    const w = await reviewWorld();
    const res = await downloadResponse(w.officerA, NUL, origin);
    expect(res.status).toBe(404);
    const denied = await db.auditEvent.findFirst({ where: { action: 'access.denied', actorId: w.officerA.userId }, orderBy: { id: 'desc' } });
    expect(denied).not.toBeNull();
  });

  it('saving a section or a comment with U+0000 is a field error; nothing is stored', async () => {
    const world = await filingWorld();
    const me = await world.researcher();
    const id = await startFor(me, world.cycleA.id);
    const before = await db.disclosureSection.findMany({ where: { disclosureId: id }, orderBy: { key: 'asc' } });
    const res = await runAction(
      saveSectionAction.definition,
      me,
      { disclosureId: id, section: 'gifts', revision: 0, data: { nothingToDisclose: false, items: [{ description: `gift${NUL}` }] } },
      origin,
    );
    expect(res).toMatchObject({ ok: false, error: 'errors.invalidInput', fieldErrors: { 'data.items.0.description': ['validation.unsafeText'] } });
    expect(await db.disclosureSection.findMany({ where: { disclosureId: id }, orderBy: { key: 'asc' } })).toEqual(before);

    const w = await reviewWorld();
    const d = await submitted(w, { cycle: w.cycleA });
    const comment = await runAction(addCommentAction.definition, w.officerA, { disclosureId: d.id, visibility: 'INTERNAL', body: `note${NUL}` }, origin);
    expect(comment).toMatchObject({ ok: false, fieldErrors: { body: ['validation.unsafeText'] } });
    expect(await db.comment.count({ where: { disclosureId: d.id } })).toBe(0);
    // Bidi controls are dropped, not kept: the note reads as it is stored.
    const ok = await runAction(addCommentAction.definition, w.officerA, { disclosureId: d.id, visibility: 'INTERNAL', body: `see ${RLO}fdp.exe` }, origin);
    expect(ok.ok).toBe(true);
    expect((await db.comment.findFirstOrThrow({ where: { disclosureId: d.id } })).body).toBe('see fdp.exe');
  });

  it('setLocale("xx") is a refusal, not a thrown error', async () => {
    await expect(setLocale('xx')).resolves.toEqual({ ok: false, error: 'errors.invalidInput' });
    await expect(setLocale(NUL)).resolves.toEqual({ ok: false, error: 'errors.invalidInput' });
  });
});
