'use client';

import { signIn } from 'next-auth/react';

export function SsoButton({ label, returnTo }: { label: string; returnTo: string | null }) {
  return (
    <button type="button" className="button" onClick={() => void signIn('oidc', { callbackUrl: returnTo ?? '/' })}>
      {label}
    </button>
  );
}
