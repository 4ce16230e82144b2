// Called inside the submission transaction, after a DisclosureVersion is written and before anyone
// can see it: screens the version's organisations against the watchlists and evaluates the active
// rules, storing findings and the disclosure's denormalised maxSeverity/findingCount/pendingMatches.
import 'server-only';
import type { Tx } from '@/lib/db/client';

export async function checkSubmittedVersion(_tx: Tx, _versionId: string): Promise<void> {
  // Implemented by the rules feature (lib/rules/).
}
