// The one wrapper every server action goes through (server actions are public POST endpoints): it
// resolves the actor from the session, checks the role, parses the input with the same zod schema the
// form used, and maps every failure to one result shape the UI renders. Handlers still authorize the
// specific record through the data-access layer and throw NotFoundError when it is not the actor's.
import 'server-only';
import type { z } from 'zod';
import { currentSession, requestOrigin } from '@/lib/auth/actor';
import { isSystemAdmin, recordDenied } from '@/lib/auth/guards';
import { type Actor, hasRole } from '@/lib/auth/roles';
import type { Origin } from '@/lib/audit/record';
import type { Role } from '@/lib/generated/prisma/enums';
import { ActionError, type ActionResult, type FieldErrors, fieldErrorsOf, NotFoundError } from '@/lib/errors';
import { inspectInput } from '@/lib/security/sanitise';

export type { ActionResult };

export interface ActionContext<I> {
  actor: Actor;
  input: I;
  origin: Origin;
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
  origin: Origin = { ip: null, userAgent: null },
): Promise<ActionResult<T>> {
  const denied = async (resource: string) => {
    await recordDenied(actor, origin, { action: def.name, resource });
    return { ok: false as const, error: 'errors.notFound' };
  };
  if (actor.mfaPending && !def.allowMfaPending) return { ok: false, error: 'account.errors.mfaPending' };
  if (def.roles && !def.roles.some((r) => hasRole(actor, r))) return denied(`role:${def.roles.join('|')}`);
  // Text PostgreSQL cannot store (NUL, lone surrogates) is refused per field before any schema or handler
  // sees it; bidi controls are dropped. One gate for every action, whatever its schema says.
  const parsed = parseInput(def.input, raw);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, data: await def.handler({ actor, input: parsed.data, origin }) };
  } catch (err) {
    if (err instanceof NotFoundError) return denied(err.resource);
    return failureOf(def.name, err);
  }
}

function parseInput<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; data: z.infer<S> } | { ok: false; error: string; fieldErrors: FieldErrors } {
  const inspected = inspectInput(raw);
  if (!inspected.ok) return { ok: false, error: 'errors.invalidInput', fieldErrors: inspected.fieldErrors };
  const parsed = schema.safeParse(inspected.value);
  if (!parsed.success) return { ok: false, error: 'errors.invalidInput', fieldErrors: fieldErrorsOf(parsed.error) };
  return { ok: true, data: parsed.data };
}

function failureOf(name: string, err: unknown): { ok: false; error: string; fieldErrors?: FieldErrors; details?: Record<string, unknown> } {
  if (err instanceof ActionError) return { ok: false, error: err.key, fieldErrors: err.fieldErrors, details: err.details };
  console.error(`[action ${name}]`, err);
  return { ok: false, error: 'errors.unexpected' };
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

/**
 * National configuration (watchlists, domestic grants, rules): role ADMIN and, before the handler, the
 * nationwide grant; an institution's administrator gets the same audited 404 as anyone else.
 */
export function defineSystemAdminAction<S extends z.ZodType, T>(def: Omit<ActionDefinition<S, T>, 'roles'>) {
  return defineAction<S, T>({
    ...def,
    roles: ['ADMIN'],
    handler: async (ctx) => {
      if (!isSystemAdmin(ctx.actor)) throw new NotFoundError(`national-config:${def.name}`);
      return def.handler(ctx);
    },
  });
}

/**
 * An action without a session (choosing a password from an emailed link): whatever the request carries
 * (a one-time token) is the authorisation, and the handler checks and audits it. Same input gate and
 * result shape as every other action.
 */
export interface PublicActionDefinition<S extends z.ZodType, T> {
  name: string;
  input: S;
  handler: (ctx: { input: z.infer<S>; origin: Origin }) => Promise<T>;
}

export async function runPublicAction<S extends z.ZodType, T>(def: PublicActionDefinition<S, T>, raw: unknown, origin: Origin): Promise<ActionResult<T>> {
  const parsed = parseInput(def.input, raw);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, data: await def.handler({ input: parsed.data, origin }) };
  } catch (err) {
    return failureOf(def.name, err);
  }
}

/** A public server action; `publicDefinition` (not `definition`) keeps it out of the signed-in action list. */
export function definePublicAction<S extends z.ZodType, T>(
  def: PublicActionDefinition<S, T>,
): ((raw: z.input<S>) => Promise<ActionResult<T>>) & { publicDefinition: PublicActionDefinition<S, T> } {
  const action = async (raw: z.input<S>): Promise<ActionResult<T>> => runPublicAction(def, raw, await requestOrigin());
  return Object.assign(action, { publicDefinition: def });
}
