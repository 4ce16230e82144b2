import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ActionButton } from '@/components/ui/action-button';
import { CycleForm } from '@/components/admin/cycle-form';
import { nextStatuses, transitionFor } from '@/lib/admin/cycle-status';
import { cycleByCode } from '@/lib/admin/cycles';
import { foundOr404 } from '@/lib/auth/actor';
import { requireRole } from '@/lib/auth/actor';
import { setCycleStatusAction } from '@/lib/admin/cycle-actions';
import { localName, localTitle } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.cycles');
  return { title: t('title') };
}

export default async function CyclePage({ params }: { params: Promise<{ slug: string; code: string }> }) {
  const actor = await requireRole('ADMIN');
  const { slug, code } = await params;
  const c = await foundOr404(actor, await cycleByCode(actor, decodeURIComponent(slug), decodeURIComponent(code)), 'admin:scope', `DisclosureCycle:${slug}/${code}`);
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const institution = { id: c.institution.id, label: localName(locale, c.institution) };
  return (
    <section className="stack">
      <p>
        <Link href="/admin/cycles">{t('admin.cycles.back')}</Link>
      </p>
      <div className="spread">
        <h1 id="page-title">{localTitle(locale, c)}</h1>
        <span className={`badge ${c.status === 'OPEN' ? 'ok' : c.status === 'CLOSED' ? 'info' : 'neutral'}`} data-testid="cycle-status">
          {t(`admin.cycles.status.${c.status}`)}
        </span>
      </div>
      <p className="muted">
        {institution.label} · <code>{c.code}</code>
      </p>
      <section aria-labelledby="status-title" className="card stack">
        <h2 id="status-title">{t('admin.cycles.statusTitle')}</h2>
        <p>{t(`admin.cycles.statusHelp.${c.status}`)}</p>
        <div className="row">
          {nextStatuses(c.status).map((to, i) => {
            const transition = transitionFor(c.status, to)!;
            return (
              // Keyed by place, not by target: after a transition the page re-renders with the next one, and
              // the same button keeps its outcome ("The cycle is open.") instead of unmounting with it.
              <ActionButton
                key={i}
                action={setCycleStatusAction}
                input={{ id: c.id, to }}
                label={t(`admin.cycles.transitions.${transition}`)}
                confirm={`admin.cycles.transitionConfirm.${transition}`}
                success={`admin.cycles.transitionDone.${transition}`}
                confirmLabel={t('admin.common.confirm')}
                cancelLabel={t('common.cancel')}
              />
            );
          })}
        </div>
      </section>
      <div className="card">
        <CycleForm value={c.form} id={c.id} institutions={[institution]} locked={c.status !== 'DRAFT'} />
      </div>
    </section>
  );
}
