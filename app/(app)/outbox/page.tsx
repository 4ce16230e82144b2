// Demo only: mail that a server without SMTP would have sent (invitations, password resets).
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/auth/actor';
import { env } from '@/lib/env';
import { outboxFor } from '@/lib/mail/outbox-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account.outbox');
  return { title: t('title') };
}

export default async function OutboxPage() {
  if (!env().KAIJI_DEMO) notFound();
  const actor = await requireActor();
  const [t, format, messages] = await Promise.all([getTranslations('account.outbox'), getFormatter(), outboxFor(actor)]);
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">{t('title')}</h1>
      <p className="form-notice">{t('demoNote')}</p>
      {messages.length ? (
        <ol className="outbox plain-list stack">
          {messages.map((m) => (
            <li key={m.id} className="card stack" data-to={m.toAddress}>
              <h2 className="outbox-subject">{m.subject}</h2>
              <p className="muted">
                {t('to', { to: m.toAddress })} · <time dateTime={m.createdAt.toISOString()}>{format.dateTime(m.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time> ·{' '}
                {t(`status.${m.status}`)}
              </p>
              <pre className="outbox-body">
                {m.bodyText.split(/(https?:\/\/\S+)/).map((part, i) => (i % 2 ? <a key={i} href={part}>{part}</a> : part))}
              </pre>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('empty')}</p>
      )}
    </section>
  );
}
