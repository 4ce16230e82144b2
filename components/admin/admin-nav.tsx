'use client';

import { MainNav } from '@/components/layout/main-nav';

/** The administration sub-navigation: the header's navigation, with the overview current only on itself. */
export function AdminNav({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  return <MainNav label={label} items={items} className="admin-nav" exact={['/admin']} />;
}
