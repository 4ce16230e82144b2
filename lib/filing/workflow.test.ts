import { describe, expect, it } from 'vitest';
import type { CycleStatus, DisclosureStatus } from '@/lib/generated/prisma/enums';
import {
  canDiscardUpdate,
  canStartDisclosure,
  canStartUpdate,
  editability,
  submission,
  updateInProgress,
  type FilingState,
} from './workflow';

const state = (status: DisclosureStatus, o: Partial<FilingState> = {}): FilingState => ({
  status,
  cycleStatus: 'OPEN',
  hasDraftRows: false,
  versionCount: status === 'DRAFT' ? 0 : 1,
  ...o,
});

describe('filing workflow', () => {
  it('a draft is submitted as the initial version, only while the cycle is open', () => {
    expect(submission(state('DRAFT'))).toEqual({ kind: 'INITIAL', nextStatus: 'SUBMITTED' });
    expect(editability(state('DRAFT', { cycleStatus: 'CLOSED' }))).toEqual({ editable: false, reason: 'cycleClosed' });
    expect(submission(state('DRAFT', { cycleStatus: 'CLOSED' }))).toBeNull();
  });

  it('a returned disclosure is revised and resubmitted, also after the cycle closed', () => {
    for (const cycleStatus of ['OPEN', 'CLOSED'] as CycleStatus[]) {
      expect(submission(state('RETURNED', { cycleStatus }))).toEqual({ kind: 'RESUBMISSION', nextStatus: 'RESUBMITTED' });
    }
  });

  it('nothing of a cycle still in draft (or taken back) is visible or editable', () => {
    for (const status of ['DRAFT', 'RETURNED', 'APPROVED'] as DisclosureStatus[]) {
      expect(editability(state(status, { cycleStatus: 'DRAFT', hasDraftRows: true }))).toEqual({ editable: false, reason: 'cycleNotOpen' });
      expect(canStartUpdate(state(status, { cycleStatus: 'DRAFT' }))).toBe(false);
    }
    expect(canStartDisclosure('DRAFT')).toBe(false);
    expect(canStartDisclosure('CLOSED')).toBe(false);
    expect(canStartDisclosure('OPEN')).toBe(true);
  });

  it('submitted, under review and resubmitted disclosures are not editable by the researcher', () => {
    expect(editability(state('SUBMITTED'))).toEqual({ editable: false, reason: 'awaitingReview' });
    expect(editability(state('RESUBMITTED'))).toEqual({ editable: false, reason: 'awaitingReview' });
    expect(editability(state('UNDER_REVIEW'))).toEqual({ editable: false, reason: 'underReview' });
    // Not even an update drafted before the officer took it up.
    expect(editability(state('UNDER_REVIEW', { hasDraftRows: true }))).toEqual({ editable: false, reason: 'underReview' });
    expect(editability(state('APPROVED'))).toEqual({ editable: false, reason: 'decided' });
    expect(editability(state('FLAGGED'))).toEqual({ editable: false, reason: 'decided' });
  });

  it('an update starts from a submission or a decision, in an open or closed cycle', () => {
    for (const status of ['SUBMITTED', 'RESUBMITTED', 'APPROVED', 'FLAGGED'] as DisclosureStatus[]) {
      for (const cycleStatus of ['OPEN', 'CLOSED'] as CycleStatus[]) {
        expect(canStartUpdate(state(status, { cycleStatus })), `${status} ${cycleStatus}`).toBe(true);
      }
    }
    for (const status of ['DRAFT', 'RETURNED', 'UNDER_REVIEW'] as DisclosureStatus[]) {
      expect(canStartUpdate(state(status)), status).toBe(false);
    }
    expect(canStartUpdate(state('APPROVED', { hasDraftRows: true })), 'already in progress').toBe(false);
  });

  it('an update in progress is editable, submitted as kind UPDATE, and can be discarded', () => {
    expect(updateInProgress(state('APPROVED', { hasDraftRows: true }))).toBe(true);
    expect(submission(state('APPROVED', { hasDraftRows: true }))).toEqual({ kind: 'UPDATE', nextStatus: 'SUBMITTED' });
    expect(submission(state('FLAGGED', { hasDraftRows: true }))).toEqual({ kind: 'UPDATE', nextStatus: 'SUBMITTED' });
    expect(submission(state('SUBMITTED', { hasDraftRows: true }))).toEqual({ kind: 'UPDATE', nextStatus: 'SUBMITTED' });
    expect(submission(state('RESUBMITTED', { hasDraftRows: true }))).toEqual({ kind: 'UPDATE', nextStatus: 'RESUBMITTED' });
    expect(submission(state('APPROVED', { hasDraftRows: true, cycleStatus: 'CLOSED' }))?.kind).toBe('UPDATE');
    expect(canDiscardUpdate(state('APPROVED', { hasDraftRows: true }))).toBe(true);
    // A draft or a revision is not an update: nothing to discard back to.
    expect(canDiscardUpdate(state('DRAFT', { hasDraftRows: true }))).toBe(false);
    expect(canDiscardUpdate(state('RETURNED', { hasDraftRows: true }))).toBe(false);
  });
});
