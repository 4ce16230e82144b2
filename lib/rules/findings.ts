// Writing findings for a version and the disclosure's denormalised summary (maxSeverity, findingCount,
// pendingMatches, read by the review queue). A finding that a new evaluation produces again is kept
// as it is; one it no longer produces is superseded (supersededAt), never deleted; new ones are added.
import 'server-only';
import type { Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
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

export async function applyFindings(
  tx: Tx,
  target: { disclosureId: string; versionId: string },
  drafts: readonly FindingDraft[],
  now = new Date(),
): Promise<FindingChanges> {
  const current = await tx.finding.findMany({
    where: { versionId: target.versionId, supersededAt: null },
    select: { id: true, ruleId: true, itemRef: true, severity: true, values: true, messageJa: true, messageEn: true },
  });
  const wanted = new Map<string, FindingDraft>();
  for (const d of drafts) wanted.set(keyOf(d), d);
  const stale: string[] = [];
  let kept = 0;
  for (const f of current) {
    const k = keyOf(f);
    if (wanted.has(k)) {
      wanted.delete(k);
      kept++;
    } else stale.push(f.id);
  }
  if (stale.length) await tx.finding.updateMany({ where: { id: { in: stale } }, data: { supersededAt: now } });
  if (wanted.size) {
    await tx.finding.createMany({
      data: [...wanted.values()].map((d) => ({
        disclosureId: target.disclosureId,
        versionId: target.versionId,
        ruleId: d.ruleId,
        severity: d.severity,
        itemRef: d.itemRef,
        values: d.values as Prisma.InputJsonObject,
        messageJa: d.messageJa,
        messageEn: d.messageEn,
      })),
    });
  }
  return { added: wanted.size, superseded: stale.length, kept };
}

/** Recomputes the disclosure's summary columns from the version's current findings. */
export async function refreshSummary(
  tx: Tx,
  target: { disclosureId: string; versionId: string },
  pendingMatches: number,
): Promise<void> {
  const active = await tx.finding.findMany({ where: { versionId: target.versionId, supersededAt: null }, select: { severity: true } });
  await tx.disclosure.update({
    where: { id: target.disclosureId },
    data: { maxSeverity: maxSeverity(active.map((f) => f.severity)), findingCount: active.length, pendingMatches },
  });
}
