import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { inspectAccountToken } from '@/lib/auth/account-tokens';
import { AccountCard } from './account-card';
import { SetPasswordForm } from './set-password-form';

/** The page behind an invitation or password-reset link. */
export async function TokenPage({ token, purpose }: { token: string; purpose: 'INVITE' | 'PASSWORD_RESET' }) {
  const [t, tf, format, state] = await Promise.all([getTranslations('account'), getTranslations('forgotPassword'), getFormatter(), inspectAccountToken(token, purpose)]);
  const ns = purpose === 'INVITE' ? 'accept' : 'reset';
  return (
    <AccountCard>
      <h1 id="page-title">{t(`${ns}.title`)}</h1>
      {state.state === 'valid' ? (
        <div className="stack">
          <p>{t(`${ns}.intro`, { name: state.displayName ?? '', email: state.email ?? '' })}</p>
          <p className="muted">{t('link.expires', { when: format.dateTime(state.expiresAt!, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
          <SetPasswordForm token={token} purpose={purpose} email={state.email ?? ''} />
        </div>
      ) : (
        <div className="stack">
          <p className="form-error" role="alert">
            {t(`link.${state.state}`)}
          </p>
          {purpose === 'PASSWORD_RESET' ? <Link href="/signin/forgot">{tf('askAgain')}</Link> : null}
          <Link href="/signin">{t('link.toSignIn')}</Link>
        </div>
      )}
    </AccountCard>
  );
}
