// The contract of /api/v1, checked as an integrator would: the served document is valid OpenAPI 3.1; a
// client generated from it (openapi-typescript + openapi-fetch) compiles under tsc --strict; every
// operation is called through its route handler with real tokens on a real database, with typical and
// hostile parameters, and every answer (status, content type, body) is checked against the document.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiFetch } from '@/test/helpers/api';
import { reportWorld, worldActors } from '@/test/helpers/report-world';
import { issueToken } from './tokens';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  description?: string;
  required?: boolean;
  schema: { type?: string; example?: unknown; items?: { example?: unknown }; enum?: unknown[] };
}
interface MediaType {
  schema?: unknown;
  example?: unknown;
}
interface ResponseObject {
  description: string;
  content?: Record<string, MediaType>;
}
interface OperationObject {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Parameter[];
  responses: Record<string, ResponseObject>;
}
interface Document {
  openapi: string;
  info: { license?: { name: string }; contact?: unknown; description?: string };
  tags?: { name: string }[];
  paths: Record<string, { get: OperationObject }>;
}

let doc: Document;
let w: Awaited<ReturnType<typeof reportWorld>>;
const tokens: Record<'national' | 'auditorA' | 'officerA', string> = { national: '', auditorA: '', officerA: '' };
/** A new nationwide token: each batch of calls gets its own, to stay under the per-token rate limit. */
let freshToken: () => Promise<string>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const seen = { calls: 0, byStatus: new Map<number, number>() };

