// Seeds the sample domestic grants (samples/kaken-sample.csv, invented records) for the demo.
import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tx } from '@/lib/db/client';
import { importGrants } from './import';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export function sampleGrantsCsv(): string {
  return readFileSync(path.join(HERE, 'samples', 'kaken-sample.csv'), 'utf8');
}

export async function seedGrants(tx: Tx) {
  return importGrants(tx, { csvText: sampleGrantsCsv(), funder: 'KAKENHI (sample)' });
}
