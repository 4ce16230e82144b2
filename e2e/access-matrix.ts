// Every protected route, and who may open it. The access-matrix spec signs in as each demo account
// (each role, at its own and at the other institution) and checks every entry: allowed → 200, anyone
// else → 404 (the same answer as a page that does not exist), anonymous → sent to sign-in.
// Every feature adds its routes here; a route missing from this list is a route nobody checked.
// Record-specific routes use the demo's fixed ids (lib/seed/demo-ids.ts), so no lookup is needed.
import { DEMO_IDS } from '../lib/seed/demo-ids';
import type { DemoAccount } from './fixtures';

export interface RouteSpec {
  path: string;
  /** Demo accounts that may open it. */
  allow: DemoAccount[];
  /** API routes answer 401 to anonymous callers instead of redirecting. */
  api?: boolean;
  /**
   * The read API (/api/v1) authenticates bearer tokens only: a signed-in session gets 401 there, and the
   * spec checks `allow` with a token of each allowed account's role instead.
   */
  bearer?: boolean;
}

export const ACCOUNTS: DemoAccount[] = ['researcher', 'researcher2', 'officer', 'officer2', 'auditor', 'admin'];

/** The pages of one disclosure, all for its researcher alone (officers and auditors read it elsewhere). */
const FILING_PAGES = ['', '/profile', '/appointments', '/programmes', '/support', '/gifts', '/interests', '/travel', '/attachments', '/review', '/versions'];

function disclosurePages(id: string, owner: DemoAccount): RouteSpec[] {
  return FILING_PAGES.map((suffix) => ({ path: `/disclosures/${id}${suffix}`, allow: [owner] }));
}

