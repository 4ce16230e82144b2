// Property-based fuzzing of every server action (found in the code, see support/actions.ts) with hostile
// input, driven through runAction with real actors on a real database. Every answer must be ok or a
// refusal the UI can show — never errors.unexpected, never a throw — a refusal must change nothing but
// the audit trail, and "not found" must be audited.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitationAction, resetPasswordAction } from '@/lib/account/actions';
import { type ActionResult, runAction, runPublicAction } from '@/lib/actions/action';
import { forgotPassword } from '@/lib/auth/forgot-password';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { type ReviewWorld, reviewWorld, submitted } from '@/test/helpers/review-world';
import { type AnyDefinition, type FoundActions, findActions, schemaKeys } from './support/actions';
import { FUZZ_SEED, hostileValue } from './support/hostile';

const RUNS_PER_ACTION = Number(process.env.FUZZ_RUNS ?? 12);
/** Public actions (no session): reviewed by hand, fuzzed below. A new one fails the enumeration test. */
const PUBLIC_ACTIONS = [
  'lib/account/actions.ts#acceptInvitationAction',
  'lib/account/actions.ts#resetPasswordAction',
  'lib/account/forgot-password-actions.ts#requestPasswordResetAction',
  'lib/account/locale-actions.ts#setLocale',
];
const origin = { ip: '192.0.2.77', userAgent: 'vitest-fuzz' };

let found: FoundActions;
let w: ReviewWorld;
let ids: string[];
const stats = { actions: 0, calls: 0, ok: 0, refused: 0, notFound: 0, unexpected: 0, thrown: 0 };

/** Row count and newest row version of every table a refusal must leave alone (the audit tables and the
 * throttle counters are what a refusal is allowed to write). */
async function fingerprint(): Promise<string> {
  const tables = await db.$queryRaw<{ t: string }[]>`
    SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'
      AND tablename NOT LIKE 'Audit%' AND tablename NOT IN ('_prisma_migrations', 'RateLimit', 'Session') ORDER BY 1`;
  const sql = tables.map(({ t }) => `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS f FROM "${t}"`).join(' UNION ALL ');
  const rows = await db.$queryRawUnsafe<{ t: string; f: string }[]>(sql);
  return rows.map((r) => `${r.t}=${r.f}`).join(',');
}

const deniedCount = (actor: Actor) => db.auditEvent.count({ where: { action: 'access.denied', actorId: actor.userId } });

function actorFor(def: AnyDefinition): Actor {
  const role = def.roles?.[0];
  if (role === 'OFFICER') return w.officerA;
  if (role === 'AUDITOR') return w.auditor;
  if (role === 'ADMIN') return w.admin;
  return w.researcherA;
}

/** Hostile input in the action's own shape (its keys, hostile or plausible values), or no shape at all. */
function inputFor(def: AnyDefinition): fc.Arbitrary<unknown> {
  const keys = schemaKeys(def.input);
  const plausible = fc.constantFrom<unknown>(...ids, 'INTERNAL', 'RESEARCHER', 'gifts', 'profile', 'ja', 'en', 0, 1, true, 'Taro', 'x@kaiji.test', '2026-04-01', '2026-04-01T09:00', 'csv');
  const value = fc.oneof({ weight: 3, arbitrary: hostileValue }, { weight: 2, arbitrary: plausible });
  const shaped = keys.length ? fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] }) : hostileValue;
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue });
}

beforeAll(async () => {
  found = await findActions();
  w = await reviewWorld();
  const d = await submitted(w, { cycle: w.cycleA });
  const dB = await submitted(w, { cycle: w.cycleB });
  ids = [d.id, dB.id, w.a.id, w.b.id, w.cycleA.id, w.cycleB.id, w.researcherA.userId, w.officerB.userId, w.admin.userId];
}, 120_000);

describe('every server action under hostile input', () => {
  it('is found in the code: defineAction everywhere, public ones known', () => {
    expect(found.defined.length).toBeGreaterThan(30);
    expect(found.public.map((p) => `${p.file}#${p.exportName}`).sort()).toEqual(PUBLIC_ACTIONS);
    expect(new Set(found.defined.map((d) => d.def.name)).size).toBe(found.defined.length);
  });

  it('answers ok or a refusal, stores nothing when refusing, audits every denial', async () => {
    const failures: string[] = [];
    for (const { def, exportName } of found.defined) {
      stats.actions++;
      const actor = actorFor(def);
      await fc.assert(
        fc.asyncProperty(inputFor(def), fc.boolean(), async (raw, asOutsider) => {
          // Now and then someone without the role: the same audited 404 whatever the input.
          const who = asOutsider && def.roles?.length ? (def.roles.includes('RESEARCHER') ? w.officerB : w.researcherB) : actor;
          const [before, denied] = [await fingerprint(), await deniedCount(who)];
          stats.calls++;
          let res: ActionResult<unknown>;
          try {
            res = await runAction(def, who, raw, origin);
          } catch (err) {
            stats.thrown++;
            failures.push(`${def.name}: threw ${(err as Error).message.slice(0, 200)}`);
            return false;
          }
          if (res.ok) {
            stats.ok++;
            return true;
          }
          stats.refused++;
          if (typeof res.error !== 'string' || res.error === 'errors.unexpected') {
            stats.unexpected++;
            failures.push(`${def.name}: ${res.error} for ${JSON.stringify(raw)?.slice(0, 200)}`);
            return false;
          }
          if (res.error === 'errors.notFound') {
            stats.notFound++;
            if ((await deniedCount(who)) <= denied) {
              failures.push(`${def.name}: 404 without an audit event`);
              return false;
            }
          }
          const after = await fingerprint();
          if (after !== before) {
            failures.push(`${def.name}: refused (${res.error}) but changed ${diff(before, after)}`);
            return false;
          }
          return true;
        }),
        { numRuns: RUNS_PER_ACTION, seed: FUZZ_SEED, endOnFailure: true },
      ).catch((err: Error) => failures.push(`${exportName}: ${err.message.split('\n').slice(0, 3).join(' ')}`));
    }
    console.info(`[fuzz-actions] ${stats.actions} actions, ${stats.calls} calls: ${stats.ok} ok, ${stats.refused} refused (${stats.notFound} audited 404), ${stats.unexpected} unexpected, ${stats.thrown} thrown`);
    expect([...new Set(failures)]).toEqual([]);
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

function diff(a: string, b: string): string {
  const left = new Map(a.split(',').map((x) => x.split('=') as [string, string]));
  return b
    .split(',')
    .map((x) => x.split('=') as [string, string])
    .filter(([t, f]) => left.get(t) !== f)
    .map(([t]) => t)
    .join(' ');
}
