// The signed-in shell: the header (components/layout/app-header.tsx) and the one main landmark.
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/app-header';
import { requireActor } from '@/lib/auth/actor';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return (
    <div className="app-shell">
      <AppHeader actor={actor} />
      <main id="main" className="app-main">
        {children}
      </main>
    </div>
  );
}
