// An address that matches no page. Titled as what it is and, for a signed-in reader, with the header's
// navigation; one main landmark either way. (A page that calls notFound() inside the signed-in shell
// gets app/(app)/not-found.tsx, inside the shell's own header and main.)
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AppHeader } from '@/components/layout/app-header';
import { NotFoundContent } from '@/components/layout/not-found-content';
import { currentActor } from '@/lib/auth/actor';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors');
  return { title: t('notFoundTitle') };
}

export default async function NotFound() {
  const actor = await currentActor();
  return (
    <div className="app-shell">
      {actor ? <AppHeader actor={actor} /> : null}
      <main id="main" className="app-main">
        <NotFoundContent />
      </main>
    </div>
  );
}
