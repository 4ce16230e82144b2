import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { requestAuditVerificationAction } from '@/lib/admin/audit-actions';
import { listAuditEvents } from '@/lib/admin/audit-log';
import { auditFilterFrom } from '@/lib/admin/schemas/audit-filter';
import { isSystemAdmin } from '@/lib/auth/guards';
import { ActionButton } from '@/components/ui/action-button';
import { auditActionKey } from '@/lib/audit/actions';
import { latestCheckpoint } from '@/lib/audit/checkpoint';
import { requireRole } from '@/lib/auth/actor';
import { DataTable } from '@/components/ui/data-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.audit');
  return { title: t('title') };
}

const OUTCOME_BADGE = { SUCCESS: 'ok', DENIED: 'flag', FAILURE: 'review' } as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole('ADMIN');
  const filter = auditFilterFrom(await searchParams);
  const [t, format, page, chain] = await Promise.all([getTranslations(), getFormatter(), listAuditEvents(actor, filter), latestCheckpoint()]);
  const age = chain ? format.relativeTime(chain.verifiedAt, chain.readAt) : '';
  const { before: _before, ...shown } = filter;
  const query = (extra: Record<string, string>) => new URLSearchParams({ ...Object.fromEntries(Object.entries(shown).filter((e): e is [string, string] => !!e[1])), ...extra }).toString();
  const fields = [
    { name: 'actor', type: 'search' },
    { name: 'action', type: 'search' },
    { name: 'entityType', type: 'search' },
    { name: 'entityId', type: 'search' },
    { name: 'from', type: 'datetime-local' },
    { name: 'to', type: 'datetime-local' },
  ] as const;
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">{t('admin.audit.title')}</h1>
      <p className="muted">{t(isSystemAdmin(actor) ? 'admin.audit.introAll' : 'admin.audit.introInstitution')}</p>
      <div className="row">
        <p role="status" className={!chain ? 'muted' : chain.ok ? 'form-success' : 'form-error'} data-testid="chain-status">
          {!chain
            ? t('admin.audit.chainUnverified')
            : chain.ok
              ? t('admin.audit.chainOk', { count: chain.eventCount, seq: chain.sealSeq, head: chain.sealHash.slice(0, 16), age })
              : t('admin.audit.chainBroken', { id: chain.brokenId ?? '', reason: t(`admin.audit.breakReason.${chain.reason ?? 'hash-mismatch'}`), count: chain.eventCount, age })}
        </p>
        <ActionButton action={requestAuditVerificationAction} input={{}} label={t('admin.audit.verifyNow')} success="admin.audit.verifyRequested" />
      </div>
      <form method="get" className="filter-bar card" role="search" aria-label={t('admin.audit.filterLabel')}>
        {fields.map((f) => (
          <div className="field" key={f.name}>
            <label htmlFor={`a-${f.name}`}>{t(`admin.audit.filters.${f.name}`)}</label>
            <input id={`a-${f.name}`} name={f.name} type={f.type} defaultValue={shown[f.name] ?? ''} />
          </div>
        ))}
        <p className="field-help filter-help">{t('admin.audit.filterHelp')}</p>
        <div className="row filter-actions">
          <button type="submit" className="button">
            {t('admin.common.filter')}
          </button>
          <Link href="/admin/audit">{t('admin.common.clear')}</Link>
          <a className="button" href={`/admin/audit/export?${query({})}`} download>
            {t('admin.audit.export')}
          </a>
        </div>
      </form>
      {page.events.length ? (
        <DataTable caption={t('admin.audit.title')} className="audit-table">
          <thead>
            <tr>
              <th scope="col" className="num">{t('admin.audit.columns.id')}</th>
              <th scope="col">{t('admin.audit.columns.time')}</th>
              <th scope="col">{t('admin.audit.columns.actor')}</th>
              <th scope="col">{t('admin.audit.columns.action')}</th>
              <th scope="col">{t('admin.audit.columns.record')}</th>
              <th scope="col">{t('admin.audit.columns.outcome')}</th>
              <th scope="col">{t('admin.audit.columns.details')}</th>
            </tr>
          </thead>
          <tbody>
            {page.events.map((e) => (
              <tr key={e.id}>
                <td className="num">{e.id}</td>
                <td>
                  <time dateTime={e.occurredAt.toISOString()}>{format.dateTime(e.occurredAt, { dateStyle: 'short', timeStyle: 'medium' })}</time>
                </td>
                <td>{e.actorEmail ?? <span className="muted">{t('admin.audit.system')}</span>}</td>
                <th scope="row">
                  {t.has(`auditActions.${auditActionKey(e.action)}`) ? <span className="audit-action">{t(`auditActions.${auditActionKey(e.action)}`)}</span> : null}{' '}
                  <code>{e.action}</code>
                </th>
                <td>
                  {e.entityType ? (
                    <Link href={`/admin/audit?${query({ entityType: e.entityType, entityId: e.entityId ?? '' })}`}>
                      {e.entityType}
                      {e.entityId ? `:${e.entityId.slice(0, 8)}` : ''}
                    </Link>
                  ) : null}
                </td>
                <td>
                  <span className={`badge ${OUTCOME_BADGE[e.outcome]}`}>{t(`admin.audit.outcome.${e.outcome}`)}</span>
                </td>
                <td>
                  <code className="audit-details">{JSON.stringify(e.details)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : (
        <p>{t('admin.audit.none')}</p>
      )}
      {page.nextBefore ? (
        <p>
          <Link href={`/admin/audit?${query({ before: page.nextBefore })}`}>{t('admin.common.nextPage')}</Link>
        </p>
      ) : null}
    </section>
  );
}
