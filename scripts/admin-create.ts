// `npm run admin:create -- --email a@b.jp [--name "…"] [--force]`: the first system administrator of a
// deployment (lib/admin/bootstrap.ts). Prints a one-time link to choose the password; it never accepts
// a password itself.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { BootstrapRefused, bootstrapSystemAdmin } from '@/lib/admin/bootstrap';
import { db } from '@/lib/db/client';

const USAGE = 'Usage: admin:create --email person@university.ac.jp [--name "Display name"] [--force]';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

let values: { email?: string; name?: string; force?: boolean };
try {
  ({ values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, force: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  }));
} catch (err) {
  const message = (err as Error).message;
  if (/password/i.test(message)) fail(`A password is never given on the command line: use the link this command prints.\n${USAGE}`);
  fail(`${message}\n${USAGE}`);
}
if (!values.email) fail(`--email is required.\n${USAGE}`);
if (!process.env.DATABASE_URL) fail('Set DATABASE_URL to the database of the deployment.');
if (!process.env.APP_URL) console.error('APP_URL is not set: the link below points at http://localhost:3000.');

try {
  const r = await bootstrapSystemAdmin({
    email: values.email,
    name: values.name,
    force: values.force,
    appUrl: process.env.APP_URL || 'http://localhost:3000',
    operator: os.userInfo().username,
  });
  const what = { created: 'Created', promoted: 'Promoted', already: 'Renewed the link of' }[r.outcome];
  console.log(`${what} system administrator ${r.email}.`);
  console.log(`Open this link to choose the password (works once, until ${r.expiresAt.toISOString()}):`);
  console.log(r.link);
} catch (err) {
  if (err instanceof BootstrapRefused) fail(err.message, 1);
  throw err;
} finally {
  await db.$disconnect();
}
