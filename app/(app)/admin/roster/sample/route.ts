// The sample roster file, for administrators to start from.
import fs from 'node:fs/promises';
import path from 'node:path';
import { contentDisposition } from '@/lib/http/content-disposition';
import { defineRoute } from '@/lib/http/define-route';

export const GET = defineRoute({
  name: 'roster-sample',
  roles: ['ADMIN'],
  signedOut: 'redirect',
  handler: async () => {
    const body = await fs.readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib/admin/samples/roster-sample.csv'));
    return new Response(new Uint8Array(body), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': contentDisposition('kaiji-roster-sample.csv') },
    });
  },
});
