// A real OpenID Connect provider (the `oidc-provider` package) for the end-to-end tests: the stand-in
// for a university's identity provider. Authorization code flow with PKCE required, a confidential
// client, signed ID tokens. Its sign-in page knows everyone who types a syntactically valid email
// (an IdP's directory is bigger than Kaiji's list of registered people: whether that person may use
// Kaiji is Kaiji's decision). Ticking "second factor" makes the IdP assert `amr: ["pwd", "otp", "mfa"]`.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

export const OIDC_TEST_CLIENT = { id: 'kaiji-e2e', secret: 'kaiji-e2e-client-secret-0123456789' };
export const OIDC_TEST_NAME = 'Test University';

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>` +
    `<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

async function readForm(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return new URLSearchParams(raw);
}

/**
 * Starts the provider on 127.0.0.1 (another host than the app's `localhost`, so their cookies never mix).
 * `redirectUris` are the client's registered callback URLs.
 */
export async function startOidcProvider({ port = 0, redirectUris }) {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const emails = new Map(); // account id (the `sub`) → email

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_TEST_CLIENT.id,
        client_secret: OIDC_TEST_CLIENT.secret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'e2e', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // A university IdP should insist on PKCE even for a confidential client; the tests tamper with it.
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Put the requested claims in the ID token itself, as Keycloak and most university IdPs do.
    conformIdTokenClaims: false,
    // Kaiji is a first-party client of the university: no consent screen.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, id) {
      const email = emails.get(id);
      if (!email) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email, email_verified: true, name: email.split('@')[0] };
        },
      };
    },
  });

  async function interaction(req, res, uid) {
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== uid) throw new Error('interaction mismatch');
      if (req.method === 'POST') {
        const form = await readForm(req);
        const email = (form.get('email') ?? '').trim().toLowerCase();
        if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
          res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
          return res.end(page('Test University sign-in', '<p role="alert">Enter your university email.</p>'));
        }
        const accountId = `u-${createHash('sha256').update(email).digest('hex').slice(0, 16)}`;
        emails.set(accountId, email);
        const amr = form.get('mfa') ? ['pwd', 'otp', 'mfa'] : ['pwd'];
        return await provider.interactionFinished(req, res, { login: { accountId, amr } }, { mergeWithLastSubmission: false });
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(
        page(
          'Test University sign-in',
          `<form method="post" action="/interaction/${escape(uid)}">` +
            '<label for="email">University email</label> <input id="email" name="email" type="email" required autofocus>' +
            '<label><input name="mfa" type="checkbox" value="1"> Second factor</label>' +
            '<button type="submit">Continue</button></form>',
        ),
      );
    } catch (err) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`interaction failed: ${err.message}`);
    }
  }

  const handle = provider.callback();
  server.on('request', (req, res) => {
    const m = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url ?? '/', issuer).pathname);
    if (m) void interaction(req, res, m[1]);
    else handle(req, res);
  });
  return {
    issuer,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
