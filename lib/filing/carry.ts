// Carry forward: a new cycle's disclosure starts from the researcher's last filed version (the latest
// version of their disclosure in another cycle). Every repeating section is copied into draft rows and
// each item still relevant to the new year gets a CarriedItem row in state PENDING, answered by
// confirming, editing or ending it. Contracts attached to a carried appointment come along as new
// attachment rows of the new disclosure over the same stored file.
// Runs inside the transaction that creates the disclosure, so two tabs starting it make one draft with
// one set of carried rows.
import 'server-only';
import { createHash } from 'node:crypto';
import type { Actor } from '@/lib/auth/roles';
import { canonicalJson } from '@/lib/audit/hash';
import type { Tx } from '@/lib/db/client';
import {
  repeatingSectionKeys,
  type DisclosureContent,
  type DraftContent,
  type RepeatingSectionKey,
} from '@/lib/disclosures/sections';
import { carriesInto, comparableItem } from './carry-rules';
import { itemTitles } from './item-title';
import { filingScope } from './scope';

export function carryHash(item: unknown): string {
  return createHash('sha256').update(canonicalJson(comparableItem(item))).digest('hex');
}

/** The researcher's most recently certified version of a disclosure in another cycle, if any. */
export async function lastFiledVersion(tx: Tx, actor: Actor, cycleId: string) {
  const v = await tx.disclosureVersion.findFirst({
    where: { disclosure: { AND: [filingScope(actor), { cycleId: { not: cycleId } }] } },
    orderBy: [{ certifiedAt: 'desc' }, { number: 'desc' }],
    select: { id: true, number: true, disclosureId: true, content: true, disclosure: { select: { institutionId: true } } },
  });
  return v ? { ...v, content: v.content as DisclosureContent } : null;
}

type Previous = NonNullable<Awaited<ReturnType<typeof lastFiledVersion>>>;

export async function carryIntoDraft(
  tx: Tx,
  actor: Actor,
  target: { disclosureId: string; fiscalYear: number },
  previous: Previous,
): Promise<number> {
  const carried: { section: RepeatingSectionKey; itemId: string; hash: string }[] = [];
  const attachmentIds = new Map<string, string>();
  const sections: { key: RepeatingSectionKey; data: object }[] = [];

  for (const key of repeatingSectionKeys) {
    const section = previous.content[key];
    const items = (section.items as Record<string, unknown>[]).filter((item) => carriesInto(key, item, target.fiscalYear));
    for (const item of items) {
      if (key === 'appointments') for (const id of (item.contractAttachmentIds as string[] | undefined) ?? []) attachmentIds.set(id, '');
    }
    sections.push({ key, data: { nothingToDisclose: section.nothingToDisclose && items.length === 0, items } });
  }

  // Contracts: the same stored file, attached anew to this disclosure (attachments belong to one).
  if (attachmentIds.size > 0) {
    const files = await tx.attachment.findMany({
      where: { id: { in: [...attachmentIds.keys()] }, disclosureId: previous.disclosureId, deletedAt: null },
      select: { id: true, kind: true, itemRef: true, fileName: true, mediaType: true, sizeBytes: true, sha256: true },
    });
    for (const f of files) {
      const copy = await tx.attachment.create({
        data: {
          disclosureId: target.disclosureId,
          uploadedById: actor.userId,
          kind: f.kind,
          itemRef: f.itemRef,
          fileName: f.fileName,
          mediaType: f.mediaType,
          sizeBytes: f.sizeBytes,
          sha256: f.sha256,
        },
        select: { id: true },
      });
      attachmentIds.set(f.id, copy.id);
    }
  }

  for (const { key, data } of sections) {
    const items = (data as { items: Record<string, unknown>[] }).items.map((item) =>
      key === 'appointments'
        ? {
            ...item,
            contractAttachmentIds: ((item.contractAttachmentIds as string[] | undefined) ?? [])
              .map((id) => attachmentIds.get(id))
              .filter((id): id is string => !!id),
          }
        : item,
    );
    for (const item of items) carried.push({ section: key, itemId: String(item.id), hash: carryHash(item) });
    await tx.disclosureSection.create({
      data: { disclosureId: target.disclosureId, key, data: { ...data, items } as object, revision: 1 },
    });
  }

  if (carried.length > 0) {
    await tx.carriedItem.createMany({
      data: carried.map((c) => ({
        disclosureId: target.disclosureId,
        itemId: c.itemId,
        section: c.section,
        fromVersionId: previous.id,
        carriedHash: c.hash,
      })),
    });
  }
  return carried.length;
}

/**
 * After a section save: a carried item still PENDING whose saved form differs from what was carried has
 * been edited, which answers "still true?". Same transaction as the save.
 */
export async function markEditedItems(tx: Tx, disclosureId: string, section: string, data: unknown): Promise<void> {
  const items = (data as { items?: unknown }).items;
  if (!Array.isArray(items)) return;
  const pending = await tx.carriedItem.findMany({
    where: { disclosureId, section, state: 'PENDING' },
    select: { itemId: true, carriedHash: true },
  });
  if (pending.length === 0) return;
  const byId = new Map(items.map((item) => [String((item as { id?: unknown }).id), item]));
  const edited = pending.filter((p) => byId.has(p.itemId) && carryHash(byId.get(p.itemId)) !== p.carriedHash);
  if (edited.length === 0) return;
  await tx.carriedItem.updateMany({
    where: { disclosureId, state: 'PENDING', itemId: { in: edited.map((e) => e.itemId) } },
    data: { state: 'EDITED' },
  });
}

export type UnconfirmedItem = { section: RepeatingSectionKey; itemId: string; title: string };

/** Carried items still in the draft and not yet answered, in form order: what stops submission. */
export async function unconfirmedItems(
  tx: Pick<Tx, 'carriedItem'>,
  disclosureId: string,
  content: DraftContent | DisclosureContent,
): Promise<UnconfirmedItem[]> {
  const pending = await tx.carriedItem.findMany({ where: { disclosureId, state: 'PENDING' }, select: { itemId: true } });
  if (pending.length === 0) return [];
  const ids = new Set(pending.map((p) => p.itemId));
  const out: UnconfirmedItem[] = [];
  for (const section of repeatingSectionKeys) {
    for (const item of content[section].items as Record<string, unknown>[]) {
      const itemId = String(item.id);
      if (ids.has(itemId)) out.push({ section, itemId, title: itemTitles[section](item) });
    }
  }
  return out;
}

export type CarryStates = Record<string, { state: 'PENDING' | 'CONFIRMED' | 'EDITED' | 'ENDED'; endedOn: string | null }>;

export async function carryStates(tx: Pick<Tx, 'carriedItem'>, disclosureId: string): Promise<CarryStates> {
  const rows = await tx.carriedItem.findMany({ where: { disclosureId }, select: { itemId: true, state: true, endedOn: true } });
  return Object.fromEntries(
    rows.map((r) => [r.itemId, { state: r.state, endedOn: r.endedOn ? r.endedOn.toISOString().slice(0, 10) : null }]),
  );
}
