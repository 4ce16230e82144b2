// Submission: one version per submission whatever the browser repeats, complete content only, the
// certification checked, versions immutable, and the cycle's status respected.
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  discardUpdateAction,
  startDisclosureAction,
  startUpdateAction,
  submitDisclosureAction,
} from '@/lib/filing/actions';
import { runAction } from '@/lib/actions/action';
import { canonicalJson } from '@/lib/audit/hash';
import { db } from '@/lib/db/client';
import { diffContent } from '@/lib/disclosures/diff';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import { createCycle } from '@/lib/seed/factories';
import { auditOf, completeContent, filingWorld, origin, saveAll, snapshot, startFor, submitInput, submitted } from '@/test/helpers/filing';

const submit = submitDisclosureAction.definition;
const world = await filingWorld();

async function filled(content: DisclosureContent = completeContent()) {
  const actor = await world.researcher();
  const id = await startFor(actor, world.cycleA.id);
  await saveAll(actor, id, content);
  return { actor, id };
}

describe('submitting a disclosure', () => {
  it('freezes the draft into version 1 with its hash, attestation, organisations and audit event', async () => {
    const content = completeContent();
    const { actor, id } = await filled(content);
    const res = await runAction(submit, actor, await submitInput(id, { fullName: '  taro   YAMADA ' }), origin);
    expect(res).toMatchObject({ ok: true, data: { number: 1, kind: 'INITIAL', replayed: false } });

    const v = await db.disclosureVersion.findFirstOrThrow({ where: { disclosureId: id } });
    const stored = v.content as DisclosureContent;
    expect(stored.appointments.items[0]!.title).toBe('Visiting Professor');
    expect(v.contentHash).toBe(createHash('sha256').update(canonicalJson(stored)).digest('hex'));
    expect(v.attestationText).toBe(world.cycleA.attestationEn);
    expect(v).toMatchObject({ locale: 'en', certifiedName: 'taro   YAMADA', submittedById: actor.userId, formVersion: 1 });

    const d = await db.disclosure.findUniqueOrThrow({ where: { id } });
    expect(d).toMatchObject({ status: 'SUBMITTED', stateVersion: 1, researcherName: '山田 太郎' });
    expect(d.lastSubmittedAt).toEqual(v.certifiedAt);
    expect(await db.disclosureSection.count({ where: { disclosureId: id } })).toBe(0);

    const orgs = await db.disclosureOrganisation.findMany({ where: { disclosureId: id }, orderBy: { itemRef: 'asc' } });
    expect(orgs.map((o) => o.normalizedName)).toContain('beijing inst tech');
    expect(orgs.every((o) => o.versionId === v.id)).toBe(true);
    expect((await auditOf('disclosure.submit')).filter((e) => e.entityId === id)).toHaveLength(1);
  });

  it('stores the attestation in the language it was shown in', async () => {
    const { actor, id } = await filled();
    await runAction(submit, actor, { ...(await submitInput(id)), locale: 'ja', certification: { fullName: '山田太郎', accepted: true } }, origin);
    const v = await db.disclosureVersion.findFirstOrThrow({ where: { disclosureId: id } });
    expect(v.attestationText).toBe(world.cycleA.attestationJa);
    expect(v.locale).toBe('ja');
  });

  it('is idempotent: the same key submitted twice (one after the other, or at once) makes one version', async () => {
    const { actor, id } = await filled();
    const input = await submitInput(id);
    const first = await runAction(submit, actor, input, origin);
    const second = await runAction(submit, actor, input, origin);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.data).toEqual({ ...first.data, replayed: true });

    const other = await filled();
    const same = await submitInput(other.id);
    const results = await Promise.all([1, 2, 3].map(() => runAction(submit, other.actor, same, origin)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => r.ok && r.data.versionId)).size).toBe(1);
    expect(await db.disclosureVersion.count({ where: { disclosureId: other.id } })).toBe(1);
    expect((await auditOf('disclosure.submit')).filter((e) => e.entityId === other.id)).toHaveLength(1);
  });

  it('lets one of two concurrent submits with different keys through (two tabs): one version', async () => {
    const { actor, id } = await filled();
    const [a, b] = await Promise.all([submitInput(id), submitInput(id)]);
    const results = await Promise.all([runAction(submit, actor, a, origin), runAction(submit, actor, b, origin)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.error).toMatch(/^(errors\.conflict|filing\.errors\.notEditable\.awaitingReview)$/);
    expect(await db.disclosureVersion.count({ where: { disclosureId: id } })).toBe(1);
  });

  it('refuses an incomplete disclosure with what is missing, per section and field', async () => {
    const content = completeContent();
    const actor = await world.researcher();
    const id = await startFor(actor, world.cycleA.id);
    await saveAll(actor, id, { ...content, travel: { nothingToDisclose: false, items: [] }, gifts: undefined } as never);
    const before = await snapshot();
    const res = await runAction(submit, actor, await submitInput(id), origin);
    expect(res).toMatchObject({ ok: false, error: 'filing.errors.incomplete', details: { sections: ['gifts', 'travel'] } });
    expect(!res.ok && res.fieldErrors).toMatchObject({
      'gifts.nothingToDisclose': ['validation.sectionEmpty'],
      'travel.nothingToDisclose': ['validation.sectionEmpty'],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses references to registry entities or attachments that do not exist', async () => {
    const content = completeContent();
    content.appointments.items[0]!.organisation.entityId = randomUUID();
    content.appointments.items[0]!.contractAttachmentIds = [randomUUID()];
    const { actor, id } = await filled(content);
    const res = await runAction(submit, actor, await submitInput(id), origin);
    expect(res).toMatchObject({ ok: false, error: 'filing.errors.incomplete', details: { sections: ['appointments'] } });
    expect(!res.ok && Object.keys(res.fieldErrors ?? {}).sort()).toEqual([
      'appointments.items.0.contractAttachmentIds',
      'appointments.items.0.organisation.entityId',
    ]);
  });

  it('checks the certification: accepted, and the researcher’s own name', async () => {
    const { actor, id } = await filled();
    const before = await snapshot();
    const wrongName = await runAction(submit, actor, await submitInput(id, { fullName: 'Hanako Sato' }), origin);
    expect(wrongName).toMatchObject({ ok: false, error: 'errors.invalidInput', fieldErrors: { 'certification.fullName': ['filing.errors.nameMismatch'] } });
    const notAccepted = await runAction(submit, actor, { ...(await submitInput(id)), certification: { fullName: 'Taro Yamada', accepted: false } }, origin);
    expect(notAccepted).toMatchObject({ ok: false, error: 'errors.invalidInput', fieldErrors: { 'certification.accepted': ['validation.mustAccept'] } });
    const blank = await runAction(submit, actor, { ...(await submitInput(id)), certification: { fullName: '   ', accepted: true } }, origin);
    expect(blank).toMatchObject({ ok: false, fieldErrors: { 'certification.fullName': ['validation.required'] } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses when the draft changed after the review page was opened, or the state moved on', async () => {
    const { actor, id } = await filled();
    const input = await submitInput(id);
    await saveAll(actor, id, { interests: { nothingToDisclose: true, items: [] }, gifts: { nothingToDisclose: true, items: [] } });
    const profile = await db.disclosureSection.findUniqueOrThrow({ where: { disclosureId_key: { disclosureId: id, key: 'profile' } } });
    await saveAll(actor, id, { profile: { ...(profile.data as object), position: 'Dean' } });
    expect(await runAction(submit, actor, input, origin)).toMatchObject({ ok: false, error: 'filing.errors.changedSinceReview' });
    expect(await runAction(submit, actor, { ...(await submitInput(id)), stateVersion: 7 }, origin)).toMatchObject({ ok: false, error: 'errors.conflict' });
    expect(await db.disclosureVersion.count({ where: { disclosureId: id } })).toBe(0);
  });

  it('refuses malformed and oversized input with field errors, storing nothing', async () => {
    const { actor, id } = await filled();
    const good = await submitInput(id);
    const before = await snapshot();
    const cases: [unknown, string][] = [
      [{}, 'disclosureId'],
      [{ ...good, disclosureId: '1; DROP TABLE' }, 'disclosureId'],
      [{ ...good, idempotencyKey: 'x'.repeat(10_000) }, 'idempotencyKey'],
      [{ ...good, stateVersion: 1.5 }, 'stateVersion'],
      [{ ...good, reviewedHash: 'abc' }, 'reviewedHash'],
      [{ ...good, locale: 'fr' }, 'locale'],
      [{ ...good, certification: { fullName: 'x'.repeat(5000), accepted: true } }, 'certification.fullName'],
      [{ ...good, certification: 'yes' }, 'certification'],
    ];
    for (const [input, path] of cases) {
      const res = await runAction(submit, actor, input, origin);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(Object.keys(res.fieldErrors ?? {}), path).toContain(path);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('versions are immutable: the database refuses to change or delete one', async () => {
    const actor = await world.researcher();
    const id = await submitted(actor, world.cycleA.id);
    await expect(db.$executeRaw`UPDATE "DisclosureVersion" SET "certifiedName" = 'someone else' WHERE "disclosureId" = ${id}::uuid`).rejects.toThrow();
    await expect(db.$executeRaw`DELETE FROM "DisclosureVersion" WHERE "disclosureId" = ${id}::uuid`).rejects.toThrow();
    expect((await db.disclosureVersion.findFirstOrThrow({ where: { disclosureId: id } })).certifiedName).toBe('Taro Yamada');
  });
});

describe('cycles', () => {
  it('a closed cycle takes no new disclosures and no first submissions, but takes resubmissions and updates', async () => {
    const { cycle, other } = await db.$transaction(async (tx) => ({
      cycle: await createCycle(tx, { institutionId: world.a.id, fiscalYear: 2031, status: 'OPEN' }),
      other: await createCycle(tx, { institutionId: world.a.id, fiscalYear: 2032, status: 'CLOSED' }),
    }));
    const actor = await world.researcher();
    const start = await runAction(startDisclosureAction.definition, actor, { cycleId: other.id }, origin);
    expect(start).toMatchObject({ ok: false, error: 'filing.errors.cycleClosed' });
    expect((await auditOf('disclosure.start', 'DENIED')).some((e) => e.entityId === other.id)).toBe(true);

    // A draft left in a cycle that then closed can no longer be submitted.
    const draft = await startFor(actor, cycle.id);
    await saveAll(actor, draft, completeContent());
    const input = await submitInput(draft);
    await db.disclosureCycle.update({ where: { id: cycle.id }, data: { status: 'CLOSED' } });
    expect(await runAction(submit, actor, input, origin)).toMatchObject({ ok: false, error: 'filing.errors.notEditable.cycleClosed' });
    expect((await auditOf('disclosure.submit', 'DENIED')).some((e) => e.entityId === draft)).toBe(true);

    // One that was returned is revised and resubmitted.
    await db.disclosureCycle.update({ where: { id: cycle.id }, data: { status: 'OPEN' } });
    const returned = await submitted(await world.researcher(), cycle.id);
    await db.disclosure.update({ where: { id: returned }, data: { status: 'RETURNED', stateVersion: { increment: 1 } } });
    await db.disclosureCycle.update({ where: { id: cycle.id }, data: { status: 'CLOSED' } });
    const owner = (await db.disclosure.findUniqueOrThrow({ where: { id: returned }, select: { researcherId: true } })).researcherId;
    const ownerActor = await actorOf(owner);
    await saveAll(ownerActor, returned, { gifts: { nothingToDisclose: true, items: [] } });
    const resubmit = await runAction(submit, ownerActor, await submitInput(returned), origin);
    expect(resubmit).toMatchObject({ ok: true, data: { number: 2, kind: 'RESUBMISSION' } });
    expect((await db.disclosure.findUniqueOrThrow({ where: { id: returned } })).status).toBe('RESUBMITTED');
  });

  it('a cycle still in draft is invisible: starting a disclosure in it answers 404', async () => {
    const cycle = await db.$transaction((tx) => createCycle(tx, { institutionId: world.a.id, fiscalYear: 2033, status: 'DRAFT' }));
    const res = await runAction(startDisclosureAction.definition, world.me, { cycleId: cycle.id }, origin);
    expect(res).toEqual({ ok: false, error: 'errors.notFound' });
  });

  it('starting twice (a double click) gives the same disclosure', async () => {
    const actor = await world.researcher();
    const results = await Promise.all([1, 2].map(() => runAction(startDisclosureAction.definition, actor, { cycleId: world.cycleA.id }, origin)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => r.ok && r.data.disclosureId)).size).toBe(1);
    expect(await db.disclosure.count({ where: { researcherId: actor.userId } })).toBe(1);
  });
});

describe('updates', () => {
  it('start from the last version, submit as a new version, and show field by field what changed', async () => {
    const actor = await world.researcher();
    const id = await submitted(actor, world.cycleA.id);
    const d = await db.disclosure.findUniqueOrThrow({ where: { id } });
    const started = await runAction(startUpdateAction.definition, actor, { disclosureId: id, stateVersion: d.stateVersion }, origin);
    expect(started).toEqual({ ok: true, data: { started: true } });
    expect(await db.disclosureSection.count({ where: { disclosureId: id } })).toBe(7);

    const row = await db.disclosureSection.findUniqueOrThrow({ where: { disclosureId_key: { disclosureId: id, key: 'appointments' } } });
    const appointments = row.data as DisclosureContent['appointments'];
    appointments.items[0]!.title = 'Chair Professor';
    await saveAll(actor, id, { appointments });
    const res = await runAction(submit, actor, await submitInput(id), origin);
    expect(res).toMatchObject({ ok: true, data: { number: 2, kind: 'UPDATE' } });
    expect((await db.disclosure.findUniqueOrThrow({ where: { id } })).status).toBe('SUBMITTED');

    const [v1, v2] = await db.disclosureVersion.findMany({ where: { disclosureId: id }, orderBy: { number: 'asc' } });
    const diff = diffContent(v1!.content as DisclosureContent, v2!.content as DisclosureContent);
    expect(diff.sections).toHaveLength(1);
    expect(diff.sections[0]!.items[0]!.changes).toEqual([
      { field: 'appointments.title', label: 'disclosure.appointments.title.label', before: 'Visiting Professor', after: 'Chair Professor' },
    ]);
  });

  it('can be discarded, leaving the versions as they were; and are refused where none can start', async () => {
    const actor = await world.researcher();
    const id = await submitted(actor, world.cycleA.id);
    await db.disclosure.update({ where: { id }, data: { status: 'APPROVED', stateVersion: { increment: 1 } } });
    const sv = (await db.disclosure.findUniqueOrThrow({ where: { id } })).stateVersion;
    expect(await runAction(startUpdateAction.definition, actor, { disclosureId: id, stateVersion: sv }, origin)).toMatchObject({ ok: true });
    expect(await runAction(discardUpdateAction.definition, actor, { disclosureId: id, stateVersion: sv }, origin)).toMatchObject({ ok: true });
    expect(await db.disclosureSection.count({ where: { disclosureId: id } })).toBe(0);
    expect((await db.disclosure.findUniqueOrThrow({ where: { id } })).status).toBe('APPROVED');
    expect(await runAction(discardUpdateAction.definition, actor, { disclosureId: id, stateVersion: sv }, origin)).toMatchObject({ ok: false, error: 'filing.errors.noUpdate' });

    await db.disclosure.update({ where: { id }, data: { status: 'UNDER_REVIEW', stateVersion: { increment: 1 } } });
    const refused = await runAction(startUpdateAction.definition, actor, { disclosureId: id, stateVersion: sv + 1 }, origin);
    expect(refused).toMatchObject({ ok: false, error: 'filing.errors.cannotUpdate' });
    expect((await auditOf('disclosure.update.start', 'DENIED')).some((e) => e.entityId === id)).toBe(true);
  });
});

async function actorOf(userId: string) {
  const { createSession, loadActor } = await import('@/lib/auth/sessions');
  return (await loadActor(await createSession(userId, { maxAgeSeconds: 600, ip: null, userAgent: 'vitest' })))!;
}
