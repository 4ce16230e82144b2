import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { TaskList } from '@/components/config/task-list';
import { GrantsImportForm } from '@/components/grants/import-form';
import { recentGrantImports } from '@/lib/grants/admin';
import { grantStats } from '@/lib/grants/import';
import { requireSystemAdmin } from '@/lib/auth/actor';
import { DataTable } from '@/components/ui/data-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('grants');
  return { title: t('title') };
}

const COLUMNS = [
  ['erad_number', 'eradNumber'],
  ['project_number', 'projectNumber'],
  ['fiscal_year', 'fiscalYear'],
  ['role', 'role'],
  ['amount_jpy', 'amount'],
  ['title', 'title'],
] as const;

const EXAMPLE = 'erad_number,project_number,fiscal_year,role,amount_jpy,title\n10000001,24H00001,2026,PI,"12,000,000",…';

export default async function GrantsPage() {
  await requireSystemAdmin('/admin/grants');
  const [t, format, stats, recent] = await Promise.all([getTranslations('grants'), getFormatter(), grantStats(), recentGrantImports()]);
  const yen = (n: bigint | null) => (n === null ? '—' : format.number(Number(n), { style: 'currency', currency: 'JPY' }));
  return (
    <section aria-labelledby="page-title" className="stack config-page">
      <h1 id="page-title">{t('title')}</h1>
      <p>{t('intro')}</p>

      <section aria-labelledby="layout-title" className="card stack">
        <h2 id="layout-title">{t('layout.title')}</h2>
        <p>{t('layout.body')}</p>
        <DataTable caption={t('layout.title')}>
          <thead>
            <tr>
              <th scope="col">{t('layout.column')}</th>
              <th scope="col">{t('layout.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {COLUMNS.map(([column, key]) => (
              <tr key={column}>
                <td>
                  <code>{column}</code>
                </td>
                <td>{t(`layout.${key}`)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        <pre className="code-sample">{EXAMPLE}</pre>
        <p className="muted">{t('layout.sample')}</p>
      </section>

      <section aria-labelledby="stats-title" className="stack">
        <h2 id="stats-title">{t('stats.title')}</h2>
        {stats.records === 0 ? (
          <p className="muted">{t('stats.none')}</p>
        ) : (
          <dl className="facts" data-testid="grant-stats">
            <dt>{t('stats.records')}</dt>
            <dd>{format.number(stats.records)}</dd>
            <dt>{t('stats.researchers')}</dt>
            <dd>{format.number(stats.researchers)}</dd>
            <dt>{t('stats.years')}</dt>
            <dd>
              {stats.minYear}–{stats.maxYear}
            </dd>
            <dt>{t('stats.total')}</dt>
            <dd>{yen(stats.total)}</dd>
          </dl>
        )}
      </section>

      <section aria-labelledby="grants-import-title" className="card stack">
        <h2 id="grants-import-title">{t('import.title')}</h2>
        <GrantsImportForm />
      </section>

      <section aria-labelledby="recent-title" className="stack">
        <h2 id="recent-title">{t('recent.title')}</h2>
        {recent.length === 0 ? (
          <p className="muted">{t('recent.none')}</p>
        ) : (
          <DataTable caption={t('recent.title')}>
            <thead>
              <tr>
                <th scope="col">{t('recent.columns.date')}</th>
                <th scope="col">{t('recent.columns.by')}</th>
                <th scope="col">{t('recent.columns.file')}</th>
                <th scope="col" className="num">{t('recent.columns.added')}</th>
                <th scope="col" className="num">{t('recent.columns.updated')}</th>
                <th scope="col" className="num">{t('recent.columns.rejected')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((r) => {
                const d = r.details as { fileName?: string; added?: number; updated?: number; rejected?: number };
                return (
                  <tr key={String(r.id)}>
                    <td>{format.dateTime(r.occurredAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                    <td>{r.actorEmail ?? '—'}</td>
                    <td>{d.fileName ?? '—'}</td>
                    <td className="num">{d.added ?? 0}</td>
                    <td className="num">{d.updated ?? 0}</td>
                    <td className="num">{d.rejected ?? 0}</td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        )}
      </section>
      <TaskList />
    </section>
  );
}
