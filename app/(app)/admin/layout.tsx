// The administration area: a sub-navigation beside every admin page. Each page checks the role itself
// (requireRole); this layout only decides which sections to list.
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { nationalConfigNavItems } from '@/components/config/national-nav';
import { isSystemAdmin } from '@/lib/auth/guards';
import { requireActor } from '@/lib/auth/actor';
import { hasRole } from '@/lib/auth/roles';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  if (!hasRole(actor, 'ADMIN')) return children;
  const t = await getTranslations('admin.nav');
  const root = await getTranslations();
  const system = isSystemAdmin(actor);
  const items = [
    { href: '/admin', label: t('overview') },
    { href: '/admin/institutions', label: t('institutions') },
    { href: '/admin/people', label: t('people') },
    { href: '/admin/roster', label: t('roster') },
    { href: '/admin/cycles', label: t('cycles') },
    ...(isSystemAdmin(actor) ? [{ href: '/admin/security', label: t('security') }] : []),
    ...(system ? [{ href: '/admin/api-tokens', label: root('apiTokens.nav') }] : []),
    ...(await nationalConfigNavItems(actor)),
    { href: '/admin/audit', label: t('audit') },
  ];
  return (
    <div className="admin-shell">
      <AdminNav label={t('label')} items={items} />
      <div className="admin-content">{children}</div>
    </div>
  );
}
