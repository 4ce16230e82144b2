// Status and severity badges (colour plus text, never colour alone).
const STATUS_CLASS: Record<string, string> = {
  SUBMITTED: 'info',
  UNDER_REVIEW: 'info',
  RESUBMITTED: 'info',
  RETURNED: 'review',
  APPROVED: 'ok',
  FLAGGED: 'flag',
  DRAFT: 'neutral',
};
const SEVERITY_CLASS: Record<string, string> = { FLAG: 'flag', REVIEW: 'review', INFO: 'info' };

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`badge ${STATUS_CLASS[status] ?? 'neutral'}`}>{label}</span>;
}

export function SeverityBadge({ severity, label }: { severity: string; label: string }) {
  return <span className={`badge ${SEVERITY_CLASS[severity] ?? 'neutral'}`}>{label}</span>;
}
