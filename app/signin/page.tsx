import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { SsoButton } from '@/components/auth/sso-button';
import { LocaleSwitcher } from '@/components/layout/locale-switcher';
import { currentSession } from '@/lib/auth/actor';
import { signInPathFor, safeReturnPath } from '@/lib/auth/return-to';
import { MFA_PENDING_PATH, homePath } from '@/lib/auth/roles';
import { env } from '@/lib/env';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signInTitle') };
}

// Codes from lib/auth/options.ts (SSO refusals) and from next-auth: its OAuth codes mean the provider's
// reply failed a check (state, PKCE, the code, the ID token's signature) or the provider was unreachable.
const KNOWN_ERRORS: Record<string, string> = {
  sso_unknown: 'auth.errors.ssoUnknown',
  sso_no_email: 'auth.errors.ssoNoEmail',
  sso_disabled: 'auth.errors.ssoDisabled',
  OAuthSignin: 'auth.errors.ssoFailed',
  OAuthCallback: 'auth.errors.ssoFailed',
  Callback: 'auth.errors.ssoFailed',
  CredentialsSignin: 'auth.errors.invalid',
  SessionRequired: 'auth.errors.sessionEnded',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; next?: string | string[] }> }) {
  const actor = await currentSession();
  const { error, next } = await searchParams;
  const returnTo = safeReturnPath(next);
  if (actor) redirect(actor.mfaPending ? signInPathFor(returnTo, MFA_PENDING_PATH[actor.mfaPending]) : (returnTo ?? homePath(actor)));
  const t = await getTranslations();
  const e = env();
  const sso = Boolean(e.OIDC_ISSUER);
  return (
    <main id="main" className="signin-page">
      <div className="signin-card">
        <div className="signin-head">
          <p className="brand" lang="ja">
            開示 <span lang="en">Kaiji</span>
          </p>
          <LocaleSwitcher />
        </div>
        <h1 id="signin-title">{t('auth.signInTitle')}</h1>
        <p className="muted">{t('common.tagline')}</p>
        <SignInForm initialError={error ? (KNOWN_ERRORS[error] ?? 'auth.errors.unavailable') : undefined} returnTo={returnTo} />
        <p>
          <Link href="/signin/forgot">{t('forgotPassword.link')}</Link>
        </p>
        {sso ? (
          <div className="stack">
            <p className="divider">{t('auth.or')}</p>
            <SsoButton label={t('auth.signInWith', { provider: e.OIDC_NAME })} returnTo={returnTo} />
          </div>
        ) : null}
        {e.KAIJI_DEMO ? (
          <aside className="demo-note" aria-labelledby="demo-title">
            <h2 id="demo-title">{t('auth.demoTitle')}</h2>
            <p>{t('auth.demoBody', { password: 'kaiji-demo-2026' })}</p>
            <ul>
              {['researcher', 'researcher2', 'officer', 'officer2', 'auditor', 'admin'].map((a) => (
                <li key={a}>
                  <code>{a}@kaiji.test</code>
                </li>
              ))}
            </ul>
          </aside>
        ) : null}
      </div>
    </main>
  );
}
