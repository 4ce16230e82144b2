import type { ReactNode } from 'react';
import { LocaleSwitcher } from '@/components/layout/locale-switcher';

/** The frame of the pages outside the signed-in shell: links from mail, the second-factor steps. */
export function AccountCard({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return (
    <main id="main" className="signin-page">
      <div className={`signin-card${wide ? ' account-card-wide' : ''}`}>
        <div className="signin-head">
          <p className="brand" lang="ja">
            開示 <span lang="en">Kaiji</span>
          </p>
          <LocaleSwitcher />
        </div>
        {children}
      </div>
    </main>
  );
}
