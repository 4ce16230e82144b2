// Rulesets and their versions, for system administrators. A version is immutable once it has been
// ACTIVE: a change is a new DRAFT copied from the active version, edited, dry-run, then activated with
// an effective date (audited), which retires the previous version at that date and re-evaluates the
// submitted disclosures in the background. Callers authorise (defineSystemAdminAction); every change is audited
// in its own transaction.
import 'server-only';
import { ActionError, NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import type { AuditAction } from '@/lib/audit/actions';
import { auditBy } from '@/lib/audit/by';
import type { Origin } from '@/lib/audit/record';
import { db, type Tx } from '@/lib/db/client';
import { fromJapanLocal } from '@/lib/time/japan';
import type { Prisma } from '@/lib/generated/prisma/client';
import { RULE_SELECT } from './in-force';
import { enqueueReevaluation } from './reevaluate';
import { parseParams, type RuleInput, type RulesetInput } from './schemas';
import { hasProblems, problemsOfRule } from './validate';
import { VIEW_VERSION } from './view-schema';

const audit = (tx: Tx, actor: Actor, origin: Origin, action: AuditAction, entityId: string, details: Record<string, unknown>) =>
  auditBy(tx, actor, origin, { action, entityType: 'RulesetVersion', entityId, details });

export async function listRulesets() {
  return db.ruleset.findMany({
    orderBy: { code: 'asc' },
    select: {
      id: true,
      code: true,
      nameJa: true,
      nameEn: true,
      versions: {
        orderBy: { version: 'desc' },
        select: {
          id: true,
          version: true,
          status: true,
          effectiveFrom: true,
          effectiveTo: true,
          activatedAt: true,
          note: true,
          createdAt: true,
          _count: { select: { rules: true } },
        },
      },
    },
  });
}

export async function versionByNumber(code: string, version: number) {
  return db.rulesetVersion.findFirst({
    where: { version, ruleset: { code } },
    select: {
      id: true,
      version: true,
      status: true,
      effectiveFrom: true,
      effectiveTo: true,
      activatedAt: true,
      note: true,
      viewVersion: true,
      ruleset: { select: { id: true, code: true, nameJa: true, nameEn: true } },
      rules: { select: RULE_SELECT, orderBy: { code: 'asc' } },
    },
  });
}

async function draftOrThrow(tx: Tx, versionId: string) {
  const v = await tx.rulesetVersion.findUnique({ where: { id: versionId }, select: { id: true, status: true, rulesetId: true, version: true } });
  if (!v) throw new NotFoundError(`RulesetVersion:${versionId}`);
  if (v.status !== 'DRAFT') throw new ActionError('rules.errors.notDraft');
  return v;
}

export async function createRuleset(actor: Actor, input: RulesetInput, origin: Origin) {
  return db.$transaction(async (tx) => {
    if (await tx.ruleset.findUnique({ where: { code: input.code.trim() }, select: { id: true } })) {
      throw new ActionError('errors.invalidInput', { code: ['rules.errors.codeTaken'] });
    }
    const ruleset = await tx.ruleset.create({ data: { code: input.code.trim(), nameJa: input.nameJa.trim(), nameEn: input.nameEn.trim() } });
    const version = await tx.rulesetVersion.create({
      data: { rulesetId: ruleset.id, version: 1, viewVersion: VIEW_VERSION, createdById: actor.userId },
      select: { id: true, version: true },
    });
    await audit(tx, actor, origin, 'rules.ruleset.created', version.id, { ruleset: ruleset.code });
    return { code: ruleset.code, version: version.version };
  });
}

/** A new DRAFT with the rules of the active version (or of the latest one); the existing draft if there is one. */
export async function createDraft(actor: Actor, input: { rulesetId: string; note?: string }, origin: Origin) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Ruleset" WHERE id = ${input.rulesetId}::uuid FOR UPDATE`;
    const ruleset = await tx.ruleset.findUnique({
      where: { id: input.rulesetId },
      select: { code: true, versions: { orderBy: { version: 'desc' }, select: { id: true, version: true, status: true } } },
    });
    if (!ruleset) throw new NotFoundError(`Ruleset:${input.rulesetId}`);
    const existing = ruleset.versions.find((v) => v.status === 'DRAFT');
    if (existing) return { code: ruleset.code, version: existing.version, created: false };
    const from = ruleset.versions.find((v) => v.status === 'ACTIVE') ?? ruleset.versions[0];
    const number = (ruleset.versions[0]?.version ?? 0) + 1;
    const version = await tx.rulesetVersion.create({
      data: { rulesetId: input.rulesetId, version: number, viewVersion: VIEW_VERSION, createdById: actor.userId, note: input.note?.trim() || null },
      select: { id: true },
    });
    if (from) {
      const rules = await tx.rule.findMany({ where: { rulesetVersionId: from.id }, select: { ...RULE_SELECT, id: false } });
      if (rules.length) {
        await tx.rule.createMany({
          data: rules.map((r) => ({ ...r, rulesetVersionId: version.id, params: r.params as Prisma.InputJsonValue })),
        });
      }
    }
    await audit(tx, actor, origin, 'rules.version.created', version.id, { ruleset: ruleset.code, version: number, copiedFrom: from?.version ?? null });
    return { code: ruleset.code, version: number, created: true };
  });
}

