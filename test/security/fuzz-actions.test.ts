// Property-based fuzzing of every server action (found in the code, see support/actions.ts), driven
// through runAction with real actors on a real database. Each action starts from a valid seed input
// (support/seeds.ts, keyed by the action's name) with one or two fields made hostile and the rest valid,
// so most calls get past the input gate into the action's body. Every answer must be ok or a refusal the
// UI can show — never errors.unexpected, never a throw; a refusal changes nothing but the audit trail and
// the throttle counters; "not found" is audited; and when the answer is ok, nothing the action wrote holds
// a bidi control or a lone surrogate (the one sanitiser, lib/security/sanitise.ts, keeps them out).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitationAction, resetPasswordAction } from '@/lib/account/actions';
import { type ActionResult, runAction, runPublicAction } from '@/lib/actions/action';
import { forgotPassword } from '@/lib/auth/forgot-password';
import { type Actor, hasRole } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { inspectInput } from '@/lib/security/sanitise';
import { type AnyDefinition, type FoundActions, findActions } from './support/actions';
import { FUZZ_SEED, hostileValue } from './support/hostile';
import { applyMutations, isJsonObjectText, mutationsFor, pathsOf } from './support/mutate';
import { createCycle } from '@/lib/seed/factories';
import { makeActor } from '@/test/helpers/actors';
import { submitted } from '@/test/helpers/review-world';
import { type SeedWorld, origin, seedWorld, spareInstitution } from './support/seed-world';
import { SEEDS, outsiderFor } from './support/seeds';
import { changedTables, dirtyRowsSince, fingerprint, xidNow } from './support/stored-text';

/** Hostile runs per action (each on a fresh seed); about 50 actions, so the default makes ~1,000 calls. */
const RUNS_PER_ACTION = Number(process.env.FUZZ_RUNS ?? 16);
/** Public actions (no session): reviewed by hand, fuzzed below. A new one fails the enumeration test. */
const PUBLIC_ACTIONS = [
  'lib/account/actions.ts#acceptInvitationAction',
  'lib/account/actions.ts#resetPasswordAction',
  'lib/account/forgot-password-actions.ts#requestPasswordResetAction',
  'lib/account/locale-actions.ts#setLocale',
];

let found: FoundActions;
let w: SeedWorld;
/** Other records, for fields that name one: an id swapped for another's is a 404, a refusal or a change to
 * that record — so none of them is one the seeds need (institution A, its cycle and people stay intact). */
let ids: string[];
const stats = { actions: 0, calls: 0, reachedBody: 0, ok: 0, refused: 0, notFound: 0, unexpected: 0, thrown: 0 };

const perAction = new Map<string, number>();
const deniedCount = (actor: Actor) => db.auditEvent.count({ where: { action: 'access.denied', actorId: actor.userId } });

/** Whether runAction's gate (second-factor state, role, sanitiser, schema) lets this call into the handler. */
function passesGate(def: AnyDefinition, actor: Actor, raw: unknown): boolean {
  if (actor.mfaPending && !def.allowMfaPending) return false;
  if (def.roles && !def.roles.some((r) => hasRole(actor, r))) return false;
  const inspected = inspectInput(raw);
  return inspected.ok && def.input.safeParse(inspected.value).success;
}

/** One call with every property checked; a failure is described, not thrown. */
async function check(def: AnyDefinition, who: Actor, raw: unknown, described: string): Promise<string | null> {
  const [before, denied, xid] = [await fingerprint(), await deniedCount(who), await xidNow()];
  stats.calls++;
  if (passesGate(def, who, raw)) {
    stats.reachedBody++;
    perAction.set(def.name, (perAction.get(def.name) ?? 0) + 1);
  }
  let res: ActionResult<unknown>;
  try {
    res = await runAction(def, who, raw, origin);
  } catch (err) {
    stats.thrown++;
    return `${def.name} [${described}]: threw ${(err as Error).message.slice(0, 200)}`;
  }
  if (res.ok) {
    stats.ok++;
    const dirty = await dirtyRowsSince(xid);
    return dirty.length ? `${def.name} [${described}]: ok, but stored ${dirty.join(' | ').slice(0, 400)}` : null;
  }
  stats.refused++;
  if (typeof res.error !== 'string' || res.error === 'errors.unexpected') {
    stats.unexpected++;
    return `${def.name} [${described}]: ${res.error} for ${JSON.stringify(raw, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 300)}`;
  }
  if (res.error === 'errors.notFound') {
    stats.notFound++;
    if ((await deniedCount(who)) <= denied) return `${def.name} [${described}]: 404 without an audit event`;
  }
  const after = await fingerprint();
  if (after !== before) return `${def.name} [${described}]: refused (${res.error}) but changed ${changedTables(before, after)}`;
  return null;
}

beforeAll(async () => {
  found = await findActions();
  w = await seedWorld();
  const [dA, dB, victim] = [await submitted(w, { cycle: w.cycleA }), await submitted(w, { cycle: w.cycleB }), await spareInstitution()];
  const [cycle, person] = [
    await db.$transaction((tx) => createCycle(tx, { institutionId: victim.id, fiscalYear: 2026 })),
    await makeActor({ roles: [{ role: 'OFFICER', institutionId: victim.id }] }),
  ];
  ids = [dA.id, dB.id, victim.id, victim.departments[0]!.id, cycle.id, person.userId, randomUUID()];
}, 120_000);

