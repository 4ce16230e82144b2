// The sample roster file, for administrators to start from.
import fs from 'node:fs/promises';
import path from 'node:path';
import { adminRouteActor } from '@/lib/admin/route-guard';

export async function GET(request: Request): Promise<Response> {
  const guard = await adminRouteActor(request, 'roster-sample');
  if (guard instanceof Response) return guard;
  const body = await fs.readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib/admin/samples/roster-sample.csv'));
  return new Response(new Uint8Array(body), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="kaiji-roster-sample.csv"' },
  });
}
