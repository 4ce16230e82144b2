import { getTranslations } from 'next-intl/server';
import type { DisclosureStatus } from '@/lib/generated/prisma/enums';

const TONE: Record<DisclosureStatus, string> = {
  DRAFT: 'neutral',
  SUBMITTED: 'info',
  UNDER_REVIEW: 'info',
  RETURNED: 'review',
  RESUBMITTED: 'info',
  APPROVED: 'ok',
  FLAGGED: 'flag',
};

export async function StatusBadge({ status }: { status: DisclosureStatus }) {
  const t = await getTranslations('filing.status');
  return <span className={`badge ${TONE[status]}`}>{t(status)}</span>;
}
