// Installs the starter ruleset (starter.ts) as version 1, ACTIVE from now. Idempotent: a ruleset with
// the starter's code is left as it is.
import 'server-only';
import type { Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { STARTER_RULES, STARTER_RULESET } from './starter';
import { VIEW_VERSION } from './view-schema';

export async function seedStarterRuleset(tx: Tx, o: { actorId?: string | null; now?: Date } = {}) {
  const existing = await tx.ruleset.findUnique({ where: { code: STARTER_RULESET.code }, select: { id: true } });
  if (existing) return { rulesetId: existing.id, created: false };
  const now = o.now ?? new Date();
  const ruleset = await tx.ruleset.create({ data: { ...STARTER_RULESET }, select: { id: true } });
  await tx.rulesetVersion.create({
    data: {
      rulesetId: ruleset.id,
      version: 1,
      status: 'ACTIVE',
      effectiveFrom: now,
      activatedAt: now,
      viewVersion: VIEW_VERSION,
      createdById: o.actorId ?? null,
      note: 'Starter ruleset installed with the demo data',
      rules: {
        create: STARTER_RULES.map((r) => ({ ...r, params: r.params as Prisma.InputJsonObject })),
      },
    },
  });
  return { rulesetId: ruleset.id, created: true };
}
