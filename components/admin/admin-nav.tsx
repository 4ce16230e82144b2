'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The administration sub-navigation; the current section is marked for assistive technology. */
export function AdminNav({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  const path = usePathname();
  const current = (href: string) => (href === '/admin' ? path === '/admin' : path === href || path.startsWith(`${href}/`));
  return (
    <nav aria-label={label} className="admin-nav">
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
