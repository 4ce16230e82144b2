// Checking one submitted version: screen its organisations (optionally), evaluate the rules in force,
// write the findings and the disclosure's summary. Shared by the submission (on-submit.ts), the
// background re-evaluation and an officer's decision on a match.
import 'server-only';
import type { Tx } from '@/lib/db/client';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import { evaluateRules } from './evaluate';
import { applyFindingsBatch, type FindingChanges } from './findings';
import { rulesInForce, type RulesInForce } from './in-force';
import { loadViews } from './load';
import { screenVersion } from './screening';

export interface CheckResult extends FindingChanges {
  versionId: string;
  findings: number;
  pendingMatches: number;
}

export async function checkVersion(
  tx: Tx,
  versionId: string,
  o: { screen: boolean; rules?: RulesInForce; now?: Date },
): Promise<CheckResult | null> {
  const now = o.now ?? new Date();
  if (o.screen) {
    const version = await tx.disclosureVersion.findUnique({ where: { id: versionId }, select: { content: true } });
    if (!version) return null;
    await screenVersion(tx, versionId, version.content as unknown as DisclosureContent);
  }
  const loaded = (await loadViews(tx, [versionId], now)).get(versionId);
  if (!loaded) return null;
  const rules = o.rules ?? (await rulesInForce(tx, now));
  const drafts = evaluateRules(rules.rules, loaded.view);
  const [changes] = await applyFindingsBatch(tx, [{ disclosureId: loaded.disclosureId, versionId, drafts, pendingMatches: loaded.pendingMatchIds.size }], now);
  return { versionId, ...changes!, findings: drafts.length, pendingMatches: loaded.pendingMatchIds.size };
}

/** The latest submitted version of a disclosure, under the disclosure's row lock (taken here). */
export async function lockLatestVersion(tx: Tx, disclosureId: string): Promise<string | null> {
  await tx.$queryRaw`SELECT id FROM "Disclosure" WHERE id = ${disclosureId}::uuid FOR UPDATE`;
  const latest = await tx.disclosureVersion.findFirst({ where: { disclosureId }, orderBy: { number: 'desc' }, select: { id: true } });
  return latest?.id ?? null;
}

/** Re-checks the latest version of a disclosure (background re-evaluation, a decision on a match). */
export async function recheckDisclosure(
  tx: Tx,
  disclosureId: string,
  o: { screen: boolean; rules?: RulesInForce; now?: Date },
): Promise<CheckResult | null> {
  const versionId = await lockLatestVersion(tx, disclosureId);
  return versionId ? checkVersion(tx, versionId, o) : null;
}
