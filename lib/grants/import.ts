// Imports domestic grant records: an idempotent upsert on (e-Rad number, project number, fiscal year,
// role). Importing the same file twice changes nothing; a changed amount or title updates the record.
// Records are never deleted by an import (a file may cover only some researchers or years).
// Authorisation is the caller's.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { db, type Tx } from '@/lib/db/client';
import { grantKey, parseGrantsCsv, type RejectedGrantRow } from './parse';

export interface GrantImportResult {
  importId: string;
  added: number;
  updated: number;
  unchanged: number;
  rejected: RejectedGrantRow[];
  researchers: number;
}

const CHUNK = 500;

export async function importGrants(tx: Tx, input: { csvText: string; funder?: string }): Promise<GrantImportResult> {
  const { rows, rejected } = parseGrantsCsv(input.csvText);
  const importId = randomUUID();
  const eradNumbers = [...new Set(rows.map((r) => r.eradNumber))];
  const existing = new Map<string, { id: string; amountJpy: bigint; title: string | null }>();
  for (let i = 0; i < eradNumbers.length; i += CHUNK) {
    const found = await tx.domesticGrant.findMany({
      where: { eradNumber: { in: eradNumbers.slice(i, i + CHUNK) } },
      select: { id: true, eradNumber: true, projectNumber: true, fiscalYear: true, role: true, amountJpy: true, title: true },
    });
    for (const f of found) existing.set(grantKey({ ...f, role: f.role as never }), f);
  }
  let updated = 0;
  let unchanged = 0;
  const toCreate = [];
  for (const row of rows) {
    const known = existing.get(grantKey(row));
    if (!known) {
      toCreate.push({
        eradNumber: row.eradNumber,
        projectNumber: row.projectNumber,
        fiscalYear: row.fiscalYear,
        role: row.role,
        amountJpy: row.amountJpy,
        title: row.title,
        funder: input.funder ?? 'KAKENHI',
        importId,
      });
    } else if (known.amountJpy !== row.amountJpy || (row.title !== null && known.title !== row.title)) {
      await tx.domesticGrant.update({
        where: { id: known.id },
        data: { amountJpy: row.amountJpy, ...(row.title !== null ? { title: row.title } : {}), importId },
      });
      updated++;
    } else unchanged++;
  }
  for (let i = 0; i < toCreate.length; i += CHUNK) await tx.domesticGrant.createMany({ data: toCreate.slice(i, i + CHUNK) });
  return { importId, added: toCreate.length, updated, unchanged, rejected, researchers: eradNumbers.length };
}

/** Totals of one researcher over the `years` fiscal years up to and including `throughYear`. */
export async function grantTotal(tx: Tx, eradNumber: string, throughYear: number, years: number): Promise<bigint> {
  const r = await tx.domesticGrant.aggregate({
    where: { eradNumber, fiscalYear: { lte: throughYear, gt: throughYear - years } },
    _sum: { amountJpy: true },
  });
  return r._sum.amountJpy ?? 0n;
}

export async function grantStats(client: Tx | typeof db = db) {
  const [row] = await client.$queryRaw<{ records: number; researchers: number; minYear: number | null; maxYear: number | null; total: bigint | null }[]>`
    SELECT count(*)::int AS records, count(DISTINCT "eradNumber")::int AS researchers,
           min("fiscalYear") AS "minYear", max("fiscalYear") AS "maxYear", sum("amountJpy")::bigint AS total
    FROM "DomesticGrant"`;
  return row ?? { records: 0, researchers: 0, minYear: null, maxYear: null, total: null };
}
