// The management plans of the approvals of a researcher's own disclosure: what the office asks of them
// (conditions), who is responsible, and when the plan will be reviewed. Only what the researcher may
// read (lib/review/feedback.ts: never internal notes or a flag's rationale).
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/roles';
import { researcherFeedback } from '@/lib/review/feedback';

export async function ManagementPlans({ actor, disclosureId }: { actor: Actor; disclosureId: string }) {
  const { decisions } = await researcherFeedback(actor, disclosureId);
  const plans = decisions.filter((d) => d.decision === 'APPROVE' && d.plan);
  if (!plans.length) return null;
  const [t, format] = await Promise.all([getTranslations('managementPlan'), getFormatter()]);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <section className="card stack" aria-labelledby="plan-title" data-testid="management-plans">
      <h2 id="plan-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      {plans.map((d, i) => (
        <article key={d.id} className="stack" aria-label={t('approvedOn', { date: format.dateTime(d.createdAt, { dateStyle: 'long' }) })}>
          {plans.length > 1 || i > 0 ? <h3>{t('approvedOn', { date: format.dateTime(d.createdAt, { dateStyle: 'long' }) })}</h3> : null}
          <dl className="facts">
            <dt>{t('conditions')}</dt>
            <dd className="pre-wrap">{d.plan!.conditions}</dd>
            <dt>{t('responsible')}</dt>
            <dd>{d.plan!.responsiblePerson}</dd>
            <dt>{t('reviewDates')}</dt>
            <dd>
              {d.plan!.reviewDates.length ? (
                <ul className="plain-list">
                  {d.plan!.reviewDates.map((x) => (
                    <li key={x}>
                      <time dateTime={x}>{day(x)}</time>
                    </li>
                  ))}
                </ul>
              ) : (
                t('noDates')
              )}
            </dd>
          </dl>
        </article>
      ))}
    </section>
  );
}
