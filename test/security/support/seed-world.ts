// The records the fuzzer's seed inputs point at: the review world (two institutions, every role) plus
// builders for what one action needs of its own — a draft, a filed disclosure, a carried item, a
// suggested grant, a watchlist match, a rule draft, an enrolled second factor. Each builder makes a fresh
// record, so an action that uses its record up (submit, decide, delete) can run again and again.
import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import type { Actor } from '@/lib/auth/roles';
import { confirmEnrolment, pendingEnrolment } from '@/lib/auth/mfa';
import { db } from '@/lib/db/client';
import { uploadAttachment } from '@/lib/filing/attachments';
import { startDisclosure } from '@/lib/filing/start';
import { submitDisclosure } from '@/lib/filing/submit';
import { createCycle, createInstitution } from '@/lib/seed/factories';
import { tinyPdf } from '@/lib/seed/tiny-pdf';
import { organisationKeyOf } from '@/lib/watchlists/record-matches';
import { actorFor, makeActor, makeInstitution } from '@/test/helpers/actors';
import { actorWith, completeContent, saveAll, submitInput } from '@/test/helpers/filing';
import { reviewWorld, submitted } from '@/test/helpers/review-world';

export const origin = { ip: '192.0.2.77', userAgent: 'vitest-fuzz' };

let n = 0;
/** A short unique suffix for codes, slugs and addresses. */
export const uniq = () => `${++n}${randomUUID().slice(0, 6)}`;

export async function seedWorld() {
  const w = await reviewWorld();
  const [adminB, auditorB] = await Promise.all([
    makeActor({ roles: [{ role: 'ADMIN', institutionId: w.b.id }] }),
    makeActor({ roles: [{ role: 'AUDITOR', institutionId: w.b.id }] }),
  ]);
  return { ...w, adminB, auditorB, carried: memo(() => carriedDraft()) };
}
export type SeedWorld = Awaited<ReturnType<typeof seedWorld>>;

function memo<T>(make: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= make());
}

/** A researcher of institution A with a full profile (the certification names 'Taro Yamada'). */
export function researcherOf(institutionId: string, departmentId?: string, eradNumber?: string): Promise<Actor> {
  return actorWith({
    nameKanji: '山田 太郎',
    nameKana: 'ヤマダ タロウ',
    nameRomaji: 'Taro Yamada',
    displayName: `山田 太郎 ${uniq()}`,
    roles: [{ role: 'RESEARCHER', institutionId }],
    profile: { institutionId, departmentId, position: '教授', eradNumber },
  });
}

/** A new researcher's draft in institution A's open cycle. */
export async function draft(w: SeedWorld, eradNumber?: string) {
  const actor = await researcherOf(w.a.id, w.a.departments[0]!.id, eradNumber);
  const { disclosureId } = await startDisclosure(actor, { cycleId: w.cycleA.id }, origin);
  return { actor, disclosureId };
}

/** A draft filled with complete content, ready to submit. */
export async function filledDraft(w: SeedWorld) {
  const d = await draft(w);
  await saveAll(d.actor, d.disclosureId, completeContent());
  return d;
}

/** A disclosure its researcher has submitted through the filing layer. */
export async function filed(w: SeedWorld) {
  const d = await filledDraft(w);
  await submitDisclosure(d.actor, await submitInput(d.disclosureId), { origin });
  return { ...d, stateVersion: await stateVersionOf(d.disclosureId) };
}

export async function stateVersionOf(disclosureId: string): Promise<number> {
  return (await db.disclosure.findUniqueOrThrow({ where: { id: disclosureId }, select: { stateVersion: true } })).stateVersion;
}

export async function sectionRevision(disclosureId: string, key: string): Promise<number> {
  const row = await db.disclosureSection.findUnique({ where: { disclosureId_key: { disclosureId, key } }, select: { revision: true } });
  return row?.revision ?? 0;
}