beforeAll(async () => {
  const res = await apiFetch('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as Document;
  ajv.addSchema(doc, 'kaiji-openapi');
  w = await reportWorld();
  const actors = await worldActors(w);
  const issue = async (owner: string, role: 'AUDITOR' | 'OFFICER', scope: { all?: boolean; ids?: string[] }) =>
    (
      await issueToken(
        actors.admin,
        { name: `contract ${role}`, ownerEmail: owner, role, allInstitutions: scope.all ?? false, institutionIds: scope.ids ?? [], expiresInDays: 1 },
        { ip: null, userAgent: 'vitest' },
      )
    ).token;
  freshToken = () => issue(actors.national.email, 'AUDITOR', { all: true });
  tokens.national = await freshToken();
  tokens.auditorA = await issue(actors.national.email, 'AUDITOR', { ids: [w.a.id] });
  tokens.officerA = await issue(actors.officerA.email, 'OFFICER', { ids: [w.a.id] });
});

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** Calls `url` and checks the answer against the document's operation at `template`. */
async function conform(template: string, url: string, o: { token?: string | null; headers?: Record<string, string> } = {}) {
  const res = await apiFetch(url, { token: o.token === undefined ? tokens.national : o.token, headers: o.headers });
  seen.calls++;
  seen.byStatus.set(res.status, (seen.byStatus.get(res.status) ?? 0) + 1);
  expect(res.status, url).toBeLessThan(500);
  const op = doc.paths[template]!.get;
  const key = op.responses[String(res.status)] ? String(res.status) : 'default';
  const documented = op.responses[key];
  expect(documented, `${url}: status ${res.status} is documented`).toBeDefined();
  const text = await res.text();
  if (res.status === 304) {
    expect(text).toBe('');
    return { res, body: null };
  }
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  expect(Object.keys(documented!.content ?? {}), `${url}: content type`).toContain(type);
  const body: unknown = JSON.parse(text);
  const validate = ajv.getSchema(`kaiji-openapi#/${pointer('paths', template, 'get', 'responses', key, 'content', type, 'schema')}`)!;
  expect(validate(body) ? [] : validate.errors, `${url}: body matches the document`).toEqual([]);
  if (res.status === 400) {
    const names = new Set((op.parameters ?? []).map((p) => p.name));
    for (const e of (body as { errors?: { parameter: string; message: string }[] }).errors ?? []) {
      expect(names.has(e.parameter) || e.message === 'is not a parameter of this operation', `${url}: ${e.parameter} is a public name`).toBe(true);
    }
  }
  return { res, body };
}

function fill(template: string, id: string) {
  return template.replace('{id}', id);
}

describe('the served OpenAPI document', () => {
  it('is valid OpenAPI 3.1 and carries an ETag', async () => {
    const result = await new Validator().validate(structuredClone(doc) as unknown as Parameters<Validator['validate']>[0]);
    expect(result).toEqual({ valid: true });
    expect(doc.openapi).toBe('3.1.0');
    const res = await apiFetch('/api/v1/openapi.json');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect((await apiFetch('/api/v1/openapi.json', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('describes every operation, parameter and error the way linters ask', () => {
    expect(doc.info.license?.name).toBeTruthy();
    expect(doc.info.contact).toBeTruthy();
    expect(doc.info.description).toContain('not ignored');
    const tagNames = new Set((doc.tags ?? []).map((t) => t.name));
    for (const [p, item] of Object.entries(doc.paths)) {
      const op = item.get;
      expect(op.operationId, p).toBeTruthy();
      expect(op.summary && op.description, p).toBeTruthy();
      expect(op.tags?.every((t) => tagNames.has(t)) && op.tags.length > 0, p).toBe(true);
      expect(op.responses.default?.content?.['application/problem+json'], `${p}: default is problem+json`).toBeDefined();
      const ok = op.responses['200']!.content!['application/json']!;
      expect(ok.example, `${p}: has an example`).toBeDefined();
      for (const param of op.parameters ?? []) expect(param.description, `${p} ${param.name}`).toBeTruthy();
      if (p !== '/api/v1/openapi.json') {
        // The examples themselves match the schemas.
        const validate = ajv.getSchema(`kaiji-openapi#/${pointer('paths', p, 'get', 'responses', '200', 'content', 'application/json', 'schema')}`)!;
        expect(validate(ok.example) ? [] : validate.errors, `${p}: example`).toEqual([]);
      }
    }
  });

  it('generates a typed client that compiles under tsc --strict', () => {
    // Under .kaiji (git-ignored, outside the project's tsconfig), so the packages resolve from node_modules.
    fs.mkdirSync(path.join(ROOT, '.kaiji'), { recursive: true });
    const dir = fs.mkdtempSync(path.join(ROOT, '.kaiji', 'contract-'));
    try {
      fs.writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(doc));
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), path.join(dir, 'openapi.json'), '-o', path.join(dir, 'schema.d.ts')], {
        stdio: 'pipe',
      });
      fs.writeFileSync(
        path.join(dir, 'usage.ts'),
        `import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

const client = createClient<paths>({ baseUrl: 'https://kaiji.example.ac.jp', headers: { Authorization: 'Bearer kaiji_pat_x' } });

export async function walk(): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await client.GET('/api/v1/disclosures', {
      params: { query: { fiscalYear: 2026, publication: false, institutionId: ['7a3e7c0e-4d5f-4f7b-9a51-0b8f2a6f1c11'], talent: 'grants', limit: 100, cursor } },
    });
    if (error) throw new Error(error.title + ': ' + error.detail + (error.errors ?? []).map((e) => e.parameter).join());
    for (const d of data.data) {
      const status: components['schemas']['DisclosureStatus'] = d.status;
      const name: string | null = d.researcherName;
      const institution: components['schemas']['Institution'] = d.institution;
      names.push(name ?? status + institution.nameEn);
    }
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  const one = await client.GET('/api/v1/disclosures/{id}', { params: { path: { id: '3d9c1a52-8c1e-4b7e-a0b4-6d2f0e9a7c35' } } });
  const findings: number = one.data?.data.findings.length ?? 0;
  const report = await client.GET('/api/v1/reports/talent-grants', { params: { query: { threshold: 100000000, window: 10, publication: true } } });
  const withheld: number | null = report.data?.totals.aboveThreshold.count ?? null;
  const years = await client.GET('/api/v1/fiscal-years');
  const counts: number[] = (years.data?.data ?? []).map((y) => y.disclosures);
  // @ts-expect-error talent-grants has no status parameter
  await client.GET('/api/v1/reports/talent-grants', { params: { query: { status: 'SUBMITTED' } } });
  // @ts-expect-error publication is a boolean, not a string
  await client.GET('/api/v1/disclosures', { params: { query: { publication: 'True' } } });
  return [...names, String(findings), String(withheld), ...counts.map(String)];
}
`,
      );
      fs.writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { strict: true, noUncheckedIndexedAccess: true, noEmit: true, target: 'ES2022', lib: ['ES2022', 'DOM'], module: 'ESNext', moduleResolution: 'Bundler', skipLibCheck: true, types: [] },
          files: ['usage.ts', 'schema.d.ts'],
        }),
      );
      const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
      let output = '';
      try {
        execFileSync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json')], { stdio: 'pipe' });
      } catch (e) {
        output = String((e as { stdout?: Buffer }).stdout ?? e);
      }
      expect(output).toBe('');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

const HOSTILE = [
  '%00',
  'a%00b',
  'True',
  'FALSE',
  '1',
  'on',
  '',
  '1,000,000',
  '1e3',
  '-1',
  '0x10',
  '9'.repeat(30),
  '%E2%80%AE',
  '%ED%A0%80',
  '%F0%9F%98%80',
  '%25',
  'NaN',
  'DRAFT',
  '2026-13-45T99:99',
  '00000000-0000-4000-8000-000000000000',
  "'%20OR%201=1--",
  '%3Cscript%3E',
];

describe('every operation against the document', () => {
  const typical = (p: Parameter): string | null => {
    const ex = p.schema.example ?? (p.schema.items?.example !== undefined ? p.schema.items.example : undefined);
    if (Array.isArray(ex)) return String(ex[0]);
    if (ex !== undefined) return String(ex);
    if (p.schema.enum) return String(p.schema.enum[0]);
    return null;
  };

  it('answers typical calls with each kind of token as documented', async () => {
    const id = w.people.A1!.disclosureId;
    for (const token of Object.values(tokens)) {
      for (const template of Object.keys(doc.paths)) {
        const url = fill(template, id);
        await conform(template, url, { token });
        // Each documented parameter alone, with its example value.
        for (const p of doc.paths[template]!.get.parameters ?? []) {
          if (p.in !== 'query') continue;
          const v = typical(p);
          if (v !== null) {
            const { res } = await conform(template, `${url}?${p.name}=${encodeURIComponent(v)}`, { token });
            expect(res.status, `${url}?${p.name}=${v}`).toBe(200);
          }
        }
      }
    }
    // All of a list's pages, each answer checked: as many rows as fiscal-years counts, none twice.
    const years = (await conform('/api/v1/fiscal-years', '/api/v1/fiscal-years')).body as { data: { fiscalYear: number; disclosures: number }[] };
    let next: string | null = '/api/v1/disclosures?fiscalYear=2026&limit=2';
    let rows = 0;
    const ids = new Set<string>();
    while (next) {
      const { body } = await conform('/api/v1/disclosures', next);
      const page = body as { data: { id: string }[]; links: { next: string | null } };
      for (const d of page.data) ids.add(d.id);
      rows += page.data.length;
      next = page.links.next;
    }
    expect(rows).toBe(ids.size);
    expect(ids.size).toBe(years.data.find((y) => y.fiscalYear === 2026)!.disclosures);
    expect(ids.size).toBeGreaterThan(2);
    // A figure's records link is a documented call.
    const { body } = await conform('/api/v1/reports/talent-grants', '/api/v1/reports/talent-grants?fiscalYear=2026');
    const records = (body as { totals: { talent: { records: string } } }).totals.talent.records;
    await conform('/api/v1/disclosures', records);
  }, 120_000);

  it('refuses malformed values, unknown and repeated parameters with a 400 problem naming the public parameter, and never fails', async () => {
    for (const template of Object.keys(doc.paths)) {
      const op = doc.paths[template]!.get;
      const url = fill(template, w.people.A1!.disclosureId);
      for (const p of op.parameters ?? []) {
        if (p.in !== 'query') continue;
        const token = await freshToken();
        for (const v of HOSTILE) await conform(template, `${url}?${p.name}=${v}`, { token });
        const { res } = await conform(template, `${url}?${p.name}=${'x'.repeat(1_000_000)}`, { token });
        expect(res.status).toBe(400);
        const twice = await conform(template, `${url}?${p.name}=a&${p.name}=b`, { token });
        expect(twice.res.status).toBe(400);
      }
      if (template === '/api/v1/openapi.json') continue;
      const unknown = await conform(template, `${url}?fy=2026`, { token: await freshToken() });
      expect(unknown.res.status).toBe(400);
      expect((unknown.body as { errors: { parameter: string }[] }).errors).toEqual([{ parameter: 'fy', message: 'is not a parameter of this operation' }]);
    }
    tokens.national = await freshToken();
    for (const v of HOSTILE) {
      const { res } = await conform('/api/v1/disclosures/{id}', `/api/v1/disclosures/${v || '%20'}`);
      expect([400, 404], v).toContain(res.status);
    }
    // Malformed values of typed parameters are 400 problem+json, with the parameter named.
    for (const [url, parameter] of [
      ['/api/v1/disclosures?publication=True', 'publication'],
      ['/api/v1/disclosures?flagged=1', 'flagged'],
      ['/api/v1/disclosures?fiscalYear=2026.5', 'fiscalYear'],
      ['/api/v1/disclosures?limit=0', 'limit'],
      ['/api/v1/disclosures?status=draft', 'status'],
      ['/api/v1/disclosures?institutionId=x', 'institutionId'],
      ['/api/v1/reports/talent-grants?threshold=1,000,000', 'threshold'],
      ['/api/v1/reports/talent-grants?window=31', 'window'],
      ['/api/v1/reports/talent-grants?group=Not%20A%20Code', 'group'],
      ['/api/v1/disclosures/%C3%A9', 'id'],
    ] as const) {
      const template = url.startsWith('/api/v1/disclosures/') ? '/api/v1/disclosures/{id}' : url.split('?')[0]!;
      const { res, body } = await conform(template, url);
      expect(res.status, url).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((body as { errors: { parameter: string }[] }).errors.map((e) => e.parameter), url).toContain(parameter);
    }
    // NUL and malformed encoding are refused before any route (the proxy), in the same format (issue 12 item 3).
    for (const url of ['/api/v1/disclosures/%00', '/api/v1/disclosures/%ED%A0%80', '/api/v1/disclosures?programme=%00', '/api/v1/nothing/%E0']) {
      const res = await apiFetch(url, { token: tokens.national });
      expect(res.status, url).toBe(400);
      expect(res.headers.get('content-type'), url).toMatch(/^application\/problem\+json/);
      expect(((await res.json()) as { status: number }).status).toBe(400);
    }
    // /api/v1 itself and unknown paths: a problem+json 404, for any method.
    for (const [url, method] of [['/api/v1', 'GET'], ['/api/v1/disclosures/x/y', 'GET'], ['/api/v1/nothing', 'POST']] as const) {
      const res = await apiFetch(url, { token: tokens.national, method });
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type'), url).toMatch(/^application\/problem\+json/);
    }
  }, 300_000);

  it('answers credentials, not-modified and rate limits in documented shapes', async () => {
    tokens.national = await freshToken();
    await conform('/api/v1/institutions', '/api/v1/institutions', { token: null });
    await conform('/api/v1/institutions', '/api/v1/institutions', { token: 'kaiji_pat_' + 'x'.repeat(43) });
    const path = `/api/v1/disclosures/${w.people.A1!.disclosureId}`;
    const { res } = await conform('/api/v1/disclosures/{id}', path);
    const again = await conform('/api/v1/disclosures/{id}', path, { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.res.status).toBe(304);
    // Outside the scope and missing: the documented 404.
    expect((await conform('/api/v1/disclosures/{id}', `/api/v1/disclosures/${w.people.B1!.disclosureId}`, { token: tokens.auditorA })).res.status).toBe(404);
  });

  it('prints what it tried', () => {
    console.log(`contract: ${seen.calls} calls, statuses ${JSON.stringify(Object.fromEntries(seen.byStatus))}, 5xx: ${[...seen.byStatus.keys()].filter((s) => s >= 500).length}`);
    expect(seen.calls).toBeGreaterThan(500);
  });
});
