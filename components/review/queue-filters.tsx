// The queue's filter form: a GET form whose fields are the URL parameters of lib/review/queue-params.ts,
// so applying it makes a URL that can be bookmarked and shared. Labels on every control; keyboard only.
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { QueueOptions } from '@/lib/review/options';
import { QUEUE_SORTS, QUEUE_STATUSES, type QueueParams, SEVERITY_FILTERS, WATCH_FILTERS, statusesOf } from '@/lib/review/queue-params';
import { localName, localTitle } from '@/lib/i18n/local-text';

export async function QueueFilters({ params, options, locale }: { params: QueueParams; options: QueueOptions; locale: string }) {
  const t = await getTranslations('review');
  const statuses = statusesOf(params);
  return (
    <form method="get" action="/review" className="queue-filters card" aria-labelledby="filters-title" role="search">
      <h2 id="filters-title" className="visually-hidden">
        {t('filters.title')}
      </h2>
      <div className="filter-grid">
        <div className="field filter-search">
          <label htmlFor="f-q">{t('filters.q')}</label>
          <input id="f-q" name="q" type="search" defaultValue={params.q ?? ''} maxLength={100} aria-describedby="f-q-help" />
          <p id="f-q-help" className="field-help">
            {t('filters.qHelp')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="f-cycle">{t('filters.cycle')}</label>
          <select id="f-cycle" name="cycle" defaultValue={params.cycle ?? ''}>
            <option value="">{t('filters.any')}</option>
            {options.cycles.map((c) => (
              <option key={c.id} value={c.id}>
                {localTitle(locale, c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-dept">{t('filters.department')}</label>
          <select id="f-dept" name="dept" defaultValue={params.dept ?? ''}>
            <option value="">{t('filters.any')}</option>
            {options.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {localName(locale, d)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-rule">{t('filters.rule')}</label>
          <select id="f-rule" name="rule" defaultValue={params.rule ?? ''}>
            <option value="">{t('filters.any')}</option>
            {options.rules.map((r) => (
              <option key={r.code} value={r.code}>
                {localTitle(locale, r)} ({r.code})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-assignee">{t('filters.assignee')}</label>
          <select id="f-assignee" name="assignee" defaultValue={params.assignee ?? ''}>
            <option value="">{t('filters.anyone')}</option>
            <option value="me">{t('filters.me')}</option>
            <option value="none">{t('filters.unassigned')}</option>
            {options.officers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-watch">{t('filters.watch')}</label>
          <select id="f-watch" name="watch" defaultValue={params.watch ?? ''}>
            <option value="">{t('filters.any')}</option>
            {WATCH_FILTERS.map((w) => (
              <option key={w} value={w}>
                {t(`filters.watchOptions.${w}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-sort">{t('filters.sort')}</label>
          <select id="f-sort" name="sort" defaultValue={params.sort ?? 'oldest'}>
            {QUEUE_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`queue.sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="filter-grid">
        <fieldset>
          <legend>{t('filters.status')}</legend>
          <div className="checks">
            {QUEUE_STATUSES.map((s) => (
              <label key={s} className="choice">
                <input type="checkbox" name="status" value={s} defaultChecked={statuses.includes(s)} /> {t(`statuses.${s}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('filters.severity')}</legend>
          <div className="checks">
            {SEVERITY_FILTERS.map((s) => (
              <label key={s} className="choice">
                <input type="checkbox" name="severity" value={s} defaultChecked={params.severity.includes(s)} /> {t(`severities.${s}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="row">
        <button type="submit" className="button primary">
          {t('filters.apply')}
        </button>
        <Link href="/review" className="button">
          {t('filters.clear')}
        </Link>
      </div>
    </form>
  );
}
