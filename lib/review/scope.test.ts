// The review layer compiles the review scope of lib/auth/scopes.ts to SQL for the queue; it must follow
// every shape the scope takes, and refuse one it does not know rather than widen the queue.
import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/roles';
import { reviewInstitutions, reviewScopeSql } from './scope';

const actor = (memberships: Actor['memberships']): Actor => ({ userId: 'u', sessionId: 's', email: 'e', displayName: 'd', locale: null, mfaVerified: true, memberships });
const A = '0b6c2a53-0d6f-4f55-9c1e-6d3c8f0a1b2c';
const B = '1b6c2a53-0d6f-4f55-9c1e-6d3c8f0a1b2c';

describe('review scope as SQL', () => {
  it('covers the officer’s institutions, all of them for a nationwide grant, none for anyone else', () => {
    expect(reviewInstitutions(actor([{ role: 'OFFICER', institutionId: A, allInstitutions: false }, { role: 'OFFICER', institutionId: B, allInstitutions: false }]))).toEqual([A, B]);
    expect(reviewInstitutions(actor([{ role: 'OFFICER', institutionId: null, allInstitutions: true }]))).toBe('all');
    for (const role of ['RESEARCHER', 'AUDITOR', 'ADMIN'] as const) {
      expect(reviewInstitutions(actor([{ role, institutionId: role === 'RESEARCHER' ? A : null, allInstitutions: role !== 'RESEARCHER' }]))).toEqual([]);
    }
    expect(reviewScopeSql(actor([])).sql).toBe('FALSE');
    // Never a draft, never the officer's own disclosure (lib/auth/scopes.ts).
    expect(reviewScopeSql(actor([{ role: 'OFFICER', institutionId: A, allInstitutions: false }]), 'x').sql).toBe(
      `("x"."institutionId" = ANY(?::uuid[]) AND "x"."status" <> 'DRAFT'::"DisclosureStatus" AND "x"."researcherId" <> ?::uuid)`,
    );
  });
});
