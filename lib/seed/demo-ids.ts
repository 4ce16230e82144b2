// Fixed ids of demo records that tests address directly (the access matrix opens these disclosures and
// this attachment as each demo account). Plain constants: imported by the seed and by the e2e specs.
export const DEMO_IDS = {
  /** researcher@kaiji.test, FY2026, a draft partly filled. */
  researcherDraft: '6b1f0d1c-0000-4000-8000-000000000001',
  /** researcher@kaiji.test, FY2025 (closed cycle), approved. */
  researcherApproved: '6b1f0d1c-0000-4000-8000-000000000002',
  /** researcher2@kaiji.test, FY2026, submitted (Beihang University appointment and a talent programme). */
  researcher2Submitted: '6b1f0d1c-0000-4000-8000-000000000003',
  /** The appointment contract attached to researcherApproved. */
  researcherContract: '6b1f0d1c-0000-4000-8000-0000000000a1',
} as const;
