import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tx } from '@/lib/db/client';
import { importWatchlist, type ImportWatchlistResult, type NewWatchlist } from './import';

// Seeds the sample watchlists: the copies of public lists in ./public-lists (see the README there for
// editions and attribution) and Kaiji's own samples in ./samples. Every one is imported with
// isSample: true, so the UI says they are samples, and their names and sources say they are copies
// that are not current. Importing is idempotent, so seeding twice changes nothing.
//
// The imports take a few seconds on a small machine: run this in a transaction with a timeout of a
// minute (`db.$transaction((tx) => seedWatchlists(tx), { timeout: 60_000 })`).

interface SeedList {
  file: string;
  /** 'public-lists': copies of government lists (lib/watchlists/public-lists); 'samples': Kaiji's own. */
  from: 'public-lists' | 'samples';
  editionDate: string;
  create: NewWatchlist;
}

const DOD_1286_SOURCE =
  'Copy of the US Department of Defense lists under Section 1286 of the FY2019 NDAA (Public Law 115-232), FY2022–FY2025; ' +
  'a US government work; not current, not for real screening';
// The FY2025 list, the latest in the copy; the documents of every year are in the file's source_url column.
const DOD_1286_URL = 'https://www.cto.mil/wp-content/uploads/2026/07/FY25-Section-1286-List.pdf';

export const SEED_LISTS: readonly SeedList[] = [
  {
    file: 'us-dod-section-1286.csv',
    from: 'public-lists',
    // The FY2025 list: the listings it dropped end on this day in the copy (listed_until).
    editionDate: '2026-07-23',
    create: {
      code: 'us-dod-section-1286',
      nameEn: 'US DoD Section 1286 list, FY2022–FY2025 (copy, not current)',
      nameJa: '米国防総省 1286条リスト FY2022–FY2025（写し・最新ではありません）',
      source: DOD_1286_SOURCE,
      sourceUrl: DOD_1286_URL,
    },
  },
  {
    file: 'us-dod-section-1286-talent-programmes.csv',
    from: 'public-lists',
    editionDate: '2026-07-23',
    create: {
      code: 'us-dod-section-1286-talent-programmes',
      nameEn: 'US DoD Section 1286: foreign talent programmes, FY2022–FY2025 (copy, not current)',
      nameJa: '米国防総省 1286条リスト：外国人材招致プログラム FY2022–FY2025（写し・最新ではありません）',
      source: DOD_1286_SOURCE,
      sourceUrl: DOD_1286_URL,
    },
  },
  {
    file: 'jp-meti-end-user-list.csv',
    from: 'public-lists',
    editionDate: '2024-03-29',
    create: {
      code: 'jp-meti-end-user-list',
      nameEn: 'METI End User List, edition of 2024-03-29 (copy, not current)',
      nameJa: '経済産業省 外国ユーザーリスト 2024年3月29日版（写し・最新ではありません）',
      source:
        '出典：経済産業省『外国ユーザーリスト』（2024年3月29日）を加工して作成 ' +
        '(Government Standard Terms of Use 2.0; names only, one per row; not current, not for real screening)',
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

/** Where a seed list's file is in the repository. */
export function seedListPath(list: SeedList): string {
  return path.join(HERE, list.from, list.file);
}

export interface SeedOutcome {
  code: string;
  file: string;
  result: ImportWatchlistResult;
}

/**
 * Imports every sample list. Every file is part of the repository, so a missing one is an error
 * (a broken checkout), never a silent skip that would leave the demo without the public lists.
 */
export async function seedWatchlists(tx: Tx, options: { actorId?: string | null } = {}): Promise<SeedOutcome[]> {
  const missing = SEED_LISTS.map(seedListPath).filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`Watchlist seed files missing from the repository: ${missing.join(', ')}`);
  const outcomes: SeedOutcome[] = [];
  for (const list of SEED_LISTS) {
    const file = seedListPath(list);
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
