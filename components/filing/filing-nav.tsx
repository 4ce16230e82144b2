'use client';
// The steps of a disclosure. Moving to another step first saves what the form on screen has pending.
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { flushPending } from './pending-saves';

export type Step = { href: string; label: string; state?: 'not_started' | 'in_progress' | 'complete' };

export function FilingNav({ steps, label }: { steps: Step[]; label: string }) {
  const t = useTranslations('disclosure.progress');
  const pathname = usePathname();
  const router = useRouter();
  return (
    <nav aria-label={label} className="filing-steps">
      <ol>
        {steps.map((step) => {
          const current = pathname === step.href;
          return (
            <li key={step.href} data-state={step.state}>
              <Link
                href={step.href}
                aria-current={current ? 'page' : undefined}
                onClick={async (e) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
                  e.preventDefault();
                  await flushPending();
                  router.push(step.href);
                }}
              >
                <span>{step.label}</span>
                {step.state ? (
                  <span className={`step-state step-${step.state}`}>
                    <span aria-hidden="true">{step.state === 'complete' ? '✓' : step.state === 'in_progress' ? '…' : '○'}</span>
                    <span className="visually-hidden">{t(step.state)}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
