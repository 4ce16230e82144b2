// Called inside the submission transaction, after a DisclosureVersion is written and before anyone
// can see it: screens the version's organisations against the watchlists and evaluates the rules in
// force, storing findings and the disclosure's denormalised maxSeverity/findingCount/pendingMatches.
// The findings name their rules, and rules their RulesetVersion: that is the record of which ruleset
// version was applied (DisclosureVersion itself is immutable once written).
import 'server-only';
import type { Tx } from '@/lib/db/client';
import { checkVersion } from './check';

export async function checkSubmittedVersion(tx: Tx, versionId: string): Promise<void> {
  await checkVersion(tx, versionId, { screen: true });
}
