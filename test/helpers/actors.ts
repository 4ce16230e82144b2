// Real actors for integration tests: a user made with the shared factories, a real session, and the
// actor loadActor reads back, exactly as a request would see it.
import { createSession, loadActor } from '@/lib/auth/sessions';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { type UserSpec, createInstitution, createUser } from '@/lib/seed/factories';

// Modules that read the configuration (secret box, mail links) need these; tests never use real ones.
process.env.AUTH_SECRET ??= 'vitest-auth-secret-0123456789-abcdefghij';

export const TEST_PASSWORD = 'correct horse battery staple';

export async function actorFor(userId: string): Promise<Actor> {
  const sid = await createSession(userId, { maxAgeSeconds: 3600, ip: '10.0.0.1', userAgent: 'vitest' });
  const actor = await loadActor(sid);
  if (!actor) throw new Error('session did not load');
  return actor;
}

export async function makeActor(spec: UserSpec = {}): Promise<Actor> {
  const user = await db.$transaction((tx) => createUser(tx, { password: TEST_PASSWORD, ...spec }));
  return actorFor(user.id);
}

export async function makeInstitution(o: Parameters<typeof createInstitution>[1] = {}) {
  return db.$transaction((tx) => createInstitution(tx, o));
}

/** Two institutions, a system administrator, an administrator of the first, and one person of each other role there. */
export async function adminWorld() {
  const a = await makeInstitution({
    departments: [
      { code: 'ENG', nameJa: '工学研究科', nameEn: 'Graduate School of Engineering' },
      { code: 'SCI', nameJa: '理学研究科', nameEn: 'Graduate School of Science' },
    ],
  });
  const b = await makeInstitution();
  const system = await makeActor({ roles: [{ role: 'ADMIN', allInstitutions: true }] });
  const adminA = await makeActor({ roles: [{ role: 'ADMIN', institutionId: a.id }] });
  const researcher = await makeActor({ roles: [{ role: 'RESEARCHER', institutionId: a.id }] });
  const officer = await makeActor({ roles: [{ role: 'OFFICER', institutionId: a.id }] });
  const auditor = await makeActor({ roles: [{ role: 'AUDITOR', allInstitutions: true }] });
  return { a, b, system, adminA, researcher, officer, auditor };
}

export async function auditEvents(action: string) {
  return db.auditEvent.findMany({ where: { action }, orderBy: { id: 'asc' } });
}
