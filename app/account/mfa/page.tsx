// Two-step verification: enrol an authenticator app (scan the QR code or type the key, confirm with a
// code, keep the recovery codes), or see its status. A session whose role requires a second factor
// comes here before anything else.
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AccountCard } from '@/components/account/account-card';
import { EnrolForm, RegenerateCodes } from '@/components/account/enrol-form';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { currentSession } from '@/lib/auth/actor';
import { mfaStatus, pendingEnrolment } from '@/lib/auth/mfa';
import { safeReturnPath, signInPathFor } from '@/lib/auth/return-to';
import { MFA_PENDING_PATH } from '@/lib/auth/roles';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account.mfa');
  return { title: t('title') };
}

export default async function MfaPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const actor = await currentSession();
  // A session made to enrol first arrives with the page it asked for (requireActor); after enrolling,
  // "continue" leads there rather than home.
  const returnTo = safeReturnPath((await searchParams).next);
  if (!actor) redirect(signInPathFor(returnTo));
  if (actor.mfaPending === 'verify') redirect(signInPathFor(returnTo, MFA_PENDING_PATH.verify));
  const [t, format, status] = await Promise.all([getTranslations(), getFormatter(), mfaStatus(actor)]);
  const enrolment = status.enabledAt ? null : await pendingEnrolment(actor);
  return (
    <AccountCard wide>
      <h1 id="page-title">{t('account.mfa.title')}</h1>
      {status.enabledAt ? (
        <div className="stack">
          <p className="form-success">{t('account.mfa.on', { when: format.dateTime(status.enabledAt, { dateStyle: 'long' }) })}</p>
          <p>{t('account.mfa.codesLeft', { count: status.recoveryCodesLeft })}</p>
          <RegenerateCodes returnTo={returnTo} />
          <Link href={returnTo ?? '/'}>{t('account.mfa.back')}</Link>
        </div>
      ) : enrolment ? (
        <div className="stack">
          {actor.mfaPending === 'enrol' ? <p className="form-notice">{t('account.mfa.required')}</p> : <p>{t('account.mfa.intro')}</p>}
          <ol className="steps stack">
            <li>{t('account.mfa.step1')}</li>
            <li>
              {t('account.mfa.step2')}
              <div className="qr-block">
                {/* The QR code is a data: URL made on the server; the same key is printed beside it for typing. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={enrolment.qrDataUrl} width={220} height={220} alt={t('account.mfa.qrAlt')} />
                <div className="stack">
                  <p>{t('account.mfa.manual')}</p>
                  <p>
                    <code className="totp-secret" data-testid="totp-secret">
                      {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
                    </code>
                  </p>
                </div>
              </div>
            </li>
            <li>{t('account.mfa.step3')}</li>
          </ol>
          <EnrolForm returnTo={returnTo} />
          {actor.mfaPending ? <SignOutButton label={t('nav.signOut')} /> : <Link href={returnTo ?? '/'}>{t('account.mfa.back')}</Link>}
        </div>
      ) : null}
    </AccountCard>
  );
}
