'use client';
// The state the step list shows for the section being edited. The server computes each step's state
// when the page loads; while the form is open its values change without a reload, so the editor
// publishes the state of what is on screen (checkSection, the same check as its error summary) and the
// step list shows that for this section. Module state, not React context: the step list and the editor
// are separate client trees of one server-rendered frame.
import { useSyncExternalStore } from 'react';
import type { SectionState } from '@/lib/disclosures/progress';

let live: { href: string; state: SectionState } | null = null;
const listeners = new Set<() => void>();

/** `href` is the section's step link; null withdraws it (the editor is leaving the page). */
export function publishSectionState(href: string, state: SectionState | null): void {
  const next = state ? { href, state } : live?.href === href ? null : live;
  if (next?.href === live?.href && next?.state === live?.state) return;
  live = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The live state of the step at `href`, or `fallback` (the server's) when no editor publishes one. */
export function useSectionState(href: string, fallback: SectionState | undefined): SectionState | undefined {
  const state = useSyncExternalStore(
    subscribe,
    () => (live?.href === href ? live.state : undefined),
    () => undefined,
  );
  return fallback === undefined ? undefined : (state ?? fallback);
}
