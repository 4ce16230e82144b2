import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { InstitutionCreateForm } from '@/components/admin/institution-forms';
import { listInstitutions } from '@/lib/admin/institutions';
import { isSystemAdmin } from '@/lib/auth/guards';
import { requireRole } from '@/lib/auth/actor';
import { DataTable } from '@/components/ui/data-table';
import { localName } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.institutions');
  return { title: t('title') };
}

export default async function InstitutionsPage() {
  const actor = await requireRole('ADMIN');
  const [t, locale, institutions] = await Promise.all([getTranslations(), getLocale(), listInstitutions(actor)]);
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">{t('admin.institutions.title')}</h1>
      <p className="muted">{t('admin.institutions.intro')}</p>
      <DataTable caption={t('admin.institutions.title')}>
        <thead>
          <tr>
            <th scope="col">{t('admin.institutions.columns.name')}</th>
            <th scope="col">{t('admin.institutions.columns.slug')}</th>
            <th scope="col" className="num">{t('admin.institutions.columns.departments')}</th>
            <th scope="col" className="num">{t('admin.institutions.columns.members')}</th>
            <th scope="col" className="num">{t('admin.institutions.columns.cycles')}</th>
            <th scope="col">{t('admin.institutions.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {institutions.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <Link href={`/admin/institutions/${i.slug}`}>{localName(locale, i)}</Link>
              </th>
              <td>
                <code>{i.slug}</code>
              </td>
              <td className="num">{i._count.departments}</td>
              <td className="num">{i._count.memberships}</td>
              <td className="num">{i._count.cycles}</td>
              <td>
                <span className={`badge ${i.retiredAt ? 'neutral' : 'ok'}`}>{t(i.retiredAt ? 'admin.common.retired' : 'admin.common.active')}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {isSystemAdmin(actor) ? (
        <div className="card">
          <InstitutionCreateForm />
        </div>
      ) : null}
    </section>
  );
}
