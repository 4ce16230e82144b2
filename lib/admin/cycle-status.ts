// The life of a disclosure cycle. DRAFT → OPEN → CLOSED, and CLOSED → OPEN to reopen. A closed cycle
// takes no new filings but still takes updates to disclosures already filed in it, as the guideline
// requires (an update is due within 30 days of a new interest, whenever that is).
import type { CycleStatus } from '@/lib/generated/prisma/enums';

export type CycleTransition = 'open' | 'close' | 'reopen';

const TRANSITIONS: Record<CycleStatus, Partial<Record<'OPEN' | 'CLOSED', CycleTransition>>> = {
  DRAFT: { OPEN: 'open' },
  OPEN: { CLOSED: 'close' },
  CLOSED: { OPEN: 'reopen' },
};

export function transitionFor(from: CycleStatus, to: 'OPEN' | 'CLOSED'): CycleTransition | null {
  return TRANSITIONS[from][to] ?? null;
}

export function nextStatuses(from: CycleStatus): ('OPEN' | 'CLOSED')[] {
  return Object.keys(TRANSITIONS[from]) as ('OPEN' | 'CLOSED')[];
}

/** A researcher may start a new disclosure in the cycle. */
export function acceptsNewFilings(status: CycleStatus): boolean {
  return status === 'OPEN';
}

/** A researcher may update a disclosure already filed in the cycle. */
export function acceptsUpdates(status: CycleStatus): boolean {
  return status === 'OPEN' || status === 'CLOSED';
}
