// The one PrismaClient of a process. Imported only by server code (the data-access layer in lib/).
import 'server-only';
import { rawEnv } from '@/lib/env';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const g = globalThis as { __kaijiDb?: PrismaClient };

function create(): PrismaClient {
  const connectionString = rawEnv('DATABASE_URL');
  if (!connectionString) throw new Error('DATABASE_URL is not set');
  return new PrismaClient({
    // An empty value (as docker-compose passes an unset one) means the default.
    adapter: new PrismaPg({ connectionString, max: Number(rawEnv('DATABASE_POOL_SIZE') || 10) }),
    // How long a transaction may wait for a connection before it fails. Prisma's 2 s default is less
    // than opening one (TLS + SCRAM) takes on a busy host or a managed server a network hop away: a
    // command's first transaction (audit:verify's seal) failed that way on a loaded machine.
    transactionOptions: { maxWait: 10_000 },
  });
}

/** Lazily created so that importing a module never opens a connection (build time, tests). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    g.__kaijiDb ??= create();
    const value = Reflect.get(g.__kaijiDb, prop);
    return typeof value === 'function' ? value.bind(g.__kaijiDb) : value;
  },
});