export const ROUTES: RouteSpec[] = [
  { path: '/disclosures', allow: ['researcher', 'researcher2'] },
  { path: '/review', allow: ['officer', 'officer2'] },
  { path: '/reports', allow: ['auditor'] },
  { path: '/admin', allow: ['admin'] },
  // Filing (issue #3): a draft, an approved disclosure in a closed cycle, another researcher's submission.
  ...disclosurePages(DEMO_IDS.researcherDraft, 'researcher'),
  ...disclosurePages(DEMO_IDS.researcherApproved, 'researcher'),
  ...disclosurePages(DEMO_IDS.researcher2Submitted, 'researcher2'),
  { path: `/api/disclosures/${DEMO_IDS.researcherDraft}/attachments`, allow: ['researcher'], api: true },
  { path: `/api/disclosures/${DEMO_IDS.researcher2Submitted}/attachments`, allow: ['researcher2'], api: true },
  // A contract of institution A's researcher: the researcher, A's officer and the nationwide auditor.
  { path: `/api/attachments/${DEMO_IDS.researcherContract}`, allow: ['researcher', 'officer', 'auditor'], api: true },
  { path: '/api/entities?q=beihang', allow: ['researcher', 'researcher2', 'officer', 'officer2'], api: true },
  // Grant-application downloads of a submitted version (issue #14): its researcher only; a version that
  // does not exist and a file Kaiji does not make are 404 for everyone.
  ...['cpos.pdf', 'cpos.json', 'erad-effort.csv'].map((file) => ({
    path: `/api/disclosures/${DEMO_IDS.researcherApproved}/versions/1/${file}`,
    allow: ['researcher'] as DemoAccount[],
    api: true,
  })),
  { path: `/api/disclosures/${DEMO_IDS.researcherApproved}/versions/9/cpos.json`, allow: [], api: true },
  { path: `/api/disclosures/${DEMO_IDS.researcherApproved}/versions/1/cpos.xml`, allow: [], api: true },
  // Review (issue #5): the queue with filters, a disclosure of institution A (approved, so opening it
  // changes nothing), one that does not exist and a malformed id: officers of A only, or nobody.
  { path: '/review?status=APPROVED&sort=severity', allow: ['officer', 'officer2'] },
  { path: `/review/${DEMO_IDS.researcherApproved}`, allow: ['officer'] },
  { path: '/review/00000000-0000-4000-8000-000000000000', allow: [] },
  { path: '/review/not-a-disclosure', allow: [] },
  // Reports (issue #6): auditors only; the read API for auditors and officers (session or token), where
  // a disclosure outside the caller's scope, or none, is 404; exports for auditors, and a task or file
  // that is not one's own is 404.
  { path: '/reports?fy=2026&pub=true', allow: ['auditor'] },
  // A malformed boolean is refused, never read as false (which would show names): 404 for everyone.
  { path: '/reports?fy=2026&pub=True', allow: [] },
  { path: '/reports/records?fy=2026&talent=any&pub=1', allow: [] },
  { path: '/reports/talent-grants?fy=2026&threshold=100000000&window=10', allow: ['auditor'] },
  { path: '/reports/breakdowns', allow: ['auditor'] },
  { path: '/reports/trends', allow: ['auditor'] },
  { path: '/reports/records?fy=2026&talent=any', allow: ['auditor'] },
  { path: '/admin/api-tokens', allow: ['admin'] },
  { path: '/api/v1/institutions', allow: ['officer', 'officer2', 'auditor'], api: true, bearer: true },
  { path: '/api/v1/disclosures?fiscalYear=2026', allow: ['officer', 'officer2', 'auditor'], api: true, bearer: true },
  { path: `/api/v1/disclosures/${DEMO_IDS.researcher2Submitted}`, allow: ['officer2', 'auditor'], api: true, bearer: true },
  { path: '/api/v1/disclosures/00000000-0000-4000-8000-000000000000', allow: [], api: true, bearer: true },
  { path: '/api/v1/reports/talent-grants?fiscalYear=2026', allow: ['officer', 'officer2', 'auditor'], api: true, bearer: true },
  { path: '/api/v1/fiscal-years', allow: ['officer', 'officer2', 'auditor'], api: true, bearer: true },
  { path: '/api/exports/records?format=csv&fy=2026', allow: ['auditor'], api: true },
  { path: '/api/exports/report?report=talent-grants&format=xlsx&fy=2026', allow: ['auditor'], api: true },
  { path: '/api/exports/tasks/00000000-0000-4000-8000-000000000000', allow: [], api: true },
  { path: '/api/exports/files/00000000-0000-4000-8000-000000000000', allow: [], api: true },
  // Rules and watchlists (issue #4): national configuration, for the system administrator only.
  { path: '/admin/watchlists', allow: ['admin'] },
  { path: '/admin/watchlists/cn-sastind-seven-sons?q=%E5%8C%97%E8%88%AA', allow: ['admin'] },
  { path: '/admin/watchlists/no-such-list', allow: [] },
  { path: '/admin/rules', allow: ['admin'] },
  { path: '/admin/rules/kaiji-starter/1', allow: ['admin'] },
  { path: '/admin/rules/kaiji-starter/999', allow: [] },
  { path: '/admin/grants', allow: ['admin'] },
  // Administration (issue #7): the demo administrator only; anyone else gets the same 404.
  { path: '/admin/audit', allow: ['admin'] },
  { path: '/admin/audit?actor=admin%40kaiji.test&action=auth.sign_in', allow: ['admin'] },
  // A download that a browser follows from the audit page: anonymous, it sends to sign-in like a page.
  { path: '/admin/audit/export', allow: ['admin'] },
  { path: '/admin/cycles', allow: ['admin'] },
  { path: '/admin/cycles/new', allow: ['admin'] },
  { path: '/admin/cycles/demo-univ/FY2026', allow: ['admin'] },
  { path: '/admin/cycles/demo-univ/FY1999', allow: [] },
  { path: '/admin/institutions', allow: ['admin'] },
  { path: '/admin/institutions/demo-univ', allow: ['admin'] },
  { path: '/admin/institutions/no-such-institution', allow: [] },
  { path: '/admin/people', allow: ['admin'] },
  { path: '/admin/people/invite', allow: ['admin'] },
  // People are addressed by generated ids (none fixed in the demo): one that does not exist is 404 for all.
  { path: '/admin/people/00000000-0000-4000-8000-000000000000', allow: [] },
  { path: '/admin/roster', allow: ['admin'] },
  { path: '/admin/security', allow: ['admin'] },
];

/**
 * Every server action, and who may call it. Actions are POST endpoints that Playwright cannot address by
 * path, so the filing integration test (lib/filing/access.test.ts) runs each one as every kind of
 * actor and checks this list names every action the module exports.
 */
export interface ActionSpec {
  /** The defineAction name. */
  name: string;
  /** Role required, and whose records: 'own' = only the researcher's own disclosures. */
  allow: 'RESEARCHER (own)';
}

