'use server';

import { dryRunStatus, startDryRun } from '@/lib/rules/dry-run';
import { activateVersion, createDraft, createRuleset, deleteRule, discardDraft, saveRule } from '@/lib/rules/rulesets';
import { activateSchema, createDraftSchema, dryRunSchema, dryRunStatusSchema, ruleIdSchema, ruleSchema, rulesetSchema, versionIdSchema } from '@/lib/rules/schemas';
import { defineSystemAdminAction } from '@/lib/actions/action';

export const createRulesetAction = defineSystemAdminAction({
  name: 'rules.ruleset.create',
  input: rulesetSchema,
  handler: ({ actor, input, origin }) => createRuleset(actor, input, origin),
});

export const createDraftAction = defineSystemAdminAction({
  name: 'rules.version.draft',
  input: createDraftSchema,
  handler: ({ actor, input, origin }) => createDraft(actor, input, origin),
});

export const saveRuleAction = defineSystemAdminAction({
  name: 'rules.rule.save',
  input: ruleSchema,
  handler: ({ actor, input, origin }) => saveRule(actor, input, origin),
});

export const deleteRuleAction = defineSystemAdminAction({
  name: 'rules.rule.delete',
  input: ruleIdSchema,
  handler: ({ actor, input, origin }) => deleteRule(actor, input, origin),
});

export const discardDraftAction = defineSystemAdminAction({
  name: 'rules.version.discard',
  input: versionIdSchema,
  handler: ({ actor, input, origin }) => discardDraft(actor, input, origin),
});

export const activateVersionAction = defineSystemAdminAction({
  name: 'rules.version.activate',
  input: activateSchema,
  handler: async ({ actor, input, origin }) => {
    const r = await activateVersion(actor, input, origin);
    return { taskId: r.taskId, effectiveFrom: r.effectiveFrom.toISOString() };
  },
});

export const dryRunAction = defineSystemAdminAction({
  name: 'rules.version.dry_run',
  input: dryRunSchema,
  handler: ({ actor, input, origin }) => startDryRun(actor, input, origin),
});

/** A background dry run's progress and result (its requester only; anyone else: not found). */
export const dryRunStatusAction = defineSystemAdminAction({
  name: 'rules.version.dry_run_status',
  input: dryRunStatusSchema,
  handler: ({ actor, input }) => dryRunStatus(actor, input.taskId),
});
