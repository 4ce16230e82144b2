// Every table of the app, inside one scroll region: a wide table scrolls inside itself instead of
// widening the page (WCAG 1.4.10 reflow at 320 CSS px), and that region is a labelled, focusable
// landmark so keyboard users can scroll it too (2.1.1) and screen readers hear what it holds.
// The caption names both the table and the region; it may be visually hidden when a heading says it.
import { type ReactNode, type TableHTMLAttributes, useId } from 'react';

export function DataTable({
  caption,
  captionVisible = false,
  children,
  ...table
}: {
  caption: ReactNode;
  /** Show the caption on screen (otherwise only assistive technology reads it). */
  captionVisible?: boolean;
  children: ReactNode;
} & Omit<TableHTMLAttributes<HTMLTableElement>, 'children'> & { 'data-testid'?: string }) {
  const id = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table {...table}>
        <caption id={id} className={captionVisible ? undefined : 'visually-hidden'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
