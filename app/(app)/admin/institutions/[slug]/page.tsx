import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ActionButton } from '@/components/ui/action-button';
import { DepartmentCreateForm, DepartmentRenameForm } from '@/components/admin/department-forms';
import { InstitutionRenameForm } from '@/components/admin/institution-forms';
import { institutionBySlug } from '@/lib/admin/institutions';
import { isSystemAdmin } from '@/lib/auth/guards';
import { foundOr404 } from '@/lib/auth/actor';
import { requireRole } from '@/lib/auth/actor';
import { retireDepartmentAction, retireInstitutionAction } from '@/lib/admin/institution-actions';
import { DataTable } from '@/components/ui/data-table';
import { localName } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.institutions');
  return { title: t('title') };
}

export default async function InstitutionPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requireRole('ADMIN');
  const { slug } = await params;
  const inst = await foundOr404(actor, await institutionBySlug(actor, decodeURIComponent(slug)), 'admin:scope', `Institution:${slug}`);
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const common = { confirmLabel: t('admin.common.confirm'), cancelLabel: t('common.cancel') };
  return (
    <section aria-labelledby="page-title" className="stack">
      <p>
        <Link href="/admin/institutions">{t('admin.institutions.back')}</Link>
      </p>
      <div className="spread">
        <h1 id="page-title">{localName(locale, inst)}</h1>
        {inst.retiredAt ? <span className="badge neutral">{t('admin.common.retired')}</span> : null}
      </div>
      <p className="muted">
        <code>{inst.slug}</code> · {inst.country} · {t('admin.institutions.counts', { members: inst._count.memberships, cycles: inst._count.cycles })}
      </p>
      <div className="row">
        <Link className="button" href={`/admin/people?institution=${inst.id}`}>
          {t('admin.institutions.viewPeople')}
        </Link>
        <Link className="button" href={`/admin/cycles?institution=${inst.id}`}>
          {t('admin.institutions.viewCycles')}
        </Link>
      </div>
      <div className="card">
        <InstitutionRenameForm value={{ id: inst.id, nameJa: inst.nameJa, nameEn: inst.nameEn }} />
      </div>

      <section aria-labelledby="departments-title" className="card stack">
        <h2 id="departments-title">{t('admin.departments.title')}</h2>
        <p className="muted">{t('admin.departments.intro')}</p>
        <DataTable caption={t('admin.departments.title')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.departments.columns.code')}</th>
              <th scope="col">{t('admin.departments.columns.name')}</th>
              <th scope="col" className="num">{t('admin.departments.columns.researchers')}</th>
              <th scope="col">{t('admin.departments.columns.status')}</th>
              <th scope="col">{t('admin.common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {inst.departments.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <code>{d.code}</code>
                </th>
                <td>
                  <span lang="ja">{d.nameJa}</span>
                  <br />
                  <span lang="en" className="muted">
                    {d.nameEn}
                  </span>
                </td>
                <td className="num">{d._count.profiles}</td>
                <td>
                  <span className={`badge ${d.retiredAt ? 'neutral' : 'ok'}`}>{t(d.retiredAt ? 'admin.common.retired' : 'admin.common.active')}</span>
                </td>
                <td className="stack">
                  <DepartmentRenameForm value={{ id: d.id, nameJa: d.nameJa, nameEn: d.nameEn }} code={d.code} />
                  <ActionButton
                    action={retireDepartmentAction}
                    input={{ id: d.id, retired: !d.retiredAt }}
                    label={t(d.retiredAt ? 'admin.departments.reinstate' : 'admin.departments.retire', { code: d.code })}
                    confirm={d.retiredAt ? undefined : 'admin.departments.retireConfirm'}
                    success={d.retiredAt ? 'admin.departments.reinstated' : 'admin.departments.retired'}
                    {...common}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        {inst.retiredAt ? null : <DepartmentCreateForm institutionId={inst.id} />}
      </section>

      {isSystemAdmin(actor) ? (
        <section aria-labelledby="retire-title" className="card stack">
          <h2 id="retire-title">{t(inst.retiredAt ? 'admin.institutions.reinstateTitle' : 'admin.institutions.retireTitle')}</h2>
          <p>{t(inst.retiredAt ? 'admin.institutions.reinstateBody' : 'admin.institutions.retireBody')}</p>
          <ActionButton
            action={retireInstitutionAction}
            input={{ id: inst.id, retired: !inst.retiredAt }}
            label={t(inst.retiredAt ? 'admin.institutions.reinstate' : 'admin.institutions.retire')}
            confirm={inst.retiredAt ? undefined : 'admin.institutions.retireConfirm'}
            success={inst.retiredAt ? 'admin.institutions.reinstated' : 'admin.institutions.retired'}
            danger={!inst.retiredAt}
            {...common}
          />
        </section>
      ) : null}
    </section>
  );
}
