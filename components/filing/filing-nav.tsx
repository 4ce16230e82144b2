'use client';
// The steps of a disclosure. Moving to another step first saves what the form on screen has pending.
import { useTranslations } from 'next-intl';
import type { SectionState } from '@/lib/disclosures/progress';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useSectionState } from './live-section-state';
import { flushPending } from './pending-saves';

export type Step = { href: string; label: string; state?: SectionState };

export function FilingNav({ steps, label }: { steps: Step[]; label: string }) {
  const t = useTranslations('disclosure.progress');
  const pathname = usePathname();
  const router = useRouter();
  return (
    <nav aria-label={label} className="filing-steps">
      <ol>
        {steps.map((step) => (
          <StepItem key={step.href} step={step} current={pathname === step.href} onFollow={async () => {
            await flushPending();
            router.push(step.href);
          }} label={(state) => t(state)} />
        ))}
      </ol>
    </nav>
  );
}

function StepItem({ step, current, onFollow, label }: { step: Step; current: boolean; onFollow: () => Promise<void>; label: (state: SectionState) => string }) {
  // The section on screen shows the state of what is on screen, not of the last page load.
  const state = useSectionState(step.href, step.state);
  return (
    <li data-state={state}>
      <Link
        href={step.href}
        aria-current={current ? 'page' : undefined}
        onClick={async (e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
          e.preventDefault();
          await onFollow();
        }}
      >
        <span>{step.label}</span>
        {state ? (
          <span className={`step-state step-${state}`} data-testid="step-state">
            <span aria-hidden="true">{state === 'complete' ? '✓' : state === 'in_progress' ? '…' : '○'}</span>
            <span className="visually-hidden">{label(state)}</span>
          </span>
        ) : null}
      </Link>
    </li>
  );
}
