// Liveness and readiness for load balancers and `npm start`: the database answers and its migrations
// are those this code expects. No authentication and no data beyond that.
import { db } from '@/lib/db/client';
import { migrationStatus } from '@/lib/db/migrator';
import { rawEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    return Response.json({ status: 'error', database: 'unreachable' }, { status: 503 });
  }
  const s = await migrationStatus(rawEnv('DATABASE_URL')!);
  const current = !s.pending.length && !s.modified.length && !s.failed.length;
  return Response.json(
    {
      status: current ? 'ok' : 'error',
      database: 'reachable',
      migrations: current ? 'current' : 'outdated',
      pending: s.pending,
      applied: s.applied.length,
    },
    { status: current ? 200 : 503 },
  );
}
