import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { institutionOptions } from '@/lib/admin/institutions';
import { listPeople } from '@/lib/admin/people';
import { parsePeopleFilter } from '@/lib/admin/schemas/person';
import { requireRole } from '@/lib/auth/actor';
import { ROLES } from '@/lib/auth/roles';
import { DataTable } from '@/components/ui/data-table';
import { localName } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.people');
  return { title: t('title') };
}

const STATUS_BADGE = { active: 'ok', invited: 'review', disabled: 'flag' } as const;

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole('ADMIN');
  const filter = parsePeopleFilter(await searchParams);
  const [t, format, locale, page, institutions] = await Promise.all([getTranslations(), getFormatter(), getLocale(), listPeople(actor, filter), institutionOptions(actor)]);
  const next = page.nextAfter ? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v)), after: page.nextAfter }).toString()}` : null;
  return (
    <section aria-labelledby="page-title" className="stack">
      <div className="spread">
        <h1 id="page-title">{t('admin.people.title')}</h1>
        <Link href="/admin/people/invite" className="button primary">
          {t('admin.people.invite')}
        </Link>
      </div>
      <form method="get" className="filter-bar card" role="search" aria-label={t('admin.people.filterLabel')}>
        <div className="field">
          <label htmlFor="f-q">{t('admin.people.filters.q')}</label>
          <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="f-inst">{t('admin.people.filters.institution')}</label>
          <select id="f-inst" name="institution" defaultValue={filter.institution ?? ''}>
            <option value="">{t('admin.common.all')}</option>
            {institutions.map((i) => (
              <option key={i.id} value={i.id}>
                {localName(locale, i)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-role">{t('admin.people.filters.role')}</label>
          <select id="f-role" name="role" defaultValue={filter.role ?? ''}>
            <option value="">{t('admin.common.all')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`admin.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t('admin.people.filters.status')}</label>
          <select id="f-status" name="status" defaultValue={filter.status ?? ''}>
            <option value="">{t('admin.common.all')}</option>
            {(['active', 'invited', 'disabled'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`admin.people.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="row filter-actions">
          <button type="submit" className="button">
            {t('admin.common.filter')}
          </button>
          <Link href="/admin/people">{t('admin.common.clear')}</Link>
        </div>
      </form>
      {page.people.length ? (
        <DataTable caption={t('admin.people.title')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.people.columns.name')}</th>
              <th scope="col">{t('admin.people.columns.email')}</th>
              <th scope="col">{t('admin.people.columns.roles')}</th>
              <th scope="col">{t('admin.people.columns.status')}</th>
              <th scope="col">{t('admin.people.columns.lastSignIn')}</th>
            </tr>
          </thead>
          <tbody>
            {page.people.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link href={`/admin/people/${p.id}`}>{p.displayName}</Link>
                </th>
                <td>{p.email}</td>
                <td>
                  <ul className="plain-list">
                    {p.memberships.map((m) => (
                      <li key={m.id}>
                        {t(`admin.roles.${m.role}`)}
                        {' · '}
                        {m.allInstitutions ? t('admin.common.allInstitutions') : m.institution ? localName(locale, m.institution) : ''}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <span className={`badge ${STATUS_BADGE[p.status]}`}>{t(`admin.people.status.${p.status}`)}</span>
                  {p.mfaEnabled ? <span className="badge info">{t('admin.people.mfaOn')}</span> : null}
                </td>
                <td>{p.lastSignInAt ? format.dateTime(p.lastSignInAt, { dateStyle: 'medium', timeStyle: 'short' }) : t('admin.people.never')}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : (
        <p>{t('admin.people.none')}</p>
      )}
      {next ? (
        <p>
          <Link href={next}>{t('admin.common.nextPage')}</Link>
        </p>
      ) : null}
    </section>
  );
}
