import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TaskList } from '@/components/config/task-list';
import { ActivateForm } from '@/components/rules/activate-form';
import { DryRun } from '@/components/rules/dry-run';
import { RuleEditor } from '@/components/rules/rule-editor';
import { DeleteRuleButton, DiscardDraftButton, NewDraftButton } from '@/components/rules/version-buttons';
import { ViewReference } from '@/components/rules/view-reference';
import { deny } from '@/lib/auth/actor';
import { readBooleanParam } from '@/lib/params/boolean';
import { cycleChoices } from '@/lib/rules/dry-run';
import { versionByNumber } from '@/lib/rules/rulesets';
import { requireSystemAdmin } from '@/lib/auth/actor';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('rules');
  return { title: t('title') };
}

const SEVERITY_BADGE = { INFO: 'info', REVIEW: 'review', FLAG: 'flag' } as const;

export default async function RulesetVersionPage({
  params,
  searchParams,
}: {
  params: Promise<{ ruleset: string; version: string }>;
  searchParams: Promise<{ activated?: string }>;
}) {
  const p = await params;
  const resource = `/admin/rules/${p.ruleset}/${p.version}`;
  const actor = await requireSystemAdmin(resource);
  const justActivated = readBooleanParam((await searchParams).activated);
  if (justActivated === null) notFound();
  const number = Number.parseInt(p.version, 10);
  const v = Number.isSafeInteger(number) ? await versionByNumber(p.ruleset, number) : null;
  if (!v) return deny(actor, 'admin:national', resource);
  const [t, format, locale] = await Promise.all([getTranslations('rules'), getFormatter(), getLocale()]);
  const draft = v.status === 'DRAFT';
  const cycles = draft ? await cycleChoices() : [];
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const pick = (ja: string, en: string) => (locale === 'ja' ? ja : en);
  return (
    <section aria-labelledby="page-title" className="stack config-page">
      <p>
        <Link href="/admin/rules">{t('version.back')}</Link>
      </p>
      <h1 id="page-title">{t('version.heading', { ruleset: pick(v.ruleset.nameJa, v.ruleset.nameEn), version: v.version })}</h1>
      {justActivated && v.status === 'ACTIVE' ? (
        <p role="status" className="form-success">
          {t('activate.done')}
        </p>
      ) : null}
      <p className={draft ? 'form-notice' : 'muted'}>{draft ? t('version.draftNote') : t('version.immutable')}</p>
      <dl className="facts" aria-label={t('version.facts')}>
        <dt>{t('version.statusLabel')}</dt>
        <dd>
          <span className="badge neutral" data-testid="version-status">
            {t(`status.${v.status}`)}
          </span>
        </dd>
        <dt>{t('version.effectiveLabel')}</dt>
        <dd>
          {!v.effectiveFrom
            ? t('rulesets.notYet')
            : v.effectiveTo
              ? t('rulesets.effectiveRange', { from: when(v.effectiveFrom), to: when(v.effectiveTo) })
              : t('rulesets.effectiveFrom', { from: when(v.effectiveFrom) })}
        </dd>
        <dt>{t('version.viewLabel')}</dt>
        <dd>{t('version.viewValue', { version: v.viewVersion })}</dd>
        {v.note ? (
          <>
            <dt>{t('version.noteLabel')}</dt>
            <dd>{v.note}</dd>
          </>
        ) : null}
      </dl>
      {!draft && v.status === 'ACTIVE' ? <NewDraftButton rulesetId={v.ruleset.id} /> : null}

      <h2>{t('version.rules', { count: v.rules.length })}</h2>
      {draft ? <ViewReference /> : null}
      {v.rules.length === 0 ? <p className="muted">{t('version.noRules')}</p> : null}
      <ul className="plain-list stack">
        {v.rules.map((r) => (
          <li key={r.id} className="card stack" data-rule={r.code}>
            <h3 className="spread">
              <span>
                <code>{r.code}</code> {pick(r.titleJa, r.titleEn)}
              </span>
              <span className={`badge ${SEVERITY_BADGE[r.severity]}`}>{t(`severity.${r.severity}`)}</span>
            </h3>
            {draft ? (
              <>
                <details className="inline-edit">
                  <summary>{t('rule.edit')}</summary>
                  <RuleEditor versionId={v.id} rule={r} />
                </details>
                <DeleteRuleButton ruleId={r.id} />
              </>
            ) : null}
            <dl className="facts">
              <dt>{t('rule.forEach')}</dt>
              <dd>{r.forEach ? t(`rule.forEachOption.${r.forEach}`) : t('rule.forEachNone')}</dd>
              <dt>{t('rule.expression')}</dt>
              <dd>
                <pre className="code-sample">{r.expression}</pre>
              </dd>
              <dt>{t('rule.messageJa')}</dt>
              <dd lang="ja">{r.messageJa}</dd>
              <dt>{t('rule.messageEn')}</dt>
              <dd lang="en">{r.messageEn}</dd>
              <dt>{t('rule.citationJa')}</dt>
              <dd lang="ja">{r.citationJa}</dd>
              <dt>{t('rule.citationEn')}</dt>
              <dd lang="en">{r.citationEn}</dd>
              {r.params && Object.keys(r.params as object).length ? (
                <>
                  <dt>{t('rule.params')}</dt>
                  <dd>
                    <code>{JSON.stringify(r.params)}</code>
                  </dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>

      {draft ? (
        <>
          <details className="card">
            <summary>{t('rule.add')}</summary>
            <RuleEditor versionId={v.id} />
          </details>
          <section aria-labelledby="dry-run-title" className="card stack">
            <h2 id="dry-run-title">{t('dryRun.title')}</h2>
            <p className="muted">{t('dryRun.help')}</p>
            <DryRun versionId={v.id} cycles={cycles} />
          </section>
          <section aria-labelledby="activate-title" className="card stack">
            <h2 id="activate-title">{t('activate.title')}</h2>
            <p className="muted">{t('activate.help')}</p>
            <ActivateForm versionId={v.id} />
          </section>
          <DiscardDraftButton versionId={v.id} />
        </>
      ) : null}
      <TaskList />
    </section>
  );
}
