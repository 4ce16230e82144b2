import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import { IssueTokenForm } from '@/components/api-tokens/issue-token-form';
import { listTokens, tokenScopeChoices } from '@/lib/api/tokens';
import { denyUnlessSystemAdmin, requireRole } from '@/lib/auth/actor';
import { revokeApiTokenAction } from '@/lib/api/actions';
import { DataTable } from '@/components/ui/data-table';
import { localList, localName } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('apiTokens');
  return { title: t('title') };
}

export default async function ApiTokensPage() {
  const actor = await requireRole('ADMIN');
  await denyUnlessSystemAdmin(actor, 'admin/api-tokens');
  const [t, format, locale, tokens, institutions] = await Promise.all([
    getTranslations('apiTokens'),
    getFormatter(),
    getLocale(),
    listTokens(actor),
    tokenScopeChoices(actor),
  ]);
  const name = (i: { nameJa: string; nameEn: string }) => localName(locale, i);
  const when = (d: Date | null, none: string) => (d ? format.dateTime(d, { dateStyle: 'short', timeStyle: 'short' }) : none);
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      <p>
        <a href="/api/v1/openapi.json">{t('docs')}</a>
      </p>
      <div className="card">
        <IssueTokenForm institutions={institutions.map((i) => ({ id: i.id, name: name(i) }))} />
      </div>
      <section aria-labelledby="tokens-title" className="stack">
        <h2 id="tokens-title">{t('list.title')}</h2>
        {tokens.length === 0 ? (
          <p className="muted">{t('list.empty')}</p>
        ) : (
            <DataTable caption={t('list.caption')}>
              <thead>
                <tr>
                  <th scope="col">{t('list.name')}</th>
                  <th scope="col">{t('list.prefix')}</th>
                  <th scope="col">{t('list.owner')}</th>
                  <th scope="col">{t('list.role')}</th>
                  <th scope="col">{t('list.scope')}</th>
                  <th scope="col">{t('list.created')}</th>
                  <th scope="col">{t('list.expires')}</th>
                  <th scope="col">{t('list.lastUsed')}</th>
                  <th scope="col">{t('list.state')}</th>
                  <th scope="col">{t('list.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((k) => (
                  <tr key={k.id} data-testid={`token-${k.prefix}`}>
                    <th scope="row">{k.name}</th>
                    <td>
                      <code>{k.prefix}…</code>
                    </td>
                    <td>{k.ownerEmail}</td>
                    <td>{t(`issue.roles.${k.role as 'AUDITOR' | 'OFFICER'}`)}</td>
                    <td>{k.allInstitutions ? t('list.all') : localList(locale, k.institutions.map(name))}</td>
                    <td>{when(k.createdAt, '')}</td>
                    <td>{when(k.expiresAt, t('list.noExpiry'))}</td>
                    <td>{when(k.lastUsedAt, t('list.never'))}</td>
                    <td>
                      <span className={`badge ${k.state === 'active' ? 'ok' : 'neutral'}`}>{t(`list.states.${k.state}`)}</span>
                    </td>
                    <td>
                      {k.state === 'active' ? (
                        <ActionButton
                          action={revokeApiTokenAction}
                          input={{ id: k.id }}
                          label={t('list.revoke')}
                          confirm="apiTokens.list.revokeConfirm"
                          cancelLabel={t('list.cancel')}
                          success="apiTokens.list.revoked"
                          danger
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
        )}
      </section>
    </section>
  );
}
