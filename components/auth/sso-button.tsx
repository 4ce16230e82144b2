'use client';

import { signIn } from 'next-auth/react';

export function SsoButton({ label }: { label: string }) {
  return (
    <button type="button" className="button" onClick={() => void signIn('oidc', { callbackUrl: '/' })}>
      {label}
    </button>
  );
}
