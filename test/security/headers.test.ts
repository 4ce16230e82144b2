// Issue 12, item 10 (headers and origin): the proxy must not overwrite a route's own
// Content-Security-Policy and Cache-Control (the attachment download's `default-src 'none'; sandbox`,
// `private, no-store`: Next.js keeps the first value set, and the proxy's came first), and the upload
// route refuses a cross-origin POST as Next.js refuses a cross-origin server action.
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as download } from '@/app/api/attachments/[id]/route';
import { POST as upload } from '@/app/api/disclosures/[id]/attachments/route';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { tinyPdf } from '@/lib/seed/tiny-pdf';
import { filingWorld, startFor } from '@/test/helpers/filing';
import { appRequest, signInAs } from '@/test/helpers/route-request';
import { proxy } from '@/proxy';

vi.mock('@/lib/auth/actor', async (original) => (await import('@/test/helpers/route-request')).actorModule(await original()));

let researcher: Actor;
let disclosureId: string;

beforeAll(async () => {
  const world = await filingWorld();
  researcher = await world.researcher();
  disclosureId = await startFor(researcher, world.cycleA.id);
  await signInAs(researcher);
});

function uploadRequest(headers: Record<string, string>) {
  const form = new FormData();
  form.set('file', new File([Buffer.from(tinyPdf('contract'))], 'contract.pdf', { type: 'application/pdf' }));
  form.set('kind', 'CONTRACT');
  return appRequest(`/api/disclosures/${disclosureId}/attachments`, { method: 'POST', body: form, headers: { host: 'localhost:3000', ...headers } });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe('the proxy leaves a route’s own security headers alone', () => {
  it('pages get the proxy’s nonce CSP and no-store; the attachment download keeps its sandbox and caching', async () => {
    const page = await proxy(new NextRequest('http://localhost:3000/review'));
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(page.headers.get('cache-control')).toBe('no-store, max-age=0');

    const id = '6b1f0d1c-0000-4000-8000-0000000000a1';
    const passed = await proxy(new NextRequest(`http://localhost:3000/api/attachments/${id}`));
    expect(passed.headers.get('content-security-policy')).toBeNull();
    expect(passed.headers.get('cache-control')).toBeNull();
  });

  it('the download route sets them itself', async () => {
    const res = await upload(uploadRequest({ origin: 'http://localhost:3000' }), params(disclosureId));
    expect(res.status, await res.clone().text()).toBe(201);
    const { attachment } = (await res.json()) as { attachment: { id: string } };
    const file = await download(appRequest(`/api/attachments/${attachment.id}`), params(attachment.id));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(file.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('the upload route checks Origin', () => {
  it('refuses a cross-origin POST, and one without Origin, with 403 and stores nothing', async () => {
    const before = await db.attachment.count({ where: { disclosureId } });
    const attempts: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, {}, { origin: 'http://localhost:3000.evil.example' }];
    for (const headers of attempts) {
      const res = await upload(uploadRequest(headers), params(disclosureId));
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toEqual({ error: 'errors.crossOrigin' });
    }
    expect(await db.attachment.count({ where: { disclosureId } })).toBe(before);
    // Same origin (also behind a proxy that forwards the public host).
    expect((await upload(uploadRequest({ origin: 'https://kaiji.example.ac.jp', 'x-forwarded-host': 'kaiji.example.ac.jp' }), params(disclosureId))).status).toBe(201);
    expect(await db.attachment.count({ where: { disclosureId } })).toBe(before + 1);
  });
});
