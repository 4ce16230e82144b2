// Watchlist matches of the organisations this disclosure names: how close, which names matched, on which
// list, and the officer's decision (remembered per organisation). Lists loaded from samples say so.
import { getFormatter, getTranslations } from 'next-intl/server';
import type { MatchView } from '@/lib/review/matches';
import { MatchDecision } from './match-decision';
import { textLang } from '@/lib/i18n/text-lang';
import { localName } from '@/lib/i18n/local-text';

const STATUS_CLASS = { PENDING: 'review', CONFIRMED: 'flag', DISMISSED: 'neutral' } as const;

export async function MatchesList({ disclosureId, matches, locale }: { disclosureId: string; matches: MatchView[]; locale: string }) {
  const t = await getTranslations('review.matches');
  const format = await getFormatter();
  if (!matches.length) return <p className="muted">{t('none')}</p>;
  return (
    <div className="stack">
      {matches.some((m) => m.watchlist.isSample) ? (
        <p className="form-notice" role="note">
          {t('sampleNotice')}
        </p>
      ) : null}
      <ol className="matches">
        {matches.map((m) => {
          const organisation = m.disclosedNames.join(' / ');
          return (
            <li key={m.id} className="match">
              <h3 className="match-title">
                <span className={`badge ${STATUS_CLASS[m.status]}`}>{t(`statuses.${m.status}`)}</span> <span lang={textLang(organisation)}>{organisation}</span>
                {' → '}
                <span lang={textLang(m.entry.name)}>{m.entry.name}</span>
                {m.entry.nameJa ? (
                  <>
                    （<span lang="ja">{m.entry.nameJa}</span>）
                  </>
                ) : null}
              </h3>
              <dl className="review-fields">
                <div>
                  <dt>{t('list')}</dt>
                  <dd>
                    {localName(locale, m.watchlist)} ({m.entry.reference}){m.watchlist.isSample ? <span className="badge neutral">{t('sample')}</span> : null}
                    {m.entry.retired ? <span className="badge neutral">{t('retired')}</span> : null}
                  </dd>
                </div>
                <div>
                  <dt>{t('score')}</dt>
                  <dd>{format.number(m.score, { style: 'percent', maximumFractionDigits: 0 })}</dd>
                </div>
                <div>
                  <dt>{t('matchedNames')}</dt>
                  <dd>
                    {m.matchedNames.length === 0
                      ? '—'
                      : m.matchedNames.map((n, i) => (
                          <span key={n}>
                            {i > 0 ? ' / ' : null}
                            <span lang={textLang(n)}>{n}</span>
                          </span>
                        ))}
                  </dd>
                </div>
                {m.entry.country || m.entry.concern ? (
                  <div>
                    <dt>{t('concern')}</dt>
                    <dd>{[m.entry.country, m.entry.concern].filter(Boolean).join(' · ')}</dd>
                  </div>
                ) : null}
                {m.decidedAt ? (
                  <div>
                    <dt>{t('decided')}</dt>
                    <dd>
                      {t('decidedBy', { by: m.decidedBy ?? '—', at: format.dateTime(m.decidedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                      {m.note ? ` — ${m.note}` : ''}
                    </dd>
                  </div>
                ) : null}
              </dl>
              <p className="field-help">{t('remembered')}</p>
              <MatchDecision disclosureId={disclosureId} matchId={m.id} status={m.status} organisation={organisation} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
