// Issue 12, item 7: the demo outbox showed an institution administrator every message, including the
// password-reset link of a person who also holds a role at another institution — enough to take that
// account over. A viewer now sees only mail to themselves; an institution administrator, mail to the
// people whose every role is within their institution; a system administrator, everything.
import { describe, expect, it } from 'vitest';
import { queueAccountLink } from '@/lib/admin/account-mail';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { outboxFor } from '@/lib/mail/outbox-view';
import { createUser } from '@/lib/seed/factories';
import { actorFor, adminWorld, makeInstitution } from '@/test/helpers/actors';

process.env.APP_URL ??= 'http://localhost:3000';

describe('the demo outbox shows each viewer only what they may see', () => {
  it('closes the takeover: A’s administrator never sees a reset link of someone with a role elsewhere', async () => {
    const w = await adminWorld();
    const c = await makeInstitution();
    const people = await db.$transaction(async (tx) => ({
      // A researcher at A who is also an officer at B.
      both: await createUser(tx, { roles: [{ role: 'RESEARCHER', institutionId: w.a.id }, { role: 'OFFICER', institutionId: w.b.id }] }),
      // A researcher at A only.
      onlyA: await createUser(tx, { roles: [{ role: 'RESEARCHER', institutionId: w.a.id }] }),
      // Someone at C only.
      onlyC: await createUser(tx, { roles: [{ role: 'OFFICER', institutionId: c.id }] }),
    }));
    const system = await db.user.findUniqueOrThrow({ where: { id: w.system.userId } });
    await db.$transaction(async (tx) => {
      for (const u of [people.both, people.onlyA, people.onlyC, system]) {
        await queueAccountLink(tx, { user: { id: u.id, email: u.email, displayName: u.displayName, locale: 'en' }, purpose: 'PASSWORD_RESET', createdById: w.system.userId });
      }
    });
    const to = async (actor: Actor) => new Set((await outboxFor(actor, { take: 1000 })).map((m) => m.toAddress));
    const adminA = await to(w.adminA);
    expect(adminA.has(people.onlyA.email)).toBe(true);
    expect(adminA.has(people.both.email)).toBe(false);
    expect(adminA.has(people.onlyC.email)).toBe(false);
    expect(adminA.has(system.email)).toBe(false);
    // No reset link of anyone outside A's reach in anything A's administrator can read.
    const bodies = (await outboxFor(w.adminA, { take: 1000 })).map((m) => m.bodyText).join('\n');
    const links = await db.emailMessage.findMany({ where: { toAddress: { in: [people.both.email, system.email, people.onlyC.email] } }, select: { bodyText: true } });
    for (const l of links) expect(bodies).not.toContain(l.bodyText.match(/https?:\/\/\S+/)?.[0] ?? '<no link>');
    // The person themselves, and the system administrator, see theirs.
    expect(await to(await actorFor(people.both.id))).toEqual(new Set([people.both.email]));
    const all = await to(w.system);
    for (const u of [people.both, people.onlyA, people.onlyC, system]) expect(all.has(u.email)).toBe(true);
    // Ordinary roles see only their own mail.
    expect(await to(w.officer)).toEqual(new Set());
  });
});
