// next-auth configuration: email + password, and an optional OpenID Connect provider (university SSO)
// configured by environment. The JWT only carries our server-side session id (see sessions.ts).
import 'server-only';
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { headers } from 'next/headers';
import { recordAuditNow } from '@/lib/audit/record';
import { env } from '@/lib/env';
import { adoptBrowserLocale } from './locale-preference';
import { clientIp, userAgent } from './request-info';
import { createSession, revokeSession } from './sessions';
import { checkPassword } from './sign-in';
import { type IdpClaims, ssoSignIn } from './sso';

type KaijiUser = User & { sessionId?: string };

/** Error codes the sign-in page explains (app/signin/page.tsx). */
const SSO_ERRORS = { no_email: 'sso_no_email', email_unverified: 'sso_no_email', unknown_account: 'sso_unknown', disabled: 'sso_disabled' } as const;

export function authOptions(): NextAuthOptions {
  const e = env();
  const maxAge = e.SESSION_MAX_AGE_HOURS * 3600;
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const email = typeof credentials?.email === 'string' ? credentials.email : '';
        const password = typeof credentials?.password === 'string' ? credentials.password : '';
        if (!email || !password || email.length > 320 || password.length > 1024) return null;
        const from = { ip: clientIp(req?.headers), userAgent: userAgent(req?.headers) };
        const result = await checkPassword(email, password, from);
        // next-auth passes a thrown error's message to the sign-in form as its error code.
        if (!result.ok) {
          if (result.reason === 'throttled') throw new Error('throttled');
          return null;
        }
        await adoptBrowserLocale(result.userId, req?.headers);
        const sessionId = await createSession(result.userId, { maxAgeSeconds: maxAge, ...from });
        return { id: result.userId, sessionId } as KaijiUser;
      },
    }),
  ];
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    providers.push({
      id: 'oidc',
      name: e.OIDC_NAME,
      type: 'oauth',
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      profile(p: { sub: string; email?: string; name?: string }) {
        return { id: p.sub, email: p.email ?? null, name: p.name ?? null };
      },
    });
  }
  return {
    secret: e.AUTH_SECRET,
    session: { strategy: 'jwt', maxAge },
    jwt: { maxAge },
    pages: { signIn: '/signin', error: '/signin' },
    providers,
    callbacks: {
      // SSO signs in only people an administrator has already added; it never creates accounts (sso.ts).
      // A refusal goes back to the sign-in page with a message, never to an error page.
      async signIn({ user, account, profile }) {
        if (account?.provider !== 'oidc') return true;
        const h = await headers();
        const result = await ssoSignIn((profile ?? {}) as IdpClaims, { maxAgeSeconds: maxAge, ip: clientIp(h), userAgent: userAgent(h) });
        if (!result.ok) return `/signin?error=${SSO_ERRORS[result.reason]}`;
        await adoptBrowserLocale(result.userId, h);
        const u = user as KaijiUser;
        u.id = result.userId;
        u.sessionId = result.sessionId;
        return true;
      },
      async jwt({ token, user }) {
        const u = user as KaijiUser | undefined;
        if (u?.sessionId) {
          token.sid = u.sessionId;
          token.sub = u.id;
        }
        return token;
      },
      // What /api/auth/session returns to page scripts: never the server-side session id (read on the
      // server from the cookie instead, lib/auth/session-token.ts), nor anything else from the token.
      async session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') {
          await revokeSession(token.sid);
          await recordAuditNow({ action: 'auth.sign_out', actorId: token.sub ?? null, entityType: 'Session', entityId: token.sid });
        }
      },
    },
  };
}
