// Server configuration, validated once at start-up (instrumentation.ts) and on first use. A wrong or
// missing variable stops the app with a message naming it.
import 'server-only';
import { z } from 'zod';

const bool = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

// Every variable the running app reads is declared here (the release test checks the sources and
// docker-compose.yml against this list), even those read directly from process.env by code that must
// not need the whole configuration (the database pools, the job workers).
const variables = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string({ error: 'is required (postgresql://user:password@host:5432/database)' })
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REPORTS_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(4),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z.string({ error: 'is required: a random string of at least 32 characters' }).min(32, 'must be at least 32 characters'),
  APP_URL: z.url('must be the public URL of the app, e.g. https://kaiji.example.ac.jp').default('http://localhost:3000'),
  KAIJI_DEMO: bool,
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(0, 'must be 0 (off) or a number of minutes').max(1440).default(30),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().default('Kaiji <no-reply@kaiji.local>'),
  OIDC_ISSUER: z.url('must be the issuer URL of the OpenID Connect provider').optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default('University SSO'),
  ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
  TRUST_PROXY: z
    .string()
    .regex(/^(|[0-9]|10|true|false)$/, 'must be the number of reverse proxies in front of the app (0-10)')
    .optional(),
  // '0' turns the background job workers off in this process (another process must run them).
  KAIJI_WORKERS: z.enum(['0', '1']).default('1'),
});

export const ENV_VARIABLES = Object.keys(variables.shape) as (keyof z.infer<typeof variables>)[];

/**
 * Variables the app reads that no deployment sets: NEXT_PHASE (set by Next.js), NEXTAUTH_URL (next-auth's,
 * derived from APP_URL at start-up in lib/server-start.ts) and KAIJI_ROOT (where a release's files are,
 * set by the release's own commands, scripts/build-release.mjs). Declared so every read goes through
 * this module; not configuration, so not in docker-compose.yml nor the README's table.
 */
export const INTERNAL_VARIABLES = ['NEXT_PHASE', 'NEXTAUTH_URL', 'KAIJI_ROOT'] as const;
export type Variable = (typeof ENV_VARIABLES)[number] | (typeof INTERNAL_VARIABLES)[number];

/**
 * One variable as set (unparsed; undefined when unset), for code that must not need the whole
 * configuration: the database pools and the job queue (also in scripts and workers), the session
 * lookup's limits, the migrator. Only a declared name type-checks; env() still validates them all at
 * start-up.
 */
export function rawEnv(name: Variable): string | undefined {
  return process.env[name];
}

/** Sets a variable another library reads (next-auth's NEXTAUTH_URL) unless the deployment set it. */
export function defaultEnv(name: (typeof INTERNAL_VARIABLES)[number], value: string): void {
  process.env[name] ??= value;
}

const schema = variables.superRefine((v, ctx) => {
  const oidc = [v.OIDC_ISSUER, v.OIDC_CLIENT_ID, v.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    for (const key of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const)
      if (!v[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when OpenID Connect is configured' });
  }
});

export type Env = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable (as docker-compose passes for an unset optional one) counts as unset.
  const result = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(environment)'} ${i.message}`);
    throw new ConfigError(`Kaiji cannot start: invalid configuration\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
