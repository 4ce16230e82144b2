import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { adminOverview } from '@/lib/admin/overview';
import { requireRole } from '@/lib/auth/actor';
import { DataTable } from '@/components/ui/data-table';
import { localName, localTitle } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('home');
  return { title: t('admin.title') };
}

export default async function AdminHome() {
  const actor = await requireRole('ADMIN');
  const [t, format, locale, o] = await Promise.all([getTranslations(), getFormatter(), getLocale(), adminOverview(actor)]);
  const figures = [
    { label: t('admin.overview.institutions'), value: o.institutions, href: '/admin/institutions' },
    { label: t('admin.overview.people'), value: o.people, href: '/admin/people' },
    { label: t('admin.overview.invited'), value: o.invited, href: '/admin/people?status=invited' },
    { label: t('admin.overview.disabled'), value: o.disabled, href: '/admin/people?status=disabled' },
  ];
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">{t('home.admin.title')}</h1>
      <p className="muted">{t('admin.overview.intro')}</p>
      <ul className="admin-figures" aria-label={t('admin.overview.figures')}>
        {figures.map((f) => (
          <li key={f.href} className="card">
            <Link href={f.href}>
              <span className="admin-figure">{format.number(f.value)}</span> {f.label}
            </Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="cycles-title" className="card stack">
        <div className="spread">
          <h2 id="cycles-title">{t('admin.overview.cyclesTitle')}</h2>
          <Link href="/admin/cycles/new" className="button">
            {t('admin.cycles.new')}
          </Link>
        </div>
        {o.cycles.length ? (
          <DataTable caption={t('admin.overview.cyclesTitle')}>
            <thead>
              <tr>
                <th scope="col">{t('admin.cycles.columns.cycle')}</th>
                <th scope="col">{t('admin.cycles.columns.institution')}</th>
                <th scope="col">{t('admin.cycles.columns.status')}</th>
                <th scope="col">{t('admin.cycles.columns.filingDeadline')}</th>
              </tr>
            </thead>
            <tbody>
              {o.cycles.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link href={`/admin/cycles/${c.institution.slug}/${c.code}`}>{localTitle(locale, c)}</Link>
                  </th>
                  <td>{localName(locale, c.institution)}</td>
                  <td>
                    <span className={`badge ${c.status === 'OPEN' ? 'ok' : 'neutral'}`}>{t(`admin.cycles.status.${c.status}`)}</span>
                  </td>
                  <td>{format.dateTime(c.filingDeadline, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : (
          <p>{t('admin.overview.noCycles')}</p>
        )}
      </section>
      <section aria-labelledby="recent-title" className="card stack">
        <div className="spread">
          <h2 id="recent-title">{t('admin.overview.recentTitle')}</h2>
          <Link href="/admin/audit?action=admin.">{t('admin.overview.allEvents')}</Link>
        </div>
        {o.recent.length ? (
          <ul className="plain-list">
            {o.recent.map((e) => (
              <li key={e.id}>
                <time dateTime={e.occurredAt.toISOString()}>{format.dateTime(e.occurredAt, { dateStyle: 'short', timeStyle: 'short' })}</time>{' '}
                <code>{e.action}</code> <span className="muted">{e.actorEmail}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('admin.overview.noEvents')}</p>
        )}
      </section>
    </section>
  );
}
