import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { TaskList } from '@/components/config/task-list';
import { CreateRulesetForm } from '@/components/rules/create-ruleset-form';
import { NewDraftButton } from '@/components/rules/version-buttons';
import { listRulesets } from '@/lib/rules/rulesets';
import { requireSystemAdmin } from '@/lib/auth/actor';
import { DataTable } from '@/components/ui/data-table';
import { localName } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('rules');
  return { title: t('title') };
}

const BADGE = { DRAFT: 'neutral', ACTIVE: 'ok', RETIRED: 'neutral' } as const;

export default async function RulesPage() {
  await requireSystemAdmin('/admin/rules');
  const [t, format, locale, rulesets] = await Promise.all([getTranslations('rules'), getFormatter(), getLocale(), listRulesets()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="page-title" className="stack config-page">
      <h1 id="page-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      <p className="muted">{t('howToChange')}</p>
      <p className="muted">{t('viewDoc')}</p>
      <h2>{t('rulesets.title')}</h2>
      {rulesets.length === 0 ? <p className="muted">{t('rulesets.none')}</p> : null}
      {rulesets.map((rs) => {
        const draft = rs.versions.find((v) => v.status === 'DRAFT');
        return (
          <section key={rs.id} aria-labelledby={`rs-${rs.code}`} className="card stack" data-ruleset={rs.code}>
            <h3 id={`rs-${rs.code}`}>
              {localName(locale, rs)} <code>{rs.code}</code>
            </h3>
            {rs.versions.length === 0 ? null : (
              <DataTable caption={localName(locale, rs)}>
                <thead>
                  <tr>
                    <th scope="col">{t('rulesets.columns.version')}</th>
                    <th scope="col">{t('rulesets.columns.status')}</th>
                    <th scope="col">{t('rulesets.columns.effective')}</th>
                    <th scope="col" className="num">{t('rulesets.columns.rules')}</th>
                    <th scope="col">{t('rulesets.columns.note')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rs.versions.map((v) => (
                    <tr key={v.id}>
                      <td>
                        <Link href={`/admin/rules/${rs.code}/${v.version}`}>{t('rulesets.versionLink', { version: v.version })}</Link>
                      </td>
                      <td>
                        <span className={`badge ${BADGE[v.status]}`}>{t(`status.${v.status}`)}</span>
                      </td>
                      <td>
                        {!v.effectiveFrom
                          ? t('rulesets.notYet')
                          : v.effectiveTo
                            ? t('rulesets.effectiveRange', { from: when(v.effectiveFrom), to: when(v.effectiveTo) })
                            : t('rulesets.effectiveFrom', { from: when(v.effectiveFrom) })}
                      </td>
                      <td className="num">{v._count.rules}</td>
                      <td>{v.note ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            )}
            {draft ? (
              <p>
                <Link className="button" href={`/admin/rules/${rs.code}/${draft.version}`}>
                  {t('rulesets.openDraft', { version: draft.version })}
                </Link>
              </p>
            ) : (
              <NewDraftButton rulesetId={rs.id} />
            )}
          </section>
        );
      })}
      <details className="card">
        <summary>{t('createRuleset.title')}</summary>
        <CreateRulesetForm />
      </details>
      <TaskList />
    </section>
  );
}
