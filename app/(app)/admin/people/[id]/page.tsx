import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ActionButton } from '@/components/ui/action-button';
import { GrantRoleForm } from '@/components/admin/person-forms';
import { institutionOptions } from '@/lib/admin/institutions';
import { getPerson } from '@/lib/admin/people';
import { isSystemAdmin } from '@/lib/auth/guards';
import { foundOr404 } from '@/lib/auth/actor';
import { requireRole } from '@/lib/auth/actor';
import { resendInvitationAction, resetSecondFactorAction, revokeRoleAction, sendPasswordResetAction, setUserDisabledAction } from '@/lib/admin/people-actions';
import { DataTable } from '@/components/ui/data-table';
import { localName } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.people');
  return { title: t('title') };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole('ADMIN');
  const { id } = await params;
  const person = await foundOr404(actor, UUID.test(id) ? await getPerson(actor, id) : null, 'admin:scope', `User:${id}`);
  const [t, format, locale, institutions] = await Promise.all([getTranslations(), getFormatter(), getLocale(), institutionOptions(actor)]);
  const when = (d: Date | null | undefined) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : t('admin.people.never'));
  const common = { confirmLabel: t('admin.common.confirm'), cancelLabel: t('common.cancel') };
  const self = person.id === actor.userId;
  return (
    <section aria-labelledby="page-title" className="stack">
      <p>
        <Link href="/admin/people">{t('admin.people.back')}</Link>
      </p>
      <div className="spread">
        <h1 id="page-title">{person.displayName}</h1>
        <span className={`badge ${person.status === 'active' ? 'ok' : person.status === 'invited' ? 'review' : 'flag'}`}>{t(`admin.people.status.${person.status}`)}</span>
      </div>
      <dl className="facts card">
        <dt>{t('admin.person.email')}</dt>
        <dd>{person.email}</dd>
        {person.nameKanji ? (
          <>
            <dt>{t('admin.person.nameKanji')}</dt>
            <dd lang="ja">{person.nameKanji}</dd>
          </>
        ) : null}
        {person.nameKana ? (
          <>
            <dt>{t('admin.person.nameKana')}</dt>
            <dd lang="ja">{person.nameKana}</dd>
          </>
        ) : null}
        {person.nameRomaji ? (
          <>
            <dt>{t('admin.person.nameRomaji')}</dt>
            <dd>{person.nameRomaji}</dd>
          </>
        ) : null}
        <dt>{t('admin.person.lastSignIn')}</dt>
        <dd>{when(person.lastSignInAt)}</dd>
        <dt>{t('admin.person.activeSessions')}</dt>
        <dd>{person.activeSessions}</dd>
        <dt>{t('admin.person.mfa')}</dt>
        <dd>{person.mfaEnabled ? t('admin.person.mfaOn', { left: person.recoveryCodesLeft }) : t('admin.person.mfaOff')}</dd>
        <dt>{t('admin.person.language')}</dt>
        <dd>{person.locale ? t(`common.languageName.${person.locale === 'en' ? 'en' : 'ja'}`) : t('admin.person.languageBrowser')}</dd>
        {person.invitation && person.status === 'invited' ? (
          <>
            <dt>{t('admin.person.invitation')}</dt>
            <dd>
              {person.invitation.expiresAt > new Date()
                ? t('admin.person.invitationValid', { when: when(person.invitation.expiresAt) })
                : t('admin.person.invitationExpired', { when: when(person.invitation.expiresAt) })}
            </dd>
          </>
        ) : null}
        {person.profile ? (
          <>
            <dt>{t('admin.person.department')}</dt>
            <dd>
              {person.profile.department ? `${person.profile.department.code} · ${localName(locale, person.profile.department)}` : '—'}
            </dd>
            <dt>{t('admin.person.position')}</dt>
            <dd>{person.profile.position ?? '—'}</dd>
            <dt>{t('admin.person.erad')}</dt>
            <dd>{person.profile.eradNumber ?? '—'}</dd>
            <dt>{t('admin.person.orcid')}</dt>
            <dd>{person.profile.orcid ?? '—'}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link href={`/admin/audit?entityType=User&entityId=${person.id}`}>{t('admin.person.history')}</Link>
      </p>

      <section aria-labelledby="roles-title" className="card stack">
        <h2 id="roles-title">{t('admin.person.rolesTitle')}</h2>
        {person.memberships.length ? (
          <DataTable caption={t('admin.person.rolesTitle')}>
            <thead>
              <tr>
                <th scope="col">{t('admin.people.columns.role')}</th>
                <th scope="col">{t('admin.people.columns.institution')}</th>
                <th scope="col">{t('admin.common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {person.memberships.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{t(`admin.roles.${m.role}`)}</th>
                  <td>{m.allInstitutions ? t('admin.common.allInstitutions') : m.institution ? localName(locale, m.institution) : ''}</td>
                  <td>
                    <ActionButton
                      action={revokeRoleAction}
                      input={{ membershipId: m.id }}
                      label={t('admin.person.revoke', { role: t(`admin.roles.${m.role}`) })}
                      confirm="admin.person.revokeConfirm"
                      success="admin.person.roleRevoked"
                      danger
                      {...common}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : (
          <p>{t('admin.person.noRoles')}</p>
        )}
        <GrantRoleForm userId={person.id} system={isSystemAdmin(actor)} institutions={institutions.map((i) => ({ id: i.id, label: localName(locale, i) }))} />
      </section>

      <section aria-labelledby="account-title" className="card stack">
        <h2 id="account-title">{t('admin.person.accountTitle')}</h2>
        {!person.manageable ? (
          <p className="form-notice">{t('admin.person.notManageable')}</p>
        ) : self ? (
          <p className="muted">{t('admin.person.selfNote')}</p>
        ) : (
          <div className="stack">
            {person.status === 'invited' ? (
              <ActionButton action={resendInvitationAction} input={{ userId: person.id }} label={t('admin.person.resendInvite')} success="admin.person.inviteResent" {...common} />
            ) : null}
            {person.status === 'active' ? (
              <ActionButton
                action={sendPasswordResetAction}
                input={{ userId: person.id }}
                label={t('admin.person.resetPassword')}
                confirm="admin.person.resetPasswordConfirm"
                success="admin.person.passwordResetSent"
                {...common}
              />
            ) : null}
            {person.mfaEnabled ? (
              <ActionButton
                action={resetSecondFactorAction}
                input={{ userId: person.id }}
                label={t('admin.person.resetMfa')}
                confirm="admin.person.resetMfaConfirm"
                success="admin.person.mfaReset"
                {...common}
              />
            ) : null}
            <ActionButton
              action={setUserDisabledAction}
              input={{ userId: person.id, disabled: person.status !== 'disabled' }}
              label={t(person.status === 'disabled' ? 'admin.person.enable' : 'admin.person.disable')}
              confirm={person.status === 'disabled' ? undefined : 'admin.person.disableConfirm'}
              success={person.status === 'disabled' ? 'admin.person.enabled' : 'admin.person.disabled'}
              danger={person.status !== 'disabled'}
              {...common}
            />
          </div>
        )}
      </section>
    </section>
  );
}
