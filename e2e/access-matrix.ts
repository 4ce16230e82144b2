// Every protected route, and who may open it. The access-matrix spec signs in as each demo account
// (each role, at its own and at the other institution) and checks every entry: allowed → 200, anyone
// else → 404 (the same answer as a page that does not exist), anonymous → sent to sign-in.
// Every feature adds its routes here; a route missing from this list is a route nobody checked.
import type { DemoAccount } from './fixtures';

export interface RouteSpec {
  path: string;
  /** Demo accounts that may open it. */
  allow: DemoAccount[];
  /** API routes answer 401 to anonymous callers instead of redirecting. */
  api?: boolean;
}

export const ACCOUNTS: DemoAccount[] = ['researcher', 'researcher2', 'officer', 'officer2', 'auditor', 'admin'];

export const ROUTES: RouteSpec[] = [
  { path: '/disclosures', allow: ['researcher', 'researcher2'] },
  { path: '/review', allow: ['officer', 'officer2'] },
  { path: '/reports', allow: ['auditor'] },
  { path: '/admin', allow: ['admin'] },
];
