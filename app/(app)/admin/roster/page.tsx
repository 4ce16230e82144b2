import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { RosterImport } from '@/components/admin/roster-import';
import { institutionOptions } from '@/lib/admin/institutions';
import { ROSTER_COLUMNS } from '@/lib/admin/roster-parse';
import { requireRole } from '@/lib/auth/actor';
import { DataTable } from '@/components/ui/data-table';
import { localName } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.roster');
  return { title: t('title') };
}

export default async function RosterPage() {
  const actor = await requireRole('ADMIN');
  const [t, locale, institutions] = await Promise.all([getTranslations(), getLocale(), institutionOptions(actor)]);
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">{t('admin.roster.title')}</h1>
      <p>{t('admin.roster.intro')}</p>
      <details className="card">
        <summary>{t('admin.roster.formatTitle')}</summary>
        <div className="stack">
          <p>{t('admin.roster.formatIntro')}</p>
          <DataTable caption={t('admin.roster.formatTitle')}>
            <thead>
              <tr>
                <th scope="col">{t('admin.roster.formatColumns.column')}</th>
                <th scope="col">{t('admin.roster.formatColumns.meaning')}</th>
              </tr>
            </thead>
            <tbody>
              {ROSTER_COLUMNS.map((c) => (
                <tr key={c}>
                  <th scope="row">
                    <code>{c}</code>
                  </th>
                  <td>{t(`admin.roster.columnHelp.${c}`)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <p>{t('admin.roster.formatRules')}</p>
          <p>
            <a href="/admin/roster/sample" download>
              {t('admin.roster.sample')}
            </a>
          </p>
        </div>
      </details>
      <RosterImport institutions={institutions.map((i) => ({ id: i.id, label: localName(locale, i) }))} />
    </section>
  );
}
