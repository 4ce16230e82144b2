// Resolves a report's parameters for a viewer: the scope, the fiscal year (default: the newest with
// disclosures) and the publication suppression in force.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { defaultFiscalYear } from './institutions';
import type { ReportParams } from './params';
import { type ReportPurpose, type ReportScope, assertCanReport, reportScope } from './scope';
import { publicationMinimum } from './settings';
import type { Suppression } from './suppress';

export interface ReportContext {
  scope: ReportScope;
  params: ReportParams & { fiscalYear: number };
  suppression: Suppression;
}

export async function reportContext(actor: Actor, params: ReportParams, purposes: ReportPurpose[] = ['audit']): Promise<ReportContext> {
  assertCanReport(actor, purposes);
  const fiscalYear = params.fiscalYear ?? (await defaultFiscalYear(actor, purposes));
  const scope = reportScope(actor, purposes, params.institutionIds);
  const minimum = await publicationMinimum();
  return { scope, params: { ...params, fiscalYear }, suppression: { on: params.publication, minimum } };
}
