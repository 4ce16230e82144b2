// next-auth configuration: email + password, and an optional OpenID Connect provider (university SSO)
// configured by environment. The JWT only carries our server-side session id (see sessions.ts).
import 'server-only';
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { recordAuditNow } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { clientIp, userAgent } from './request-info';
import { createSession, revokeSession } from './sessions';
import { checkPassword, normalizeEmail } from './sign-in';

type KaijiUser = User & { sessionId?: string };

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
      // SSO signs in only people an administrator has already added; it never creates accounts.
      async signIn({ user, account }) {
        if (account?.provider !== 'oidc') return true;
        const email = user.email ? normalizeEmail(user.email) : '';
        const known = email ? await db.user.findUnique({ where: { email }, select: { id: true, disabledAt: true } }) : null;
        if (!known || known.disabledAt) {
          await recordAuditNow({ action: 'auth.sign_in', outcome: 'DENIED', actorEmail: email || null, details: { provider: 'oidc' } });
          return '/signin?error=sso_unknown';
        }
        const u = user as KaijiUser;
        u.id = known.id;
        u.sessionId = await createSession(known.id, { maxAgeSeconds: maxAge, ip: null, userAgent: null });
        await recordAuditNow({ action: 'auth.sign_in', actorId: known.id, actorEmail: email, details: { provider: 'oidc' } });
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
