'use client';
// The header's navigation: the section the reader is in is marked aria-current="page" (and styled by it),
// so the header says where one is, to sight and to assistive technology alike.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function MainNav({
  label,
  items,
  className,
  exact = [],
}: {
  label: string;
  items: { href: string; label: string }[];
  className?: string;
  /** Links current only on their own page, not below it (an overview whose sections have links of their own). */
  exact?: string[];
}) {
  const path = usePathname();
  const current = (href: string) => path === href || (!exact.includes(href) && path.startsWith(`${href}/`));
  return (
    <nav aria-label={label} className={className}>
      <ul>
        {items.map((i) => (
          <li key={i.href}>
            <Link href={i.href} aria-current={current(i.href) ? 'page' : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A header link that marks itself current on its own page. */
export function HeaderLink({ href, children }: { href: string; children: string }) {
  const path = usePathname();
  return (
    <Link href={href} aria-current={path === href ? 'page' : undefined}>
      {children}
    </Link>
  );
}
