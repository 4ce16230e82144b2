// Writing findings for versions and each disclosure's denormalised summary (maxSeverity, findingCount,
// pendingMatches, read by the review queue). A finding that a new evaluation produces again is kept
// as it is; one it no longer produces is superseded (supersededAt), never deleted; new ones are added.
import 'server-only';
import type { Tx } from '@/lib/db/client';
import type { Severity } from '@/lib/generated/prisma/client';
import { maxSeverity, type FindingDraft } from './evaluate';

export interface FindingChanges {
  added: number;
  superseded: number;
  kept: number;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const keyOf = (f: { ruleId: string; itemRef: string | null; severity: string; values: unknown; messageJa: string; messageEn: string }) =>
  [f.ruleId, f.itemRef ?? '', f.severity, canonical(f.values), f.messageJa, f.messageEn].join('\u0000');

export interface FindingTarget {
  disclosureId: string;
  versionId: string;
  drafts: readonly FindingDraft[];
  /** Distinct pending matches of the version's organisations (Disclosure.pendingMatches). */
  pendingMatches: number;
  /** The summary as read with the batch: when given, the disclosure row is written only if it changes. */
  before?: { maxSeverity: Severity | null; findingCount: number; pendingMatches: number };
}

interface CurrentFinding {
  id: string;
  versionId: string;
  ruleId: string;
  itemRef: string | null;
  severity: Severity;
  values: unknown;
  messageJa: string;
  messageEn: string;
}

/**
 * Writes the findings of many versions at once (the re-evaluation's batches; a submission is a batch of
 * one): reads their current findings in one statement, supersedes the stale ones in one UPDATE, inserts
 * the new ones in one INSERT … unnest, and updates the summaries that changed in one UPDATE … FROM unnest.
 * Rows that stay the same are not written.
 */
export async function applyFindingsBatch(tx: Tx, targets: readonly FindingTarget[], now = new Date()): Promise<FindingChanges[]> {
  if (!targets.length) return [];
  const current = await tx.$queryRawUnsafe<CurrentFinding[]>(
    `SELECT id::text AS id, "versionId"::text AS "versionId", "ruleId"::text AS "ruleId", "itemRef", severity::text AS severity,
            "values", "messageJa", "messageEn"
     FROM "Finding" WHERE "disclosureId" = ANY($1::uuid[]) AND "supersededAt" IS NULL AND "versionId" = ANY($2::uuid[])`,
    // By disclosure first: (disclosureId, supersededAt) is indexed, versionId is not.
    targets.map((t) => t.disclosureId),
    targets.map((t) => t.versionId),
  );
  const currentOf = new Map<string, CurrentFinding[]>();
  for (const f of current) (currentOf.get(f.versionId) ?? currentOf.set(f.versionId, []).get(f.versionId)!).push(f);

  const stale: string[] = [];
  const added: (FindingDraft & { disclosureId: string; versionId: string })[] = [];
  const summaries: { id: string; severity: Severity | null; count: number; pending: number }[] = [];
  const changes = targets.map((t): FindingChanges => {
    const wanted = new Map<string, FindingDraft>();
    for (const d of t.drafts) wanted.set(keyOf(d), d);
    const active: Severity[] = [];
    let kept = 0;
    let superseded = 0;
    for (const f of currentOf.get(t.versionId) ?? []) {
      const k = keyOf(f);
      if (wanted.has(k)) {
        wanted.delete(k);
        active.push(f.severity);
        kept++;
      } else {
        stale.push(f.id);
        superseded++;
      }
    }
    for (const d of wanted.values()) {
      added.push({ ...d, disclosureId: t.disclosureId, versionId: t.versionId });
      active.push(d.severity);
    }
    const severity = maxSeverity(active);
    const b = t.before;
    if (!b || b.maxSeverity !== severity || b.findingCount !== active.length || b.pendingMatches !== t.pendingMatches) {
      summaries.push({ id: t.disclosureId, severity, count: active.length, pending: t.pendingMatches });
    }
    return { added: wanted.size, superseded, kept };
  });

  if (stale.length) await tx.$executeRawUnsafe(`UPDATE "Finding" SET "supersededAt" = $2 WHERE id = ANY($1::uuid[])`, stale, now);
  if (added.length) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "Finding" ("disclosureId", "versionId", "ruleId", severity, "itemRef", "values", "messageJa", "messageEn")
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::"Severity"[], $5::text[], $6::jsonb[], $7::text[], $8::text[])`,
      added.map((f) => f.disclosureId),
      added.map((f) => f.versionId),
      added.map((f) => f.ruleId),
      added.map((f) => f.severity),
      added.map((f) => f.itemRef),
      added.map((f) => JSON.stringify(f.values)),
      added.map((f) => f.messageJa),
      added.map((f) => f.messageEn),
    );
  }
  if (summaries.length) {
    await tx.$executeRawUnsafe(
      `UPDATE "Disclosure" d SET "maxSeverity" = u.severity::"Severity", "findingCount" = u.count, "pendingMatches" = u.pending, "updatedAt" = $5
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[]) AS u(id, severity, count, pending) WHERE d.id = u.id`,
      summaries.map((x) => x.id),
      summaries.map((x) => x.severity),
      summaries.map((x) => x.count),
      summaries.map((x) => x.pending),
      now,
    );
  }
  return changes;
}
