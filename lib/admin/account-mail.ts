// The mails that carry a one-time link: an invitation, or a password reset. Queued in the caller's
// transaction (so the link exists exactly when the change committed), delivered after the commit.
import 'server-only';
import { TOKEN_PATH, hashAccountToken, issueAccountToken } from '@/lib/auth/account-tokens';
import type { Tx } from '@/lib/db/client';
import { env } from '@/lib/env';
import type { Role } from '@/lib/generated/prisma/enums';
import { enqueueMail } from '@/lib/mail/outbox';
import { mailDateTime, mailLocale, mailText, renderMail } from '@/lib/mail/render';
import { localName } from '@/lib/i18n/local-text';

export interface LinkRecipient {
  id: string;
  email: string;
  displayName: string;
  locale: string | null;
}

export async function queueAccountLink(
  tx: Tx,
  o: {
    user: LinkRecipient;
    purpose: 'INVITE' | 'PASSWORD_RESET';
    /** Null when the person asked for the link themselves (forgot password). */
    createdById: string | null;
    /** The mail template, when not the purpose's own (the self-service reset has its own wording). */
    template?: string;
    ttlMs?: number;
    /** The language when the person has not chosen one (the one they are using the app in). */
    fallbackLocale?: string;
    institution?: { nameJa: string; nameEn: string } | null;
    role?: Role | null;
  },
): Promise<{ expiresAt: Date }> {
  const { token, expiresAt } = await issueAccountToken(tx, { userId: o.user.id, purpose: o.purpose, createdById: o.createdById, ttlMs: o.ttlMs });
  const link = `${env().APP_URL.replace(/\/$/, '')}${TOKEN_PATH[o.purpose]}/${token}`;
  const locale = mailLocale(o.user.locale ?? o.fallbackLocale);
  const t = mailText(locale);
  const institution = o.institution ? localName(locale, o.institution) : t('noInstitution');
  const mail = renderMail(locale, o.template ?? (o.purpose === 'INVITE' ? 'invite' : 'passwordReset'), {
    name: o.user.displayName,
    email: o.user.email,
    link,
    expires: mailDateTime(locale, expiresAt),
    institution,
    role: o.role ? t(`roles.${o.role}`) : t('roles.none'),
  });
  await enqueueMail(tx, { dedupeKey: `${o.purpose.toLowerCase()}:${hashAccountToken(token)}`, to: o.user.email, ...mail });
  return { expiresAt };
}
