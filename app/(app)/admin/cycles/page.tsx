import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { listCycles } from '@/lib/admin/cycles';
import { requireRole } from '@/lib/auth/actor';
import { DataTable } from '@/components/ui/data-table';
import { localName, localTitle } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.cycles');
  return { title: t('title') };
}

const BADGE = { DRAFT: 'neutral', OPEN: 'ok', CLOSED: 'info' } as const;

export default async function CyclesPage({ searchParams }: { searchParams: Promise<{ institution?: string }> }) {
  const actor = await requireRole('ADMIN');
  const { institution } = await searchParams;
  const filter = institution && /^[0-9a-f-]{36}$/i.test(institution) ? institution : undefined;
  const [t, format, locale, cycles] = await Promise.all([getTranslations(), getFormatter(), getLocale(), listCycles(actor, { institutionId: filter })]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="page-title" className="stack">
      <div className="spread">
        <h1 id="page-title">{t('admin.cycles.title')}</h1>
        <Link href="/admin/cycles/new" className="button primary">
          {t('admin.cycles.new')}
        </Link>
      </div>
      <p className="muted">{t('admin.cycles.intro')}</p>
      {cycles.length ? (
        <DataTable caption={t('admin.cycles.title')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.cycles.columns.cycle')}</th>
              <th scope="col">{t('admin.cycles.columns.institution')}</th>
              <th scope="col">{t('admin.cycles.columns.status')}</th>
              <th scope="col">{t('admin.cycles.columns.opensAt')}</th>
              <th scope="col">{t('admin.cycles.columns.filingDeadline')}</th>
              <th scope="col">{t('admin.cycles.columns.reviewDeadline')}</th>
              <th scope="col" className="num">{t('admin.cycles.columns.disclosures')}</th>
            </tr>
          </thead>
          <tbody>
            {cycles.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link href={`/admin/cycles/${c.institution.slug}/${encodeURIComponent(c.code)}`}>{localTitle(locale, c)}</Link>
                  <br />
                  <code>{c.code}</code>
                </th>
                <td>{localName(locale, c.institution)}</td>
                <td>
                  <span className={`badge ${BADGE[c.status]}`}>{t(`admin.cycles.status.${c.status}`)}</span>
                </td>
                <td>{when(c.opensAt)}</td>
                <td>{when(c.filingDeadline)}</td>
                <td>{when(c.reviewDeadline)}</td>
                <td className="num">{c._count.disclosures}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : (
        <p>{t('admin.cycles.none')}</p>
      )}
    </section>
  );
}
