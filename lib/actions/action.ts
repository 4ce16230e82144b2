// The one wrapper every server action goes through (server actions are public POST endpoints): it
// resolves the actor from the session, checks the role, parses the input with the same zod schema the
// form used, and maps every failure to one result shape the UI renders. Handlers still authorize the
// specific record through the data-access layer and throw NotFoundError when it is not the actor's.
import 'server-only';
import type { z } from 'zod';
import { currentSession, requestOrigin } from '@/lib/auth/actor';
import { type Actor, hasRole } from '@/lib/auth/roles';
import { recordAuditNow } from '@/lib/audit/record';
import type { Role } from '@/lib/generated/prisma/enums';
import { ActionError, type FieldErrors, fieldErrorsOf, NotFoundError } from '@/lib/errors';
import { inspectInput } from '@/lib/security/sanitise';

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: FieldErrors; details?: Record<string, unknown> };

export interface ActionContext<I> {
  actor: Actor;
  input: I;
  origin: { ip: string | null; userAgent: string | null };
}

export interface ActionDefinition<S extends z.ZodType, T> {
  name: string;
  input: S;
  roles?: Role[];
  /** Only the second-factor actions themselves (verify, enrol) run for a session that still owes one. */
  allowMfaPending?: boolean;
  handler: (ctx: ActionContext<z.infer<S>>) => Promise<T>;
}

/**
 * Runs an action for a known actor: role check, input parsing, error mapping, denial audit. Separate
 * from the session lookup so integration tests can drive it with real actors and a real database.
 */
export async function runAction<S extends z.ZodType, T>(
  def: ActionDefinition<S, T>,
  actor: Actor,
  raw: unknown,
  origin: ActionContext<unknown>['origin'] = { ip: null, userAgent: null },
): Promise<ActionResult<T>> {
  const denied = async (resource: string) => {
    await recordAuditNow({
      action: 'access.denied',
      outcome: 'DENIED',
      actorId: actor.userId,
      actorEmail: actor.email,
      ...origin,
      details: { action: def.name, resource },
    });
    return { ok: false as const, error: 'errors.notFound' };
  };
  if (actor.mfaPending && !def.allowMfaPending) return { ok: false, error: 'account.errors.mfaPending' };
  if (def.roles && !def.roles.some((r) => hasRole(actor, r))) return denied(`role:${def.roles.join('|')}`);
  // Text PostgreSQL cannot store (NUL, lone surrogates) is refused per field before any schema or handler
  // sees it; bidi controls are dropped. One gate for every action, whatever its schema says.
  const inspected = inspectInput(raw);
  if (!inspected.ok) return { ok: false, error: 'errors.invalidInput', fieldErrors: inspected.fieldErrors };
  const parsed = def.input.safeParse(inspected.value);
  if (!parsed.success) return { ok: false, error: 'errors.invalidInput', fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return { ok: true, data: await def.handler({ actor, input: parsed.data, origin }) };
  } catch (err) {
    if (err instanceof NotFoundError) return denied(err.resource);
    if (err instanceof ActionError) return { ok: false, error: err.key, fieldErrors: err.fieldErrors, details: err.details };
    console.error(`[action ${def.name}]`, err);
    return { ok: false, error: 'errors.unexpected' };
  }
}

/** Wraps a definition as a server action: resolves the actor from this request's session, then runAction. */
export function defineAction<S extends z.ZodType, T>(
  def: ActionDefinition<S, T>,
): ((raw: z.input<S>) => Promise<ActionResult<T>>) & { definition: ActionDefinition<S, T> } {
  const action = async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const actor = await currentSession();
    if (!actor) return { ok: false, error: 'errors.signedOut' };
    return runAction(def, actor, raw, await requestOrigin());
  };
  return Object.assign(action, { definition: def });
}
