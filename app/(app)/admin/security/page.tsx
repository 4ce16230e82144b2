import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MfaPolicyForm } from '@/components/admin/mfa-policy-form';
import { securitySettings } from '@/lib/admin/security-settings';
import { denyUnlessSystemAdmin, requireRole } from '@/lib/auth/actor';
import { DataTable } from '@/components/ui/data-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.security');
  return { title: t('title') };
}

export default async function SecurityPage() {
  const actor = await requireRole('ADMIN');
  await denyUnlessSystemAdmin(actor, 'admin/security');
  const [t, s] = await Promise.all([getTranslations(), securitySettings(actor)]);
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">{t('admin.security.title')}</h1>
      <p>{t('admin.security.intro')}</p>
      <p className={s.isDefault ? 'form-notice' : 'muted'}>{t(s.isDefault ? 'admin.security.usingDefault' : 'admin.security.usingSetting')}</p>
      <div className="card">
        <MfaPolicyForm value={{ requiredRoles: s.roles }} />
      </div>
      <section aria-labelledby="enrolment-title" className="card stack">
        <h2 id="enrolment-title">{t('admin.security.enrolmentTitle')}</h2>
        <DataTable caption={t('admin.security.enrolmentTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.people.columns.role')}</th>
              <th scope="col" className="num">{t('admin.security.enrolled')}</th>
              <th scope="col" className="num">{t('admin.security.total')}</th>
            </tr>
          </thead>
          <tbody>
            {s.byRole.map((r) => (
              <tr key={r.role}>
                <th scope="row">{t(`admin.roles.${r.role}`)}</th>
                <td className="num">{r.enrolled}</td>
                <td className="num">{r.total}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
    </section>
  );
}