/** A draft with an uploaded file. */
export async function draftWithAttachment(w: SeedWorld) {
  const d = await draft(w);
  const file = await uploadAttachment(d.actor, { disclosureId: d.disclosureId, fileName: 'contract.pdf', bytes: tinyPdf('fuzz'), kind: 'CONTRACT' }, origin);
  return { ...d, attachmentId: file.id };
}

/**
 * Last year's filing carried into this year's draft (an institution of its own, FY2025 filed and closed,
 * FY2026 open): the appointment can be ended, the programme confirmed. Confirming again and ending again
 * on the same date are answered ok, so one draft serves every run.
 */
async function carriedDraft() {
  const inst = await db.$transaction((tx) => createInstitution(tx));
  const fy2025 = await db.$transaction((tx) => createCycle(tx, { institutionId: inst.id, fiscalYear: 2025 }));
  const actor = await researcherOf(inst.id, inst.departments[0]!.id);
  const content = completeContent();
  const { disclosureId: lastId } = await startDisclosure(actor, { cycleId: fy2025.id }, origin);
  await saveAll(actor, lastId, content);
  await submitDisclosure(actor, await submitInput(lastId), { origin });
  await db.disclosureCycle.update({ where: { id: fy2025.id }, data: { status: 'CLOSED' } });
  const fy2026 = await db.$transaction((tx) => createCycle(tx, { institutionId: inst.id, fiscalYear: 2026 }));
  const { disclosureId } = await startDisclosure(actor, { cycleId: fy2026.id }, origin);
  return { actor, disclosureId, appointmentId: content.appointments.items[0]!.id, programmeId: content.programmes.items[0]!.id };
}

/** A draft whose researcher has a KAKENHI grant running this year on record: one suggestion to answer. */
export async function draftWithGrant(w: SeedWorld) {
  const erad = String(20_000_000 + Math.floor(Math.random() * 79_999_999)).slice(0, 8);
  const projectNumber = `25K-${uniq()}`;
  await db.domesticGrant.createMany({
    data: [2025, 2026].map((fiscalYear) => ({ eradNumber: erad, projectNumber, fiscalYear, role: 'PRINCIPAL_INVESTIGATOR' as const, amountJpy: 1_200_000n, title: '複合材料の接合' })),
  });
  return { ...(await draft(w, erad)), funder: 'KAKENHI', projectNumber };
}

/** A submitted disclosure in institution A naming an organisation on a watchlist, and its pending match. */
export async function disclosureWithMatch(w: SeedWorld) {
  const code = `fuzz-list-${uniq()}`;
  const list = await db.watchlist.create({ data: { code, nameJa: 'リスト', nameEn: 'List', source: 'METI', isSample: true } });
  const name = `Fuzz Institute of Technology ${code}`;
  const entry = await db.watchlistEntry.create({ data: { watchlistId: list.id, reference: 'E-1', name, searchText: name.toLowerCase() } });
  const match = await db.entityMatch.create({
    data: { organisationKey: organisationKeyOf({ name }), organisationName: name, watchlistEntryId: entry.id, score: 0.97, matchedNames: [name.toUpperCase()] },
  });
  const d = await submitted(w, { cycle: w.cycleA, organisations: [name], pendingMatches: 1 });
  return { disclosureId: d.id, matchId: match.id };
}

/** A person without roles (no second factor required), enrolled or not. */
export async function secondFactorUser(o: { enrolled: boolean }) {
  const actor = await makeActor({ roles: [] });
  const pending = await pendingEnrolment(actor);
  if (!pending) throw new Error('already enrolled');
  const code = await generate({ secret: pending.secret, epoch: Math.floor(Date.now() / 1000) - 30 });
  if (!o.enrolled) return { actor, code: await generate({ secret: pending.secret }) };
  const recoveryCodes = await confirmEnrolment(actor, code, origin);
  // A new session of an enrolled person owes the second factor (mfaPending 'verify').
  return { actor, owing: await actorFor(actor.userId), recoveryCodes };
}

/** An institution of its own, for renaming or retiring without touching the worlds the others use. */
export const spareInstitution = () => makeInstitution();
