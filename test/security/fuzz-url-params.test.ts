// Property-based fuzzing of every URL parser with hostile values, along the path a request takes: the
// URL as a browser would send it meets the proxy's gate (400), then the route's parser and the query the
// page runs. The parsers are also fed the raw values directly (as if the gate were gone): they must
// still answer, never throw. Nothing here may produce what would be a 500.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '@/lib/admin/audit-log';
import { listPeople } from '@/lib/admin/people';
import { auditFilterFrom } from '@/lib/admin/schemas/audit-filter';
import { parsePeopleFilter } from '@/lib/admin/schemas/person';
import { db } from '@/lib/db/client';
import { downloadResponse, entitySearchResponse, listAttachmentsResponse } from '@/lib/filing/http';
import { exportRequestFromUrl } from '@/lib/reports/export/query';
import { reportFrame } from '@/lib/reports/frame';
import { countRecords, listRecords, recordQuery } from '@/lib/reports/records';
import { listQueue } from '@/lib/review/queue';
import { parseQueueParams } from '@/lib/review/queue-params';
import { gateRefusal } from '@/lib/security/request-gate';
import type { SearchParamsInput } from '@/lib/security/url-params';
import { type ReviewWorld, reviewWorld, submitted } from '@/test/helpers/review-world';
import { FUZZ_SEED, hostileString } from './support/hostile';

const RUNS = Number(process.env.FUZZ_URL_RUNS ?? 40);
const origin = { ip: '192.0.2.78', userAgent: 'vitest-fuzz-url' };
let w: ReviewWorld;
const stats = { runs: 0, payloads: 0, gate400: 0, answered: 0, failures: [] as string[] };

type Route = { path: string; keys: string[]; run: (params: SearchParamsInput, url: URL) => Promise<unknown> };

const REPORT_KEYS = ['fy', 'inst', 'pub', 'threshold', 'window', 'group', 'status', 'severity', 'institution', 'country', 'programme', 'rule', 'flagged', 'submitted', 'talent', 'entry', 'watchlist', 'cursor'];

const routes = (): Route[] => [
  { path: '/admin/audit', keys: ['actor', 'entityType', 'entityId', 'action', 'from', 'to', 'before'], run: (p) => listAuditEvents(w.admin, auditFilterFrom(p)) },
  { path: '/admin/people', keys: ['q', 'institution', 'role', 'status', 'after'], run: (p) => listPeople(w.admin, parsePeopleFilter(p)) },
  { path: '/review', keys: ['cycle', 'status', 'severity', 'rule', 'dept', 'assignee', 'watch', 'q', 'sort', 'cursor'], run: (p) => listQueue(w.officerA, parseQueueParams(p)) },
  {
    path: '/reports/records',
    keys: REPORT_KEYS,
    run: async (p) => {
      const frame = await reportFrame(w.auditor, p instanceof URLSearchParams ? Object.fromEntries(p) : p, 'en');
      const q = await recordQuery(w.auditor, frame.filter, { locale: 'en' });
      const raw = p instanceof URLSearchParams ? p.get('cursor') : p.cursor;
      await countRecords(q);
      return listRecords(q, { cursor: typeof raw === 'string' ? raw : null, limit: 5 });
    },
  },
  { path: '/api/exports/records', keys: [...REPORT_KEYS, 'format', 'lang'], run: async (_p, url) => exportRequestFromUrl(url, 'records', 'en') },
  { path: '/api/exports/report', keys: [...REPORT_KEYS, 'format', 'lang', 'report'], run: async (_p, url) => exportRequestFromUrl(url, 'report', 'en') },
  { path: '/api/entities', keys: ['q'], run: async (_p, url) => status(await entitySearchResponse(w.researcherA, url, origin)) },
];

function status(res: Response): number {
  if (res.status >= 500) throw new Error(`HTTP ${res.status}`);
  return res.status;
}

beforeAll(async () => {
  w = await reviewWorld();
  await submitted(w, { cycle: w.cycleA });
}, 120_000);

const query = (keys: string[]) =>
  fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: hostileString.filter((s) => s.length < 100) }), hostileString), {
    minLength: 1,
    maxLength: 4,
  });

describe('every URL parser under hostile values', () => {
  it('answers 400 at the gate or runs its query, never an error; raw values are survived too', async () => {
    for (const route of routes()) {
      await fc.assert(
        fc.asyncProperty(query(route.keys), async (pairs) => {
          stats.runs++;
          stats.payloads += pairs.length;
          // As sent by a browser: encoded, through the gate, then parsed as Next parses it.
          const url = new URL(`http://localhost${route.path}`);
          for (const [k, v] of pairs) url.searchParams.append(k, v);
          try {
            if (await gateRefusal(new Request(url))) stats.gate400++;
            else {
              const record: Record<string, string | string[]> = {};
              for (const key of new Set(url.searchParams.keys())) {
                const all = url.searchParams.getAll(key);
                record[key] = all.length === 1 ? all[0]! : all;
              }
              await route.run(record, url);
              stats.answered++;
            }
            // As if the gate were not there: the raw values straight into the parser.
            const raw: Record<string, string | string[]> = {};
            for (const [k, v] of pairs) raw[k] = raw[k] === undefined ? v : [...[raw[k]].flat(), v];
            await route.run(raw, url);
            await route.run(new URLSearchParams(pairs), url);
            return true;
          } catch (err) {
            // notFound()/forbidden() from a page are 4xx answers, not errors.
            if (/^NEXT_HTTP_ERROR_FALLBACK;4\d\d$/.test((err as { digest?: string }).digest ?? '')) {
              stats.answered++;
              return true;
            }
            stats.failures.push(`${route.path} ${JSON.stringify(pairs).slice(0, 200)}: ${(err as Error).message.slice(0, 300)}`);
            return false;
          }
        }),
        { numRuns: RUNS, seed: FUZZ_SEED, endOnFailure: true },
      ).catch(() => undefined);
    }
    console.info(`[fuzz-url] ${routes().length} parsers, ${stats.runs} runs, ${stats.payloads} hostile values: ${stats.gate400} refused 400 at the gate, ${stats.answered} answered, ${stats.failures.length} errors (would be 5xx)`);
    expect(stats.failures).toEqual([]);
  }, 600_000);

  it('route ids: anything that is not an id answers 4xx, audited', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (id) => {
        stats.payloads++;
        const denied = () => db.auditEvent.count({ where: { action: 'access.denied', ip: origin.ip } });
        const before = await denied();
        const codes = [
          status(await downloadResponse(w.officerA, id, origin)),
          status(await listAttachmentsResponse(w.researcherA, id, origin)),
        ];
        return codes.every((c) => c >= 400 && c < 500) && (await denied()) === before + 2;
      }),
      { numRuns: RUNS, seed: FUZZ_SEED },
    );
  });
});
