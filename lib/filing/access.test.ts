// Every filing action, as every kind of actor who is not the disclosure's researcher: the same 404 as a
// missing record, an access.denied audit event, nothing stored. And every action refuses malformed input
// with field errors. The list of actions is the access matrix's (e2e/access-matrix.ts).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as actions from '@/lib/filing/actions';
import { ACTIONS } from '@/e2e/access-matrix';
import type { z } from 'zod';
import { type ActionDefinition, runAction } from '@/lib/actions/action';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { tinyPdf } from '@/lib/seed/tiny-pdf';
import { listAttachments, uploadAttachment } from './attachments';
import { versionHistory } from './versions';
import { filingView } from './view';
import { auditOf, completeContent, filingWorld, origin, snapshot, startFor, submitInput, submitted } from '@/test/helpers/filing';

const world = await filingWorld();
// One list of every action, typed loosely: each is run with inputs chosen per name.
const defs = Object.values(actions).map((a) => a.definition as ActionDefinition<z.ZodType, unknown>);

describe('filing actions: access', () => {
  it('the access matrix lists every action, each for researchers only', () => {
    expect(defs.map((d) => d.name).sort()).toEqual(ACTIONS.map((a) => a.name).sort());
    for (const def of defs) expect(def.roles, def.name).toEqual(['RESEARCHER']);
  });

  it('answers 404 to every other actor for every action on someone else’s disclosure, and audits it', async () => {
    const owner = await world.researcher();
    const id = await submitted(owner, world.cycleA.id);
    const sv = (await db.disclosure.findUniqueOrThrow({ where: { id } })).stateVersion;
    await actions.startUpdateAction.definition.handler({ actor: owner, input: { disclosureId: id, stateVersion: sv }, origin });
    const attachment = await uploadAttachment(owner, { disclosureId: id, fileName: 'c.pdf', bytes: tinyPdf('c'), kind: 'CONTRACT' }, origin);
    const submit = { ...(await submitInput(id)), certification: { fullName: 'Taro Yamada', accepted: true } };

    const inputs: Record<string, unknown> = {
      'filing.startDisclosure': { cycleId: world.cycleA.id },
      'filing.saveSection': { disclosureId: id, section: 'gifts', revision: 1, data: { nothingToDisclose: true } },
      'filing.submit': submit,
      'filing.startUpdate': { disclosureId: id, stateVersion: sv },
      'filing.discardUpdate': { disclosureId: id, stateVersion: sv },
      'filing.deleteAttachment': { attachmentId: attachment.id },
    };
    const intruders: [string, Actor][] = [
      ['another researcher of the institution', world.other],
      ['a researcher of another institution', world.researcherB],
      ['the officer of the institution', world.officer],
      ['an officer of another institution', world.officerB],
      ['a nationwide auditor', world.auditor],
      ['the administrator', world.admin],
    ];
    const before = await snapshot();
    const deniedBefore = (await auditOf('access.denied')).length;
    let expectedDenials = 0;
    for (const def of defs) {
      for (const [who, actor] of intruders) {
        // Another researcher starting a disclosure of their own in their own cycle is not an intrusion.
        if (def.name === 'filing.startDisclosure' && actor === world.other) continue;
        const res = await runAction(def, actor, inputs[def.name], origin);
        expect(res, `${def.name} as ${who}`).toEqual({ ok: false, error: 'errors.notFound' });
        expectedDenials++;
      }
    }
    expect(await snapshot()).toEqual(before);
    expect((await auditOf('access.denied')).length - deniedBefore).toBe(expectedDenials);
  });

  it('reads of someone else’s disclosure (pages, versions, attachment list) find nothing', async () => {
    const owner = await world.researcher();
    const id = await submitted(owner, world.cycleA.id);
    expect((await filingView(owner, id)).id).toBe(id);
    for (const intruder of [world.other, world.researcherB, world.officer, world.auditor, world.admin]) {
      await expect(filingView(intruder, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(versionHistory(intruder, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listAttachments(intruder, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    // A disclosure of a cycle taken back into draft is invisible to its own researcher too.
    const cycle = await db.disclosure.findUniqueOrThrow({ where: { id }, select: { cycleId: true } });
    await db.disclosureCycle.update({ where: { id: cycle.cycleId }, data: { status: 'DRAFT' } });
    await expect(filingView(owner, id)).rejects.toBeInstanceOf(NotFoundError);
    await db.disclosureCycle.update({ where: { id: cycle.cycleId }, data: { status: 'OPEN' } });
  });

  it('refuses malformed and oversized input to every action with field errors, storing nothing', async () => {
    const me = await world.researcher();
    const id = await startFor(me, world.cycleA.id);
    const long = 'x'.repeat(100_000);
    const bad: Record<string, unknown[]> = {
      'filing.startDisclosure': [undefined, {}, { cycleId: 42 }, { cycleId: long }],
      'filing.saveSection': [{}, { disclosureId: id, section: 'profile', revision: 1, data: { nameKana: long } }],
      'filing.submit': [{}, { ...(await submitInput(id)), idempotencyKey: long }],
      'filing.startUpdate': [{}, { disclosureId: id, stateVersion: -1 }, { disclosureId: long, stateVersion: 0 }],
      'filing.discardUpdate': [[], { disclosureId: id, stateVersion: 'zero' }],
      'filing.deleteAttachment': ['x', { attachmentId: long }, { attachmentId: null }],
    };
    const before = await snapshot();
    for (const def of defs) {
      expect(bad[def.name], def.name).toBeDefined();
      for (const input of bad[def.name]!) {
        const res = await runAction(def, me, input, origin);
        expect(res.ok, `${def.name} ${JSON.stringify(input)?.slice(0, 60)}`).toBe(false);
        if (res.ok) continue;
        expect(res.error).toBe('errors.invalidInput');
        expect(Object.keys(res.fieldErrors ?? {}).length).toBeGreaterThan(0);
        for (const messages of Object.values(res.fieldErrors ?? {})) {
          for (const m of messages) expect(m).toMatch(/^validation\.[a-zA-Z]+$/);
        }
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the researcher’s own actions work end to end (start → save → submit → update → discard)', async () => {
    const me = await world.researcher();
    const start = await runAction(actions.startDisclosureAction.definition, me, { cycleId: world.cycleA.id }, origin);
    expect(start).toMatchObject({ ok: true, data: { created: true } });
    const id = start.ok ? start.data.disclosureId : randomUUID();
    const content = completeContent();
    for (const [section, data] of Object.entries(content)) {
      const revision = section === 'profile' ? 1 : 0;
      expect(await runAction(actions.saveSectionAction.definition, me, { disclosureId: id, section, revision, data }, origin)).toMatchObject({ ok: true });
    }
    expect(await runAction(actions.submitDisclosureAction.definition, me, await submitInput(id), origin)).toMatchObject({ ok: true });
    const sv = (await db.disclosure.findUniqueOrThrow({ where: { id } })).stateVersion;
    expect(await runAction(actions.startUpdateAction.definition, me, { disclosureId: id, stateVersion: sv }, origin)).toMatchObject({ ok: true });
    expect(await runAction(actions.discardUpdateAction.definition, me, { disclosureId: id, stateVersion: sv }, origin)).toMatchObject({ ok: true });
  });
});
