// Status and severity badges (colour plus text, never colour alone), and whole-day differences.
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

/** Whole days from `from` to `to` (negative when `to` is earlier), counted in Japan's calendar. */
export function daysBetween(from: Date, to: Date): number {
  const day = (d: Date) => Math.floor((d.getTime() + 9 * 3600_000) / 86_400_000);
  return day(to) - day(from);
}
