// Synthetic data for the review-queue benchmark: institutions, departments, researchers and officers,
// eight fiscal years of disclosure cycles, disclosures with light versions, the organisations they
// name and the findings rules produced, loaded with COPY … FROM STDIN (one stream per table, one pass).
//
//   node --conditions=react-server --import tsx bench/seed-queue.ts --disclosures 1000000 [--database-url URL] [--seed 42] [--content light|full]
//
// Without --database-url it starts an embedded PostgreSQL with its data in .kaiji/bench/pgdata and
// (re)creates the database kaiji_bench there; with one, the database must be migrated-empty (no
// disclosures yet). Distributions: two institutions of interest (A: ~10% of all disclosures, B: ~5%)
// and many smaller ones; past cycles mostly decided, the current one busy; most disclosures have no
// or minor findings, a few name organisations of concern. See bench/README.md.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate } from '../lib/db/migrator';
import { textLang } from '../lib/i18n/text-lang';
import { searchTextOf } from '../lib/review/search-keys';
import { normalizeName } from '../lib/watchlists/normalize';
import { openBenchDb, recreateBenchDatabase } from './lib/bench-db';
import { type Cell, CopySink } from './lib/copy';
import { DEPARTMENTS, FAMILY, GIVEN, ORGANISATIONS, type OrgSpec, RULES, WATCH_ENTRIES } from './lib/pools';

const { values: args } = parseArgs({
  options: {
    disclosures: { type: 'string', default: '1000000' },
    'database-url': { type: 'string' },
    seed: { type: 'string', default: '42' },
    // light: profile name and appointments only (the queue and export benches read no more);
    // full: every section of the form, as the rules' view needs (bench/reevaluate-bench.ts).
    content: { type: 'string', default: 'light' },
  },
});
if (args.content !== 'light' && args.content !== 'full') throw new Error('--content must be light or full');
const FULL = args.content === 'full';
const TOTAL = Number(args.disclosures);
if (!Number.isInteger(TOTAL) || TOTAL < 1000) throw new Error('--disclosures must be an integer of at least 1000');
const log = (line: string) => console.log(line);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