export const ACTIONS: ActionSpec[] = [
  { name: 'filing.startDisclosure', allow: 'RESEARCHER (own)' },
  { name: 'filing.saveSection', allow: 'RESEARCHER (own)' },
  { name: 'filing.submit', allow: 'RESEARCHER (own)' },
  { name: 'filing.startUpdate', allow: 'RESEARCHER (own)' },
  { name: 'filing.discardUpdate', allow: 'RESEARCHER (own)' },
  { name: 'filing.deleteAttachment', allow: 'RESEARCHER (own)' },
];

/**
 * The review page's actions (issue #5): officers, for disclosures of their own institution only.
 * lib/review/access.test.ts checks this names every action of lib/review/actions.ts and runs
 * each as a researcher, an auditor, an administrator and an officer of another institution (all 404 +
 * access.denied, nothing changed).
 */
export const REVIEW_ACTIONS: { name: string; allow: 'OFFICER (own institution)' }[] = [
  { name: 'review.decide', allow: 'OFFICER (own institution)' },
  { name: 'review.assign', allow: 'OFFICER (own institution)' },
  { name: 'review.match.decide', allow: 'OFFICER (own institution)' },
  { name: 'review.comment', allow: 'OFFICER (own institution)' },
  { name: 'review.start', allow: 'OFFICER (own institution)' },
];

/**
 * The reports' and API tokens' actions (issue #6). lib/reports/access.test.ts checks this names every
 * action of lib/reports/actions.ts and lib/api/actions.ts and runs each as every
 * other kind of actor (404 + access.denied, nothing queued or issued).
 */
export const REPORT_ACTIONS: { name: string; allow: 'AUDITOR' | 'ADMIN (system)' }[] = [
  { name: 'reports.export', allow: 'AUDITOR' },
  { name: 'api_token.issue', allow: 'ADMIN (system)' },
  { name: 'api_token.revoke', allow: 'ADMIN (system)' },
];

/**
 * Routes the matrix above does not open, each with where its access is checked instead. Together with
 * ROUTES this classifies every page and route handler under app/: test/security/route-coverage.test.ts
 * walks app/ and fails on any route that neither a ROUTES path nor this list covers, so a new route
 * cannot be missed. Patterns are the app/ paths without route groups, `[x]` segments as written.
 */
export const ROUTES_CHECKED_ELSEWHERE: Record<string, string> = {
  '/': 'public: sends each role to its home',
  '/signin': 'public: the sign-in form (e2e/foundation.spec.ts)',
  '/signin/verify': 'second factor of a signed-in session (lib/auth/mfa.test.ts, e2e/admin.spec.ts)',
  '/signin/forgot': 'public: asks for a password-reset link (lib/auth/forgot-password.test.ts, e2e/journeys.spec.ts)',
  '/no-access': 'public: shown to a signed-in person without a role',
  '/account/accept/[token]': 'public: one-time invitation link (lib/auth account tokens)',
  '/account/reset/[token]': 'public: one-time password-reset link (lib/auth account tokens)',
  '/account/mfa': 'any signed-in person, for their own account (lib/auth/mfa.test.ts)',
  '/account': 'any signed-in person, their own account and language (e2e/journeys.spec.ts)',
  '/outbox': 'demo only; each viewer sees only their own (test/security/outbox.test.ts)',
  '/api/health': 'public: load-balancer health check',
  '/api/auth/[...nextauth]': 'next-auth endpoints (e2e/foundation.spec.ts, test/security/throttle.test.ts)',
  '/api/v1': 'the read API root (lib/api tests)',
  '/api/v1/[...rest]': 'the read API answers unknown paths 404 (lib/api tests)',
  '/api/v1/fiscal-years': 'read API, same scopes as /api/v1/institutions (lib/api tests)',
  '/api/v1/openapi.json': 'public: the API description',
  '/admin/roster/sample': 'a static sample file for administrators',
  '/disclosures/[id]/[section]': 'the section pages, opened by disclosurePages() under their own names',
};

/** Server actions not in the lists above, with where their access is checked. */
export const ACTIONS_CHECKED_ELSEWHERE: Record<string, string> = {
  'auth.mfa.enrol': "any signed-in person, on their own account only (lib/auth/mfa.test.ts, test/security/throttle.test.ts)",
  'auth.mfa.recovery_codes_regenerated': 'any signed-in person, on their own account only (lib/auth/mfa.test.ts)',
  'auth.mfa.verify': 'the second factor of the session itself (lib/auth/mfa.test.ts, test/security/throttle.test.ts)',
  'audit.verify.request': 'pending in this matrix: administrators only (defineAction roles), fuzzed by test/security/fuzz-actions.test.ts',
};