/** Field errors (and the CEL position) for a rule that does not check, or null. */
async function ruleErrors(tx: Tx, input: RuleInput, params: Record<string, unknown>) {
  const problems = problemsOfRule({ forEach: input.forEach || null, expression: input.expression, messageJa: input.messageJa, messageEn: input.messageEn, params });
  const fieldErrors: Record<string, string[]> = {};
  const details: Record<string, unknown> = {};
  if (problems.expression) {
    fieldErrors.expression = ['rules.errors.expression'];
    details.expression = problems.expression;
  } else if (problems.listCodes.length) {
    const known = await tx.watchlist.findMany({ where: { code: { in: problems.listCodes } }, select: { code: true } });
    const unknown = problems.listCodes.filter((c) => !known.some((k) => k.code === c));
    if (unknown.length) {
      fieldErrors.expression = ['rules.errors.unknownList'];
      details.unknownLists = unknown;
    }
  }
  for (const key of ['messageJa', 'messageEn'] as const) {
    if (problems[key]) {
      fieldErrors[key] = [`rules.errors.placeholder.${problems[key].reason}`];
      details[key] = problems[key];
    }
  }
  return hasProblems(problems) || fieldErrors.expression ? { fieldErrors, details } : null;
}

export async function saveRule(actor: Actor, input: RuleInput, origin: Origin) {
  return db.$transaction(async (tx) => {
    const version = await draftOrThrow(tx, input.versionId);
    const params = parseParams(input.params) ?? {};
    const errors = await ruleErrors(tx, input, params);
    if (errors) throw new ActionError('errors.invalidInput', errors.fieldErrors, errors.details);
    const code = input.code.trim();
    const clash = await tx.rule.findFirst({
      where: { rulesetVersionId: version.id, code, ...(input.ruleId ? { id: { not: input.ruleId } } : {}) },
      select: { id: true },
    });
    if (clash) throw new ActionError('errors.invalidInput', { code: ['rules.errors.codeTaken'] });
    const data = {
      code,
      titleJa: input.titleJa.trim(),
      titleEn: input.titleEn.trim(),
      forEach: input.forEach || null,
      expression: input.expression,
      severity: input.severity,
      messageJa: input.messageJa.trim(),
      messageEn: input.messageEn.trim(),
      citationJa: input.citationJa.trim(),
      citationEn: input.citationEn.trim(),
      params: params as Prisma.InputJsonObject,
    };
    let ruleId = input.ruleId;
    if (ruleId) {
      const updated = await tx.rule.updateMany({ where: { id: ruleId, rulesetVersionId: version.id }, data });
      if (!updated.count) throw new NotFoundError(`Rule:${ruleId}`);
    } else {
      ruleId = (await tx.rule.create({ data: { ...data, rulesetVersionId: version.id }, select: { id: true } })).id;
    }
    await audit(tx, actor, origin, 'rules.rule.saved', version.id, { ruleId, code, expression: input.expression, severity: input.severity, params });
    return { ruleId };
  });
}