describe('every server action under hostile input', () => {
  it('is found in the code: defineAction everywhere, public ones known', () => {
    expect(found.defined.length).toBeGreaterThan(30);
    expect(found.public.map((p) => `${p.file}#${p.exportName}`).sort()).toEqual(PUBLIC_ACTIONS);
    expect(new Set(found.defined.map((d) => d.def.name)).size).toBe(found.defined.length);
  });

  it('has a valid seed input for every action, and no seed for an action that is gone', () => {
    const names = found.defined.map((d) => d.def.name);
    expect(names.filter((n) => !(n in SEEDS)).sort(), 'actions without a seed in test/security/support/seeds.ts').toEqual([]);
    expect(Object.keys(SEEDS).filter((n) => !names.includes(n)).sort(), 'seeds of actions that no longer exist').toEqual([]);
  });

  it('the stored-text check sees a bidi control or a lone surrogate written past the sanitiser', async () => {
    const inst = await spareInstitution();
    const xid = await xidNow();
    await db.institution.update({ where: { id: inst.id }, data: { nameEn: 'invoice\u202Efdp.exe' } });
    await db.department.updateMany({ where: { institutionId: inst.id }, data: { nameEn: 'a\uD800b' } });
    expect((await dirtyRowsSince(xid)).map((r) => r.split(':')[0])).toEqual(['"Department"', '"Institution"']);
  });

  it('each seed alone succeeds for its actor and stores clean text', async () => {
    const failures: string[] = [];
    for (const { def } of found.defined) {
      const build = SEEDS[def.name];
      if (!build) continue; // reported by the test above
      const seed = await build(w);
      const xid = await xidNow();
      const res = await runAction(def, seed.actor, seed.input, origin);
      if (!res.ok) failures.push(`${def.name}: ${JSON.stringify(res)}`);
      else failures.push(...(await dirtyRowsSince(xid)).map((d) => `${def.name}: stored ${d}`));
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers ok or a refusal with one or two fields hostile, stores nothing when refusing, audits every denial, stores clean text', async () => {
    const failures: string[] = [];
    for (const { def } of found.defined) {
      const build = SEEDS[def.name];
      if (!build) continue;
      stats.actions++;
      const outsider = outsiderFor(w, def.roles);
      const known = failures.length;
      // The seed's free-text fields: those where a harmless suffix still passes the gate.
      const probe = await build(w);
      const textPaths = pathsOf(probe.input)
        .map((_, i) => i)
        .filter((i) => passesGate(def, probe.actor, applyMutations(probe.input, [[i, { op: 'affix', where: 'after', text: ' x' }]]).raw));
      const decodedPaths = pathsOf(probe.input)
        .map((p, i) => [p, i] as const)
        .filter(([p]) => isJsonObjectText(p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], probe.input)))
        .map(([, i]) => i);
      await fc.assert(
        fc.asyncProperty(mutationsFor(textPaths, decodedPaths), fc.integer({ min: 0, max: 9 }), async (ms, dice) => {
          const seed = await build(w);
          const { raw, described } = applyMutations(seed.input, ms, ids);
          // One run in ten by someone who may not touch the record (or lacks the role): the same audited 404.
          const who = dice === 0 && outsider ? outsider : seed.actor;
          const failure = await check(def, who, raw, who === outsider ? `${described}, as an outsider` : described);
          if (failure) failures.push(failure);
          return failure === null;
        }),
        { numRuns: RUNS_PER_ACTION, seed: FUZZ_SEED, endOnFailure: true },
      ).catch((err: Error) => {
        // A property that returned false is already described; anything else (a seed that threw) is not.
        if (failures.length === known) failures.push(`${def.name}: ${err.message.split('\n').slice(0, 4).join(' ')}`);
      });
    }
    console.info(
      `[fuzz-actions] ${stats.actions} actions, ${stats.calls} calls: ${stats.reachedBody} passed validation and reached the body, ` +
        `${stats.ok} ok, ${stats.refused} refused (${stats.notFound} audited 404), ${stats.unexpected} unexpected, ${stats.thrown} thrown`,
    );
    // FUZZ_VERBOSE=1: how many calls of each action reached its body.
    if (process.env.FUZZ_VERBOSE) console.info([...found.defined].map(({ def }) => `${def.name}=${perAction.get(def.name) ?? 0}`).join(' '));
    expect([...new Set(failures)]).toEqual([]);
    // The point of the seeds: most calls test the actions' bodies, not only their gates.
    expect(stats.reachedBody / stats.calls).toBeGreaterThan(0.5);
  }, 600_000);

  it('public actions refuse hostile input without throwing', async () => {
    const setLocale = found.public.find((p) => p.exportName === 'setLocale')!.fn as (raw: unknown) => Promise<ActionResult<unknown>>;
    // The account actions are definePublicAction wrappers: runPublicAction is them without the request.
    await fc.assert(
      fc.asyncProperty(hostileValue, hostileValue, async (raw, token) => {
        stats.calls += 4;
        const results = [
          // A real language would set the cookie, which needs a request: only the refusals are fuzzed here.
          ...(raw === 'ja' || raw === 'en' ? [] : [await setLocale(raw)]),
          await runPublicAction(acceptInvitationAction.publicDefinition, { token, password: raw, confirm: raw }, origin),
          await runPublicAction(resetPasswordAction.publicDefinition, raw, origin),
        ];
        // The forgot-password form: anything that is not one address is refused; one is answered alike.
        const forgot = await forgotPassword(raw, { ...origin, locale: 'en' });
        return (
          results.every((r) => !r.ok && typeof r.error === 'string' && r.error !== 'errors.unexpected') &&
          (forgot.ok || (typeof forgot.error === 'string' && forgot.error !== 'errors.unexpected'))
        );
      }),
      { numRuns: 60, seed: FUZZ_SEED },
    );
  });
});
