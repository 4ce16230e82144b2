import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tx } from '@/lib/db/client';
import { importWatchlist, type ImportWatchlistResult, type NewWatchlist } from './import';

// Seeds the sample watchlists: the copies of public lists in shared/fixtures/watchlists (see the
// README there for provenance and licences) and Kaiji's own samples in ./samples. Every one is
// imported with isSample: true, so the UI says they are samples. Importing is idempotent, so seeding
// twice changes nothing.
//
// The imports take a few seconds on a small machine: run this in a transaction with a timeout of a
// minute (`db.$transaction((tx) => seedWatchlists(tx), { timeout: 60_000 })`).

interface SeedList {
  file: string;
  /** 'fixtures': shared/fixtures/watchlists; 'samples': lib/watchlists/samples. */
  from: 'fixtures' | 'samples';
  editionDate: string;
  create: NewWatchlist;
}

const OPENSANCTIONS_1286 =
  'https://github.com/opensanctions/opensanctions/blob/%s/datasets/us/special_leg/source_files/section_1286.csv';

export const SEED_LISTS: readonly SeedList[] = [
  {
    file: 'us-dod-section-1286.csv',
    from: 'fixtures',
    editionDate: '2026-08-20',
    create: {
      code: 'us-dod-section-1286',
      nameEn: 'US DoD Section 1286 list, FY2022–FY2025 (sample copy)',
      nameJa: '米国防総省 1286条リスト FY2022–FY2025（サンプル）',
      source: 'US Department of Defense, Section 1286 lists; copied from OpenSanctions (CC BY-NC 4.0)',
      sourceUrl: OPENSANCTIONS_1286.replace('%s', '24dc30f6d19ea07b02b1ba42aa332259bf8f1c6b'),
    },
  },
  {
    file: 'us-dod-section-1286-talent-programmes.csv',
    from: 'fixtures',
    editionDate: '2026-08-22',
    create: {
      code: 'us-dod-section-1286-talent-programmes',
      nameEn: 'US DoD Section 1286: foreign talent programmes (sample copy)',
      nameJa: '米国防総省 1286条リスト：外国人材招致プログラム（サンプル）',
      source: 'US Department of Defense, Section 1286 lists; copied from OpenSanctions (CC BY-NC 4.0)',
      sourceUrl: OPENSANCTIONS_1286.replace('%s', 'f33cff233ff4393a8c71784cfe280275727b52ca'),
    },
  },
  {
    file: 'jp-meti-end-user-list.csv',
    from: 'fixtures',
    editionDate: '2024-03-29',
    create: {
      code: 'jp-meti-end-user-list',
      nameEn: 'METI End User List (sample copy)',
      nameJa: '経済産業省 外国ユーザーリスト（サンプル）',
      source: 'METI End User List, as merged by Cat-sushi/fmscreen (EUL rows only)',
      sourceUrl: 'https://www.meti.go.jp/policy/anpo/law05.html',
    },
  },
  {
    file: 'sastind-seven-sons.sample.csv',
    from: 'samples',
    editionDate: '2026-11-29',
    create: {
      code: 'cn-sastind-seven-sons',
      kind: 'GROUP',
      nameEn: 'SASTIND universities, the "Seven Sons of National Defence" (sample)',
      nameJa: '国防科技工業局所管大学（国防七子）（サンプル）',
      source: 'Kaiji sample, compiled by hand from public descriptions',
      sourceUrl: 'https://en.wikipedia.org/wiki/Seven_Sons_of_National_Defence',
    },
  },
  {
    file: 'us-csl.sample.csv',
    from: 'samples',
    editionDate: '2026-11-29',
    create: {
      code: 'us-csl-sample',
      nameEn: 'US Consolidated Screening List (hand-made sample)',
      nameJa: '米国 統合スクリーニングリスト（サンプル）',
      source: 'Kaiji sample in the trade.gov CSL layout; names from the Entity List, other fields invented',
      sourceUrl: 'https://www.trade.gov/consolidated-screening-list',
    },
  },
];

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** shared/fixtures/watchlists beside the repository (`../shared/fixtures/watchlists` from its root). */
export function defaultFixturesDir(): string {
  return process.env.KAIJI_WATCHLIST_FIXTURES ?? path.resolve(HERE, '../../../shared/fixtures/watchlists');
}

export type SeedOutcome =
  | { code: string; file: string; result: ImportWatchlistResult }
  | { code: string; file: string; skipped: string };

/**
 * Imports every sample list. A fixture file that is not there (a checkout without ../shared) is
 * skipped and reported, not fatal: the app's own samples are still seeded.
 */
export async function seedWatchlists(
  tx: Tx,
  options: { fixturesDir?: string; actorId?: string | null } = {},
): Promise<SeedOutcome[]> {
  const fixturesDir = options.fixturesDir ?? defaultFixturesDir();
  const outcomes: SeedOutcome[] = [];
  for (const list of SEED_LISTS) {
    const file = path.join(list.from === 'fixtures' ? fixturesDir : path.join(HERE, 'samples'), list.file);
    if (!existsSync(file)) {
      outcomes.push({ code: list.create.code, file, skipped: 'file not found' });
      continue;
    }
    const result = await importWatchlist(tx, {
      create: list.create,
      fileName: list.file,
      csvText: readFileSync(file, 'utf8'),
      editionDate: new Date(`${list.editionDate}T00:00:00Z`),
      actorId: options.actorId ?? null,
      isSample: true,
    });
    outcomes.push({ code: list.create.code, file, result });
  }
  return outcomes;
}
