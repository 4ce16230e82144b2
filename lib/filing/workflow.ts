// The filing workflow as pure functions of a disclosure's state, shared by the data-access layer, the
// pages (which buttons to show) and the tests. Nothing here reads the database.
//
// "Update in progress" needs no column of its own: when a disclosure is submitted its draft rows
// (DisclosureSection) are folded into the immutable DisclosureVersion and deleted in the same
// transaction, so draft rows on a disclosure that has versions exist only while the researcher is
// drafting an update (started explicitly) or revising a returned disclosure. A returned disclosure
// without rows edits a copy of its last version (rows are written on the first save).
import type { CycleStatus, DisclosureStatus, VersionKind } from '@/lib/generated/prisma/enums';

export interface FilingState {
  status: DisclosureStatus;
  cycleStatus: CycleStatus;
  /** DisclosureSection rows exist. */
  hasDraftRows: boolean;
  /** DisclosureVersion rows exist. */
  versionCount: number;
}

/** Statuses from which the researcher may start an update: a submission the officer has not taken up, or a decision. */
const UPDATABLE: readonly DisclosureStatus[] = ['SUBMITTED', 'RESUBMITTED', 'APPROVED', 'FLAGGED'];

export type NotEditableReason = 'cycleNotOpen' | 'cycleClosed' | 'awaitingReview' | 'underReview' | 'decided';

export type Editability =
  | { editable: true; mode: 'initial' | 'resubmission' | 'update' }
  | { editable: false; reason: NotEditableReason };

/** Researchers never see disclosures of a cycle that is not yet published (or was taken back). */
export function cycleVisible(cycleStatus: CycleStatus): boolean {
  return cycleStatus !== 'DRAFT';
}

/** A new disclosure can be started only while the cycle is open; a closed cycle takes no new ones. */
export function canStartDisclosure(cycleStatus: CycleStatus): boolean {
  return cycleStatus === 'OPEN';
}

export function editability(s: FilingState): Editability {
  if (!cycleVisible(s.cycleStatus)) return { editable: false, reason: 'cycleNotOpen' };
  switch (s.status) {
    case 'DRAFT':
      return s.cycleStatus === 'OPEN' ? { editable: true, mode: 'initial' } : { editable: false, reason: 'cycleClosed' };
    case 'RETURNED':
      // A closed cycle still accepts resubmissions.
      return { editable: true, mode: 'resubmission' };
    case 'UNDER_REVIEW':
      return { editable: false, reason: 'underReview' };
    case 'SUBMITTED':
    case 'RESUBMITTED':
      return s.hasDraftRows ? { editable: true, mode: 'update' } : { editable: false, reason: 'awaitingReview' };
    case 'APPROVED':
    case 'FLAGGED':
      return s.hasDraftRows ? { editable: true, mode: 'update' } : { editable: false, reason: 'decided' };
  }
}

export function isEditable(s: FilingState): boolean {
  return editability(s).editable;
}

export function updateInProgress(s: FilingState): boolean {
  const e = editability(s);
  return e.editable && e.mode === 'update';
}

/** What a submission from this state writes: the version's kind and the disclosure's next status. */
export function submission(s: FilingState): { kind: VersionKind; nextStatus: DisclosureStatus } | null {
  const e = editability(s);
  if (!e.editable) return null;
  switch (e.mode) {
    case 'initial':
      return { kind: 'INITIAL', nextStatus: 'SUBMITTED' };
    case 'resubmission':
      return { kind: 'RESUBMISSION', nextStatus: 'RESUBMITTED' };
    case 'update':
      // An update to a decided disclosure goes back to the queue; one to a disclosure still waiting
      // for the officer replaces what they will read, and keeps its place in the queue.
      return { kind: 'UPDATE', nextStatus: s.status === 'RESUBMITTED' ? 'RESUBMITTED' : 'SUBMITTED' };
  }
}

/** An update starts from the last version, once something has been submitted and nothing is being drafted. */
export function canStartUpdate(s: FilingState): boolean {
  return cycleVisible(s.cycleStatus) && s.versionCount > 0 && UPDATABLE.includes(s.status) && !s.hasDraftRows;
}

/** An update being drafted can be abandoned; the last version stays what it was. */
export function canDiscardUpdate(s: FilingState): boolean {
  return updateInProgress(s);
}