// Deterministic pseudo-random numbers (mulberry32), so two runs with the same seed make the same data.
let state = Number(args.seed) >>> 0;
function rand(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
function weighted<T>(xs: readonly T[], weight: (x: T) => number): () => T {
  const cum: number[] = [];
  let sum = 0;
  for (const x of xs) cum.push((sum += weight(x)));
  return () => {
    const r = rand() * sum;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return xs[lo]!;
  };
}

type Status = 'DRAFT' | 'SUBMITTED' | 'UNDER_REVIEW' | 'RETURNED' | 'RESUBMITTED' | 'APPROVED' | 'FLAGGED';
const pastStatus = weighted<[Status, number]>(
  [['APPROVED', 92.5], ['FLAGGED', 4], ['RETURNED', 1], ['DRAFT', 1.5], ['UNDER_REVIEW', 1]],
  (x) => x[1],
);
const currentStatus = weighted<[Status, number]>(
  [['DRAFT', 18], ['SUBMITTED', 30], ['UNDER_REVIEW', 14], ['RETURNED', 6], ['RESUBMITTED', 6], ['APPROVED', 24], ['FLAGGED', 2]],
  (x) => x[1],
);
const pickOrg = weighted<OrgSpec>(ORGANISATIONS, (o) => o.weight);
const SEVERITY_RANK = { INFO: 1, REVIEW: 2, FLAG: 3 } as const;

const now = new Date();
const CURRENT_FY = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
const YEARS = Array.from({ length: 8 }, (_, i) => CURRENT_FY - 7 + i);
const iso = (ms: number) => new Date(ms).toISOString();

const EMPTY = { nothingToDisclose: true, items: [] };
const FOREIGN_FUNDERS = [['National Science Foundation', 'US'], ['European Research Council', 'DE'], ['Wellcome Trust', 'GB'], ['National Natural Science Foundation of China', 'CN']] as const;

/**
 * Every section of the form, as a submission stores it: the appointments at the drawn organisations, for
 * a quarter of researchers a foreign-funded project (yen amounts from ¥1m to ¥20m, so the starter
 * ruleset's support threshold splits them), the other sections declared empty.
 */
function fullContent(o: { kanji: string; romaji: string }, orgs: readonly OrgSpec[], fy: number) {
  const start = `${fy}-04-01`;
  const funder = rand() < 0.25 ? pick(FOREIGN_FUNDERS) : null;
  return {
    profile: { nameKanji: o.kanji, nameKana: '', nameRomaji: o.romaji, position: 'Professor', eradNumber: String(int(10_000_000, 99_999_999)), orcid: '' },
    appointments: {
      nothingToDisclose: false,
      items: orgs.map((org, k) => ({
        id: `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`,
        organisation: { name: org.name, country: org.country },
        title: 'Visiting Researcher',
        kind: 'VISITING',
        paid: false,
        timeCommitment: { unit: 'PERCENT', value: int(1, 20) },
        startDate: start,
        contractAttachmentIds: [],
      })),
    },
    programmes: EMPTY,
    support: funder
      ? {
          nothingToDisclose: false,
          items: [
            {
              id: '00000000-0000-4000-8000-000000000100',
              title: 'Joint research project',
              status: 'CURRENT',
              role: 'PRINCIPAL_INVESTIGATOR',
              source: { name: funder[0], country: funder[1] },
              placeOfPerformance: { name: 'Home university', country: 'JP' },
              startDate: start,
              endDate: `${fy + 2}-03-31`,
              totalAmount: { amountMinor: int(1, 20) * 1_000_000, currency: 'JPY' },
              personMonthsPerYear: [{ year: fy, personMonths: 2 }],
              objectives: 'Joint research.',
              overlap: 'None',
              inKind: false,
            },
          ],
        }
      : EMPTY,
    gifts: EMPTY,
    interests: EMPTY,
    travel: EMPTY,
  };
}

/** Disclosures per institution: A and B of interest, the rest a long tail. */
function institutionSizes(total: number): number[] {
  const others = Math.max(8, Math.round(total / 2500));
  const a = Math.round(total * 0.1);
  const b = Math.round(total * 0.05);
  const weights = Array.from({ length: others }, (_, i) => 1 / Math.pow(i + 1, 0.6));
  const wsum = weights.reduce((x, y) => x + y, 0);
  const rest = total - a - b;
  const sizes = [a, b, ...weights.map((w) => Math.max(8, Math.floor((rest * w) / wsum)))];
  // Rounding leftovers go to the largest of the others.
  sizes[2]! += total - sizes.reduce((x, y) => x + y, 0);
  return sizes;
}

async function connect(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  // Foreign keys and the immutability triggers are skipped during the load: the generator writes
  // consistent rows, and checking a million references one by one would dominate the load time.
  await c.query(`SET session_replication_role = replica`);
  await c.query(`SET synchronous_commit = off`);
  return c;
}

const BULK_TABLES = ['User', 'Membership', 'Disclosure', 'DisclosureVersion', 'DisclosureOrganisation', 'Finding'];

async function main() {
  const bench = await openBenchDb(args['database-url'], log);
  try {
    if (bench.adminUrl) await recreateBenchDatabase(bench.adminUrl);
    await migrate(bench.url);
    const main = await connect(bench.url);
    const existing = await main.query('SELECT count(*)::int AS n FROM "Disclosure"');
    if (existing.rows[0].n > 0) throw new Error('The database already holds disclosures; give an empty, migrated database.');
    log(`• migrated (${elapsed()}); generating ${TOTAL.toLocaleString('en')} disclosures`);

    // Secondary indexes are dropped for the load and built once at the end (much faster than
    // maintaining them row by row). Primary keys stay.
    const indexes = await main.query<{ name: string; def: string }>(
      `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [BULK_TABLES],
    );
    for (const ix of indexes.rows) await main.query(`DROP INDEX "${ix.name}"`);

    // Rules and watchlists: a handful of rows.
    const ruleset = await main.query(`INSERT INTO "Ruleset" (code, "nameJa", "nameEn") VALUES ('bench', 'ベンチマーク規則', 'Benchmark rules') RETURNING id`);
    const rsv = await main.query(
      `INSERT INTO "RulesetVersion" ("rulesetId", version, status, "effectiveFrom", "activatedAt") VALUES ($1, 1, 'ACTIVE', $2, $2) RETURNING id`,
      [ruleset.rows[0].id, iso(Date.UTC(YEARS[0]!, 3, 1))],
    );
    const rulesetVersionId: string = rsv.rows[0].id;
    const ruleIds = new Map<string, string>();
    for (const r of RULES) {
      const row = await main.query(
        `INSERT INTO "Rule" ("rulesetVersionId", code, "titleJa", "titleEn", expression, severity, "messageJa", "messageEn", "citationJa", "citationEn")
         VALUES ($1, $2, $3, $4, 'true', $5, $6, $7, $8, $9) RETURNING id`,
        [rulesetVersionId, r.code, r.titleJa, r.titleEn, r.severity, `${r.titleJa}に該当します。`, `${r.titleEn}.`, ...(textLang(r.citation) === 'ja' ? [r.citation, ''] : ['', r.citation])],
      );
      ruleIds.set(r.code, row.rows[0].id);
    }
    const lists = new Map<string, string>();
    for (const [code, nameEn, nameJa] of [
      ['S1286', 'Section 1286 list (sample)', '1286条リスト（サンプル）'],
      ['METI_EUL', 'METI End User List (sample)', '外国ユーザーリスト（サンプル）'],
      ['SASTIND', 'SASTIND universities (sample)', '国防七校（サンプル）'],
    ] as const) {
      const row = await main.query(
        `INSERT INTO "Watchlist" (code, "nameEn", "nameJa", source, "isSample", "updatedAt") VALUES ($1, $2, $3, 'bench', true, now()) RETURNING id`,
        [code, nameEn, nameJa],
      );
      lists.set(code, row.rows[0].id);
    }
    const entryIds = new Map<string, string>();
    for (const e of WATCH_ENTRIES) {
      const row = await main.query(
        `INSERT INTO "WatchlistEntry" ("watchlistId", reference, name, country, "searchText", "updatedAt") VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
        [lists.get(e.list), e.reference, e.name, e.country, normalizeName(e.name)],
      );
      entryIds.set(e.reference, row.rows[0].id);
    }
    // The officers' decisions on each organisation of concern, remembered per organisation key: a third
    // still pending, the rest confirmed or dismissed.
    const concernKeys = [...new Set(ORGANISATIONS.filter((o) => o.watch).map((o) => `name:${normalizeName(o.name)}`))];
    const matchStatus = new Map(concernKeys.map((k, i) => [k, (['PENDING', 'CONFIRMED', 'DISMISSED'] as const)[i % 3]!]));
    const normalized = new Map(ORGANISATIONS.map((o) => [o.name, normalizeName(o.name)]));

    const sinks = {
      institution: await new CopySink(await connect(bench.url), 'Institution', ['id', 'slug', 'nameJa', 'nameEn', 'updatedAt']).open(),
      department: await new CopySink(await connect(bench.url), 'Department', ['id', 'institutionId', 'code', 'nameJa', 'nameEn', 'updatedAt']).open(),
      cycle: await new CopySink(await connect(bench.url), 'DisclosureCycle', [
        'id', 'institutionId', 'code', 'fiscalYear', 'titleJa', 'titleEn', 'status', 'opensAt', 'filingDeadline', 'reviewDeadline', 'attestationJa', 'attestationEn', 'updatedAt',
      ]).open(),
      user: await new CopySink(await connect(bench.url), 'User', ['id', 'email', 'displayName', 'nameKanji', 'nameRomaji', 'locale', 'updatedAt']).open(),
      membership: await new CopySink(await connect(bench.url), 'Membership', ['id', 'userId', 'role', 'institutionId']).open(),
      disclosure: await new CopySink(await connect(bench.url), 'Disclosure', [
        'id', 'cycleId', 'researcherId', 'institutionId', 'departmentId', 'status', 'stateVersion', 'assigneeId', 'researcherName', 'searchText',
        'maxSeverity', 'findingCount', 'pendingMatches', 'lastSubmittedAt', 'decidedAt', 'createdAt', 'updatedAt',
      ]).open(),
      version: await new CopySink(await connect(bench.url), 'DisclosureVersion', [
        'id', 'disclosureId', 'number', 'kind', 'content', 'contentHash', 'formVersion', 'rulesetVersionId', 'attestationText',
        'certifiedName', 'certifiedAt', 'locale', 'submittedById', 'idempotencyKey', 'createdAt',
      ]).open(),
      organisation: await new CopySink(await connect(bench.url), 'DisclosureOrganisation', [
        'id', 'disclosureId', 'versionId', 'name', 'normalizedName', 'country', 'itemRef',
      ]).open(),
      finding: await new CopySink(await connect(bench.url), 'Finding', [
        'id', 'disclosureId', 'versionId', 'ruleId', 'severity', 'itemRef', 'values', 'messageJa', 'messageEn', 'supersededAt', 'createdAt',
      ]).open(),
    };

    const sizes = institutionSizes(TOTAL);
    const meta: { institutions: { id: string; slug: string; disclosures: number; officers: string[] }[] } = { institutions: [] };
    let userSeq = 0;
    let written = 0;
    let nextReport = 100_000;
    const stamp = iso(Date.now());

    // Names repeat (a few hundred surnames, given names and organisations): their keys are made once.
    const keysByName = new Map<string, string[]>();
    function searchKeysOf(name: string): string[] {
      let keys = keysByName.get(name);
      if (!keys) {
        keys = searchTextOf([name]).split('\n').filter(Boolean);
        keysByName.set(name, keys);
      }
      return keys;
    }

    for (let i = 0; i < sizes.length; i++) {
      const target = sizes[i]!;
      const slug = i === 0 ? 'bench-a' : i === 1 ? 'bench-b' : `bench-${String(i).padStart(4, '0')}`;
      const instId = randomUUID();
      const [nameJa, nameEn] =
        i === 0 ? ['東都総合大学', 'Toto Comprehensive University'] : i === 1 ? ['北陸先端工業大学', 'Hokuriku Advanced Institute of Technology'] : [`ベンチ大学${i}`, `Bench University ${i}`];
      await sinks.institution.row([instId, slug, nameJa, nameEn, stamp]);
      const depts = DEPARTMENTS.slice(0, i < 2 ? DEPARTMENTS.length : int(4, 10)).map(([code, ja, en]) => ({ id: randomUUID(), code, ja, en }));
      for (const d of depts) await sinks.department.row([d.id, instId, d.code, d.ja, d.en, stamp]);
      const pickDept = weighted(depts, () => 1 + rand());
      const cycles = YEARS.map((fy) => ({
        id: randomUUID(),
        fy,
        status: fy === CURRENT_FY ? 'OPEN' : 'CLOSED',
        opensAt: Date.UTC(fy, 3, 1),
        filingDeadline: Date.UTC(fy + 1, 0, 31, 14, 59),
        reviewDeadline: Date.UTC(fy + 1, 2, 15, 14, 59),
      }));
      for (const c of cycles) {
        await sinks.cycle.row([
          c.id, instId, `FY${c.fy}`, c.fy, `${c.fy}年度 年次開示`, `FY${c.fy} annual disclosure`, c.status,
          iso(c.opensAt), iso(c.filingDeadline), iso(c.reviewDeadline), '誓約します。', 'I certify.', stamp,
        ]);
      }
      const officers: string[] = [];
      for (let k = 0; k < (i < 2 ? 6 : int(2, 4)); k++) {
        const id = randomUUID();
        const [fk, fr] = pick(FAMILY);
        const [gk, gr] = pick(GIVEN);
        await sinks.user.row([id, `officer${k + 1}@${slug}.bench.test`, `${fk} ${gk}`, `${fk} ${gk}`, `${gr} ${fr}`, 'ja', stamp]);
        await sinks.membership.row([randomUUID(), id, 'OFFICER', instId]);
        officers.push(id);
      }
      meta.institutions.push({ id: instId, slug, disclosures: target, officers });

      let made = 0;
      while (made < target) {
        // One researcher: a department, a name, and a run of consecutive years up to now.
        const researcherId = randomUUID();
        const [fk, fr] = pick(FAMILY);
        const [gk, gr] = pick(GIVEN);
        const kanji = `${fk} ${gk}`;
        const romaji = `${gr} ${fr}`;
        const researcherName = `${kanji} (${romaji})`;
        await sinks.user.row([researcherId, `r${++userSeq}@${slug}.bench.test`, kanji, kanji, romaji, rand() < 0.85 ? 'ja' : 'en', stamp]);
        await sinks.membership.row([randomUUID(), researcherId, 'RESEARCHER', instId]);
        const dept = pickDept();
        const years = Math.min(target - made, rand() < 0.6 ? 8 : int(1, 7));
        for (const c of cycles.slice(cycles.length - years)) {
          await writeDisclosure({ c, instId, deptId: dept.id, researcherId, researcherName, kanji, romaji, officers });
          made++;
          if (++written >= nextReport) {
            log(`  ${written.toLocaleString('en')} disclosures (${elapsed()})`);
            nextReport += 100_000;
          }
        }
      }
    }

    async function writeDisclosure(o: {
      c: { id: string; fy: number; status: string; opensAt: number; filingDeadline: number };
      instId: string;
      deptId: string;
      researcherId: string;
      researcherName: string;
      kanji: string;
      romaji: string;
      officers: string[];
    }) {
      const status = (o.c.fy === CURRENT_FY ? currentStatus() : pastStatus())[0];
      const id = randomUUID();
      const end = Math.min(o.c.filingDeadline, now.getTime() - 3600_000);
      const start = o.c.opensAt + 9 * 86_400_000;
      const submittedAt = status === 'DRAFT' ? null : start + Math.floor(rand() * (end - start));
      const decided = status === 'APPROVED' || status === 'FLAGGED' || status === 'RETURNED';
      const decidedAt = decided && submittedAt ? Math.min(now.getTime() - 60_000, submittedAt + int(2, 60) * 86_400_000) : null;
      const assigned =
        status === 'SUBMITTED' ? rand() < 0.15 : status === 'RESUBMITTED' ? rand() < 0.6 : status === 'DRAFT' ? false : rand() < 0.85;
      const stateVersion = { DRAFT: 0, SUBMITTED: 1, UNDER_REVIEW: 2, RETURNED: 3, RESUBMITTED: 4, APPROVED: 3, FLAGGED: 3 }[status];

      let maxRank = 0;
      let findingCount = 0;
      let pending = 0;
      let searchText = '';
      if (submittedAt !== null) {
        const versions = status === 'RESUBMITTED' ? 2 : 1;
        let versionId = '';
        const orgs = Array.from({ length: int(1, 3) }, () => pickOrg());
        // The queue search's keys, as a submission writes them (lib/review/search-keys.ts).
        searchText = [...new Set([o.researcherName, o.kanji, o.romaji, ...orgs.map((org) => org.name)].flatMap(searchKeysOf))].join('\n');
        for (let n = 1; n <= versions; n++) {
          versionId = randomUUID();
          const at = versions === 2 && n === 1 ? submittedAt - int(5, 20) * 86_400_000 : submittedAt;
          const content = FULL
            ? fullContent(o, orgs, o.c.fy)
            : {
                profile: { nameKanji: o.kanji },
                appointments: {
                  nothingToDisclose: false,
                  items: orgs.map((org, k) => ({ id: `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`, organisation: { name: org.name, country: org.country }, title: 'Visiting Researcher' })),
                },
              };
          await sinks.version.row([
            versionId, id, n, n === 1 ? 'INITIAL' : 'RESUBMISSION', JSON.stringify(content), randomUUID().replace(/-/g, '').padEnd(64, '0'),
            1, rulesetVersionId, 'I certify.', o.kanji, iso(at), 'ja', o.researcherId, randomUUID(), iso(at),
          ]);
        }
        for (const [k, org] of orgs.entries()) {
          const key = normalized.get(org.name)!;
          await sinks.organisation.row([randomUUID(), id, versionId, org.name, key, org.country, `appointments/00000000-0000-4000-8000-${String(k).padStart(12, '0')}`]);
          if (org.watch && matchStatus.get(`name:${key}`) === 'PENDING') pending++;
        }
        const fired: { code: string; values: object }[] = [];
        for (const org of orgs.filter((x) => x.watch)) {
          const sastind = WATCH_ENTRIES.find((e) => e.reference === org.watch)?.list === 'SASTIND';
          fired.push({ code: org.watch === 'TTP' ? 'TALENT_PROGRAMME_COC' : sastind ? 'SASTIND_UNIVERSITY' : 'LISTED_ENTITY', values: { organisation: org.name, country: org.country } });
        }
        if (rand() < 0.35) fired.push({ code: pick(RULES.filter((r) => r.severity === 'REVIEW')).code, values: { amountJpy: int(1, 400) * 100_000 } });
        if (rand() < 0.08) fired.push({ code: 'EFFORT_OVER_100', values: { totalEffort: int(101, 160) } });
        if (rand() < 0.3) fired.push({ code: pick(RULES.filter((r) => r.severity === 'INFO')).code, values: { country: pick(['CN', 'US', 'KR', 'DE']) } });
        for (const f of fired) {
          const rule = RULES.find((r) => r.code === f.code)!;
          maxRank = Math.max(maxRank, SEVERITY_RANK[rule.severity]);
          findingCount++;
          await sinks.finding.row([
            randomUUID(), id, versionId, ruleIds.get(rule.code)!, rule.severity, null, JSON.stringify(f.values),
            `${rule.titleJa}に該当します。`, `${rule.titleEn}.`, null, iso(submittedAt),
          ]);
        }
        // An earlier evaluation's finding that no longer applies: kept, superseded.
        if (rand() < 0.05) {
          const rule = pick(RULES);
          await sinks.finding.row([
            randomUUID(), id, versionId, ruleIds.get(rule.code)!, rule.severity, null, '{}', `${rule.titleJa}に該当します。`, `${rule.titleEn}.`,
            iso(submittedAt + 3600_000), iso(submittedAt),
          ]);
        }
      }
      const row: Cell[] = [
        id, o.c.id, o.researcherId, o.instId, o.deptId, status, stateVersion, assigned ? pick(o.officers) : null, o.researcherName, searchText,
        maxRank ? (['INFO', 'REVIEW', 'FLAG'] as const)[maxRank - 1] : null, findingCount, pending,
        submittedAt === null ? null : iso(submittedAt), decidedAt === null ? null : iso(decidedAt),
        iso(o.c.opensAt + int(0, 8) * 86_400_000), iso(decidedAt ?? submittedAt ?? o.c.opensAt),
      ];
      await sinks.disclosure.row(row);
    }

    const counts: Record<string, number> = {};
    for (const [name, sink] of Object.entries(sinks)) counts[name] = await sink.close();
    log(`• loaded (${elapsed()}): ${Object.entries(counts).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);

    for (const [key, status] of matchStatus) {
      const org = ORGANISATIONS.find((o) => `name:${normalized.get(o.name)}` === key)!;
      const match = await main.query(
        `INSERT INTO "EntityMatch" ("organisationKey", "organisationName", "watchlistEntryId", score, "matchedNames") VALUES ($1, $2, $3, 0.97, $4) RETURNING id`,
        [key, org.name, entryIds.get(org.watch!), [org.name]],
      );
      if (status === 'PENDING') continue;
      // Decisions are per institution (MatchDecision): every institution's officers made the same one here.
      for (const inst of meta.institutions) {
        await main.query(
          `INSERT INTO "MatchDecision" ("matchId", "institutionId", status, "decidedById", "decidedAt") VALUES ($1, $2, $3, $4, $5)`,
          [match.rows[0].id, inst.id, status, inst.officers[0] ?? randomUUID(), iso(Date.now())],
        );
      }
    }
    for (const ix of indexes.rows) {
      const t = Date.now();
      await main.query(ix.def);
      log(`  index ${ix.name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    }
    await main.query(`SET session_replication_role = origin`);
    await main.query('VACUUM (ANALYZE)');
    await main.query(
      `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('bench.meta', $1, now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [JSON.stringify({ total: TOTAL, generatedAt: new Date().toISOString(), currentFiscalYear: CURRENT_FY, institutions: meta.institutions.slice(0, 2) })],
    );
    await main.end();
    log(`✓ ${TOTAL.toLocaleString('en')} disclosures in ${sizes.length} institutions, ready in ${elapsed()}`);
    log(`  institution A: ${meta.institutions[0]!.slug} (${meta.institutions[0]!.disclosures.toLocaleString('en')} disclosures)`);
  } catch (err) {
    // Said before the server stops: its stopping ends the open COPY connections, whose errors would
    // otherwise be all that is printed.
    console.error(err);
    throw err;
  } finally {
    await bench.stop();
  }
}

await main();
