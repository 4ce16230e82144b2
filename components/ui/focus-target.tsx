'use client';
// Where focus goes after an action whose result replaces the form (a decision recorded, then the page
// refreshed): the control that had focus is gone, and focus must not fall back to the page body
// (WCAG 2.4.3). The action asks for a target by id; the element with that id takes focus when it
// (re)appears. Module state, not React state: the asking component is unmounted by the refresh.
import { type ReactNode, useEffect, useRef } from 'react';

let pending: string | null = null;

/** Ask for focus on the FocusTarget with this id once it is on the page (now, or after a refresh). */
export function focusWhenShown(id: string): void {
  pending = id;
  const el = document.getElementById(id);
  if (el?.dataset.focusTarget === 'true') {
    pending = null;
    el.focus();
  }
}

/** A result or status message that can receive focus (tabIndex -1: not a tab stop). */
export function FocusTarget({ id, className, role, children }: { id: string; className?: string; role?: 'status' | 'alert'; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (pending === id) {
      pending = null;
      ref.current?.focus();
    }
  });
  return (
    <div id={id} ref={ref} className={className} role={role} tabIndex={-1} data-focus-target="true">
      {children}
    </div>
  );
}
