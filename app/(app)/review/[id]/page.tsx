// The review page: one disclosure as submitted, why each rule fired, the watchlist matches to decide,
// what changed since the last version and the last year, the decisions so far, the comment thread, and
// the decision itself. Opening it changes nothing: starting the review is a button (StartReview). An
// officer who opens their own disclosure is told why they cannot review it (segregation of duties).
import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { z } from 'zod';
import { AssignForm } from '@/components/review/assign-form';
import { SeverityBadge, StatusBadge } from '@/components/review/badges';
import { daysUntil } from '@/lib/time/japan';
import { CommentForm } from '@/components/review/comment-form';
import { VersionDiff } from '@/components/disclosures/version-diff';
import type { FormatContext } from '@/components/disclosures/format';
import { ReviewContent } from '@/components/review/content-view';
import { DecisionForm } from '@/components/review/decision-form';
import { FocusTarget } from '@/components/ui/focus-target';
import { FindingsList } from '@/components/review/findings-list';
import { MatchesList } from '@/components/review/matches-list';
import { deny, requestOrigin, requireRole } from '@/lib/auth/actor';
import { StartReview } from '@/components/review/start-review';
import { OwnDisclosureNotice } from '@/components/review/own-disclosure';
import { parseItemRef } from '@/lib/disclosures/item-refs';
import { officerComments } from '@/lib/review/comments';
import { DECIDABLE } from '@/lib/review/decide';
import { reviewDetail } from '@/lib/review/detail';
import { matchesFor } from '@/lib/review/matches';
import { STARTABLE } from '@/lib/review/open';
import { refuseOwnDisclosure } from '@/lib/review/own';
import { localNames } from '@/lib/disclosures/local-names';
import { localList, localName, localTitle } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review');
  return { title: t('page.title') };
}

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole('OFFICER');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return deny(actor, 'review', `Disclosure:${id}`);
  const d = await reviewDetail(actor, id);
  if (!d) {
    if (await refuseOwnDisclosure(actor, id, await requestOrigin())) return <OwnDisclosureNotice />;
    return deny(actor, 'review', `Disclosure:${id}`);
  }
  const [matches, comments] = await Promise.all([matchesFor(actor, id), officerComments(actor, id)]);
  const t = await getTranslations('review');
  const tAll = (await getTranslations()) as unknown as FormatContext['t'];
  const locale = await getLocale();
  const format = await getFormatter();
  const rates = Object.fromEntries(d.cycle.exchangeRates.map((r) => [r.currency.trim(), r.jpyPerUnit]));
  const ctx: FormatContext = { t: tAll, locale, rates, localNames: await localNames(d.latest?.content, locale), departmentNames: d.department ? { [d.departmentId ?? '']: localName(locale, d.department) } : {} };
  type Content = Parameters<typeof VersionDiff>[0]['before'];
  const flagged = new Set<string>();
  for (const ref of [...d.findings.map((f) => f.itemRef), ...matches.flatMap((m) => m.itemRefs)]) {
    const parsed = ref ? parseItemRef(ref) : null;
    if (parsed) flagged.add(parsed.itemId);
  }
  const dt = (x: Date) => format.dateTime(x, { dateStyle: 'medium', timeStyle: 'short' });
  const left = daysUntil(d.cycle.reviewDeadline);
  const decidable = DECIDABLE.includes(d.status);

  return (
    <article aria-labelledby="page-title" className="review-page stack">
      <p>
        <Link href="/review">{t('page.back')}</Link>
      </p>
      <header className="card review-head">
        <div className="spread">
          <h1 id="page-title">{d.researcherName}</h1>
          <StatusBadge status={d.status} label={t(`statuses.${d.status}`)} />
        </div>
        <dl className="review-facts">
          <div>
            <dt>{t('page.cycle')}</dt>
            <dd>{localTitle(locale, d.cycle)}</dd>
          </div>
          <div>
            <dt>{t('page.department')}</dt>
            <dd>{d.department ? localName(locale, d.department) : '—'}</dd>
          </div>
          <div>
            <dt>{t('page.version')}</dt>
            <dd>{d.latest ? t('page.versionValue', { n: d.latest.number, kind: t(`versionKinds.${d.latest.kind}`) }) : '—'}</dd>
          </div>
          <div>
            <dt>{t('page.submitted')}</dt>
            <dd>{d.lastSubmittedAt ? dt(d.lastSubmittedAt) : '—'}</dd>
          </div>
          <div>
            <dt>{t('page.reviewDeadline')}</dt>
            <dd>
              {format.dateTime(d.cycle.reviewDeadline, { dateStyle: 'medium' })}
              {decidable ? ` (${left < 0 ? t('queue.overdue', { days: -left }) : t('queue.left', { days: left })})` : ''}
            </dd>
          </div>
          <div>
            <dt>{t('page.summary')}</dt>
            <dd>
              {d.findings[0] ? <SeverityBadge severity={d.findings[0].severity} label={t(`severities.${d.findings[0].severity}`)} /> : null}{' '}
              {t('queue.findingCount', { count: d.findings.length })} · {t('queue.pendingMatches', { count: d.pendingMatches })}
            </dd>
          </div>
        </dl>
        {(STARTABLE as readonly string[]).includes(d.status) ? <StartReview disclosureId={d.id} stateVersion={d.stateVersion} /> : null}
        <AssignForm disclosureId={d.id} currentAssigneeId={d.assignee?.id ?? null} me={actor.userId} officers={d.officers} />
      </header>

      <nav aria-label={t('page.onThisPage')} className="review-toc">
        <ul className="row">
          {['findings', 'matches', 'content', 'changes', 'history', 'comments', 'decide'].map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{t(`page.sections.${s}`)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="findings" aria-labelledby="findings-title" className="card">
        <h2 id="findings-title">{t('page.sections.findings')}</h2>
        <FindingsList findings={d.findings} locale={locale} />
      </section>

      <section id="matches" aria-labelledby="matches-title" className="card">
        <h2 id="matches-title">{t('page.sections.matches')}</h2>
        <MatchesList disclosureId={d.id} matches={matches} locale={locale} />
      </section>

      <section id="content" aria-labelledby="content-title" className="card">
        <h2 id="content-title">{t('page.sections.content')}</h2>
        {d.latest ? (
          <>
            <p className="muted">
              {t('page.certified', { name: d.latest.certifiedName, at: dt(d.latest.certifiedAt) })}
            </p>
            <ReviewContent content={d.latest.content} ctx={ctx} marked={flagged} />
          </>
        ) : (
          <p>{t('page.noVersion')}</p>
        )}
      </section>

      <section id="changes" aria-labelledby="changes-title" className="card stack">
        <h2 id="changes-title">{t('page.sections.changes')}</h2>
        <h3>{t('diff.sinceVersion')}</h3>
        {d.previous && d.latest ? (
          <>
            <p className="muted">{t('diff.versions', { from: d.previous.number, to: d.latest.number })}</p>
            <VersionDiff before={d.previous.content as Content} after={d.latest.content as Content} context={{ rates }} headingLevel={4} />
          </>
        ) : (
          <p className="muted">{t('diff.firstVersion')}</p>
        )}
        <h3>{t('diff.sinceYear')}</h3>
        {d.previousYear && d.latest ? (
          <>
            <p className="muted">{t('diff.year', { cycle: localTitle(locale, d.previousYear.cycle), n: d.previousYear.version.number })}</p>
            <VersionDiff before={d.previousYear.version.content as Content} after={d.latest.content as Content} context={{ rates }} headingLevel={4} />
          </>
        ) : (
          <p className="muted">{t('diff.noPreviousYear')}</p>
        )}
      </section>

      <section id="history" aria-labelledby="history-title" className="card">
        <h2 id="history-title">{t('page.sections.history')}</h2>
        {d.decisions.length ? (
          <ol className="review-history">
            {d.decisions.map((x) => (
              <li key={x.id}>
                <p>
                  <strong>{t(`decisionKinds.${x.decision}`)}</strong> — {x.officer}, <time dateTime={x.createdAt.toISOString()}>{dt(x.createdAt)}</time>
                  {x.versionNumber ? ` · ${t('page.versionNumber', { n: x.versionNumber })}` : ''}
                </p>
                {x.reason ? <p className="pre-wrap">{x.reason}</p> : null}
                {x.plan ? (
                  <dl className="review-fields">
                    <div>
                      <dt>{t('plan.conditions')}</dt>
                      <dd className="pre-wrap">{x.plan.conditions}</dd>
                    </div>
                    <div>
                      <dt>{t('plan.responsible')}</dt>
                      <dd>{x.plan.responsiblePerson}</dd>
                    </div>
                    <div>
                      <dt>{t('plan.reviewDates')}</dt>
                      <dd>{localList(locale, x.plan.reviewDates.map((r) => format.dateTime(new Date(`${r}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' })))}</dd>
                    </div>
                  </dl>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t('page.noDecisions')}</p>
        )}
      </section>

      <section id="comments" aria-labelledby="comments-title" className="card stack">
        <h2 id="comments-title">{t('page.sections.comments')}</h2>
        {comments.length ? (
          <ol className="comment-thread">
            {comments.map((c) => (
              <li key={c.id} className={c.visibility === 'INTERNAL' ? 'comment internal' : 'comment'}>
                <p className="comment-meta">
                  <span className={`badge ${c.visibility === 'INTERNAL' ? 'neutral' : 'info'}`}>{t(`comments.visibilities.${c.visibility}`)}</span> {c.author.displayName}
                  {c.fromResearcher ? ` (${t('comments.researcher')})` : ''} · <time dateTime={c.createdAt.toISOString()}>{dt(c.createdAt)}</time>
                </p>
                <p className="pre-wrap">{c.body}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t('comments.none')}</p>
        )}
        <CommentForm disclosureId={d.id} />
      </section>

      <section id="decide" aria-label={t('page.sections.decide')} className="card">
        {decidable ? (
          <DecisionForm key={d.stateVersion} disclosureId={d.id} stateVersion={d.stateVersion} />
        ) : (
          <FocusTarget id="decision-result" role="status" className="decided-note">
            {d.decisions[0] ? (
              <p>
                {t('decision.latest', { decision: t(`decisionKinds.${d.decisions[0].decision}`), by: d.decisions[0].officer, at: dt(d.decisions[0].createdAt) })}
              </p>
            ) : null}
            <p>{t('decision.notDecidable', { status: t(`statuses.${d.status}`) })}</p>
          </FocusTarget>
        )}
      </section>
    </article>
  );
}
