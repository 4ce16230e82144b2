// The frame of every page of one disclosure: which cycle, its status and deadline, and the steps.
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { sectionLabels } from '@/lib/disclosures/labels';
import { sectionKeys } from '@/lib/disclosures/sections';
import type { FilingView } from '@/lib/filing/view';
import { FilingNav, type Step } from './filing-nav';
import { StatusBadge } from './status-badge';
import { localTitle } from '@/lib/i18n/local-text';

export async function FilingFrame({ view, children }: { view: FilingView; children: ReactNode }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const base = `/disclosures/${view.id}`;
  const editable = view.editability.editable;
  const steps: Step[] = [
    { href: base, label: t('filing.steps.overview') },
    ...sectionKeys.map((key, i) => ({
      href: `${base}/${key}`,
      label: `${i + 1}. ${t(sectionLabels[key].title)}`,
      ...(editable ? { state: view.progress.sections[i]!.state } : {}),
    })),
    { href: `${base}/attachments`, label: `8. ${t('filing.steps.attachments')}` },
    { href: `${base}/review`, label: `9. ${t('filing.steps.review')}` },
    ...(view.versionCount > 0 ? [{ href: `${base}/versions`, label: t('filing.steps.versions') }] : []),
  ];
  const title = localTitle(locale, view.cycle);
  return (
    <div className="filing">
      <div className="filing-header">
        <p className="breadcrumb">
          <Link href="/disclosures">{t('home.researcher.title')}</Link> <span aria-hidden="true">›</span> {title}
        </p>
        <p className="row filing-meta">
          <StatusBadge status={view.status} />
          {view.editability.editable && view.editability.mode === 'update' ? <span className="badge info">{t('filing.status.updateInProgress')}</span> : null}
          <span className="muted">
            {t('filing.home.deadline', { date: format.dateTime(view.cycle.filingDeadline, { dateStyle: 'long' }) })}
          </span>
        </p>
      </div>
      <div className="filing-layout">
        <FilingNav steps={steps} label={t('filing.steps.label')} />
        <div className="filing-body stack">{children}</div>
      </div>
    </div>
  );
}
