import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env';

const good = { DATABASE_URL: 'postgresql://u:p@localhost:5432/kaiji', AUTH_SECRET: 'x'.repeat(32) };

describe('configuration', () => {
  it('accepts a minimal valid environment with defaults', () => {
    const e = parseEnv(good);
    expect(e.SESSION_MAX_AGE_HOURS).toBe(12);
    expect(e.KAIJI_DEMO).toBe(false);
  });

  it('names each missing or wrong variable', () => {
    expect(() => parseEnv({})).toThrow(ConfigError);
    try {
      parseEnv({ DATABASE_URL: 'mysql://x', AUTH_SECRET: 'short', SMTP_URL: 'http://mail' });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('DATABASE_URL must be a postgresql:// connection URL');
      expect(msg).toContain('AUTH_SECRET must be at least 32 characters');
      expect(msg).toContain('SMTP_URL must be an smtp:// or smtps:// URL');
      return;
    }
    throw new Error('expected a ConfigError');
  });

  it('requires the whole OpenID Connect set when any part is given', () => {
    expect(() => parseEnv({ ...good, OIDC_ISSUER: 'https://sso.example.ac.jp' })).toThrow(
      /OIDC_CLIENT_ID is required when OpenID Connect is configured[\s\S]*OIDC_CLIENT_SECRET is required/,
    );
  });
});