export async function deleteRule(actor: Actor, input: { ruleId: string }, origin: Origin) {
  return db.$transaction(async (tx) => {
    const rule = await tx.rule.findUnique({ where: { id: input.ruleId }, select: { id: true, code: true, rulesetVersionId: true } });
    if (!rule) throw new NotFoundError(`Rule:${input.ruleId}`);
    await draftOrThrow(tx, rule.rulesetVersionId);
    await tx.rule.delete({ where: { id: rule.id } });
    await audit(tx, actor, origin, 'rules.rule.deleted', rule.rulesetVersionId, { ruleId: rule.id, code: rule.code });
    return { deleted: true };
  });
}

export async function discardDraft(actor: Actor, input: { versionId: string }, origin: Origin) {
  return db.$transaction(async (tx) => {
    const version = await draftOrThrow(tx, input.versionId);
    await tx.rule.deleteMany({ where: { rulesetVersionId: version.id } });
    await tx.rulesetVersion.delete({ where: { id: version.id } });
    await audit(tx, actor, origin, 'rules.version.discarded', version.id, { version: version.version });
    return { discarded: true };
  });
}

export async function activateVersion(actor: Actor, input: { versionId: string; effectiveFrom?: string }, origin: Origin, now = new Date()) {
  return db.$transaction(
    async (tx) => {
      const draft = await draftOrThrow(tx, input.versionId);
      await tx.$queryRaw`SELECT id FROM "Ruleset" WHERE id = ${draft.rulesetId}::uuid FOR UPDATE`;
      const effectiveFrom = input.effectiveFrom ? fromJapanLocal(input.effectiveFrom) : now;
      if (Number.isNaN(effectiveFrom.getTime()) || effectiveFrom.getTime() < now.getTime() - 60_000) {
        throw new ActionError('errors.invalidInput', { effectiveFrom: ['rules.errors.effectiveInPast'] });
      }
      const rules = await tx.rule.findMany({ where: { rulesetVersionId: draft.id }, select: RULE_SELECT });
      const broken = rules.filter((r) => {
        const p = problemsOfRule({ ...r, params: (r.params ?? {}) as Record<string, unknown> });
        return hasProblems(p);
      });
      if (broken.length) throw new ActionError('rules.errors.brokenRules', undefined, { codes: broken.map((r) => r.code) });
      const previous = await tx.rulesetVersion.findMany({ where: { rulesetId: draft.rulesetId, status: 'ACTIVE' }, select: { id: true, version: true } });
      if (previous.length) {
        await tx.rulesetVersion.updateMany({
          where: { id: { in: previous.map((p) => p.id) } },
          data: { status: 'RETIRED', effectiveTo: effectiveFrom },
        });
      }
      await tx.rulesetVersion.update({ where: { id: draft.id }, data: { status: 'ACTIVE', effectiveFrom, activatedAt: now } });
      const taskId = await enqueueReevaluation(tx, {
        reason: 'rules.activated',
        requestedById: actor.userId,
        startAfter: effectiveFrom > now ? effectiveFrom : undefined,
      });
      await audit(tx, actor, origin, 'rules.version.activated', draft.id, {
        version: draft.version,
        effectiveFrom: effectiveFrom.toISOString(),
        retired: previous.map((p) => p.version),
        rules: rules.map((r) => r.code),
        taskId,
      });
      return { taskId, effectiveFrom };
    },
    { timeout: 30_000 },
  );
}
