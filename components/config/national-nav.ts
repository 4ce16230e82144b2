// Entries of the administration sub-navigation for national configuration (watchlists, rules,
// domestic grants): listed for system administrators only, who alone may open those pages.
import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/roles';
import { isSystemAdmin } from '@/lib/auth/guards';

export async function nationalConfigNavItems(actor: Actor): Promise<{ href: string; label: string }[]> {
  if (!isSystemAdmin(actor)) return [];
  const t = await getTranslations();
  return [
    { href: '/admin/watchlists', label: t('watchlists.nav') },
    { href: '/admin/rules', label: t('rules.nav') },
    { href: '/admin/grants', label: t('grants.nav') },
  ];
}
