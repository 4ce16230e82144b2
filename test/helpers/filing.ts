// A world for the filing integration tests: two institutions with open cycles, researchers, officers and
// an auditor as real sessions, and helpers to fill and submit a disclosure through the filing layer.
import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/auth/roles';
import { createSession, loadActor } from '@/lib/auth/sessions';
import { db } from '@/lib/db/client';
import { sampleContent } from '@/lib/disclosures/sample';
import { sectionKeys, type DisclosureContent, type DraftContent } from '@/lib/disclosures/sections';
import { contentHash } from '@/lib/filing/hash';
import { saveSection } from '@/lib/filing/save-section';
import type { SaveSectionInput } from '@/lib/filing/schemas';
import { startDisclosure } from '@/lib/filing/start';
import { currentDraft, submitDisclosure } from '@/lib/filing/submit';
import { type UserSpec, createCycle, createInstitution, createUser } from '@/lib/seed/factories';

process.env.AUTH_SECRET ??= 'vitest-auth-secret-0123456789-abcdefghij';

export const origin = { ip: '10.0.0.9', userAgent: 'vitest' };

export async function actorWith(spec: UserSpec): Promise<Actor> {
  const user = await db.$transaction((tx) => createUser(tx, spec));
  const sid = await createSession(user.id, { maxAgeSeconds: 3600, ip: '10.0.0.1', userAgent: 'vitest' });
  const actor = await loadActor(sid);
  if (!actor) throw new Error('session did not load');
  return actor;
}

export async function filingWorld() {
  const { a, b, cycleA, cycleB } = await db.$transaction(async (tx) => {
    const a = await createInstitution(tx);
    const b = await createInstitution(tx);
    const cycleA = await createCycle(tx, { institutionId: a.id, fiscalYear: 2026 });
    const cycleB = await createCycle(tx, { institutionId: b.id, fiscalYear: 2026 });
    return { a, b, cycleA, cycleB };
  });
  const researcher = (n = randomUUID().slice(0, 6)) =>
    actorWith({
      nameKanji: '山田 太郎',
      nameKana: 'ヤマダ タロウ',
      nameRomaji: 'Taro Yamada',
      displayName: `山田 太郎 ${n}`,
      roles: [{ role: 'RESEARCHER', institutionId: a.id }],
      profile: { institutionId: a.id, departmentId: a.departments[0]!.id, position: '教授' },
    });
  return {
    a,
    b,
    cycleA,
    cycleB,
    researcher,
    me: await researcher(),
    other: await researcher(),
    researcherB: await actorWith({ roles: [{ role: 'RESEARCHER', institutionId: b.id }] }),
    officer: await actorWith({ roles: [{ role: 'OFFICER', institutionId: a.id }] }),
    officerB: await actorWith({ roles: [{ role: 'OFFICER', institutionId: b.id }] }),
    auditor: await actorWith({ roles: [{ role: 'AUDITOR', allInstitutions: true }] }),
    auditorB: await actorWith({ roles: [{ role: 'AUDITOR', institutionId: b.id }] }),
    admin: await actorWith({ roles: [{ role: 'ADMIN', allInstitutions: true }] }),
  };
}

/** A complete content whose profile names the test researcher (山田 太郎 / Taro Yamada). */
export function completeContent(): DisclosureContent {
  const c = sampleContent();
  return { ...c, profile: { ...c.profile, nameKanji: '山田 太郎', nameRomaji: 'Taro Yamada' } };
}

export async function startFor(actor: Actor, cycleId: string): Promise<string> {
  return (await startDisclosure(actor, { cycleId }, origin)).disclosureId;
}

/** Saves every given section at its current revision. */
export async function saveAll(actor: Actor, disclosureId: string, content: Partial<DraftContent>) {
  const rows = await db.disclosureSection.findMany({ where: { disclosureId }, select: { key: true, revision: true } });
  const revisionOf = new Map(rows.map((r) => [r.key, r.revision]));
  for (const key of sectionKeys) {
    if (!content[key]) continue;
    const input = { disclosureId, section: key, revision: revisionOf.get(key) ?? 0, data: content[key] } as SaveSectionInput;
    await saveSection(actor, input, origin);
  }
}

export async function submitInput(disclosureId: string, o: { key?: string; fullName?: string } = {}) {
  const [draft, d] = await Promise.all([
    db.$transaction((tx) => currentDraft(tx, disclosureId)),
    db.disclosure.findUniqueOrThrow({ where: { id: disclosureId }, select: { stateVersion: true } }),
  ]);
  return {
    disclosureId,
    idempotencyKey: o.key ?? randomUUID(),
    stateVersion: d.stateVersion,
    reviewedHash: contentHash(draft.content),
    locale: 'en' as const,
    certification: { fullName: o.fullName ?? 'Taro Yamada', accepted: true as const },
  };
}

/** Starts, fills completely and submits a disclosure; returns its id. */
export async function submitted(actor: Actor, cycleId: string, content: DisclosureContent = completeContent()) {
  const id = await startFor(actor, cycleId);
  await saveAll(actor, id, content);
  await submitDisclosure(actor, await submitInput(id), { origin });
  return id;
}

/** A snapshot of everything the filing layer writes, to assert that a refused action stored nothing. */
export async function snapshot() {
  const [disclosures, sections, versions, organisations, attachments, blobs] = await Promise.all([
    db.disclosure.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, stateVersion: true, updatedAt: true } }),
    db.disclosureSection.findMany({ orderBy: [{ disclosureId: 'asc' }, { key: 'asc' }] }),
    db.disclosureVersion.count(),
    db.disclosureOrganisation.count(),
    db.attachment.findMany({ orderBy: { id: 'asc' }, select: { id: true, deletedAt: true } }),
    db.attachmentBlob.count(),
  ]);
  return { disclosures, sections, versions, organisations, attachments, blobs };
}

export async function auditOf(action: string, outcome?: 'SUCCESS' | 'DENIED' | 'FAILURE') {
  return db.auditEvent.findMany({ where: { action, ...(outcome ? { outcome } : {}) }, orderBy: { id: 'asc' } });
}
