// Attachments of a disclosure: contracts and translations. The bytes are stored once per content hash
// (AttachmentBlob, shared and never rewritten); an Attachment row says which disclosure holds which file
// under which name. Files become part of a submitted version when it is written, after which they can no
// longer be removed. Downloads are open to whoever may read the disclosure.
import 'server-only';
import { createHash } from 'node:crypto';
import { ActionError, NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { readableDisclosures } from '@/lib/auth/scopes';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { checkFileType, cleanFileName } from './file-types';
import { auditRefusals, refusal } from './refused';
import { notEditableKey } from './save-section';
import type { AttachmentKind } from './schemas';
import { type Origin, filingScope, ownDisclosure } from './scope';
import { inTransaction, lastVersionAt, loadForChange } from './state';
import { editability } from './workflow';

/**
 * At most this many files in the draft being worked on (removed ones not counted). Files frozen in
 * earlier versions are not counted: they can never be removed, so counting them would leave a
 * long-lived disclosure unable to take any new file.
 */
export const MAX_ATTACHMENTS = 50;

export function attachmentMaxBytes(): number {
  return env().ATTACHMENT_MAX_MB * 1024 * 1024;
}

export type AttachmentSummary = {
  id: string;
  kind: string;
  itemRef: string | null;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: string;
  /** Part of a submitted version: can no longer be removed. */
  frozen: boolean;
};

const summarySelect = {
  id: true,
  kind: true,
  itemRef: true,
  fileName: true,
  mediaType: true,
  sizeBytes: true,
  createdAt: true,
} as const;

function summary(
  a: { id: string; kind: string; itemRef: string | null; fileName: string; mediaType: string; sizeBytes: number; createdAt: Date },
  frozenUntil: Date | null,
): AttachmentSummary {
  return { ...a, createdAt: a.createdAt.toISOString(), frozen: !!frozenUntil && a.createdAt <= frozenUntil };
}

export async function listAttachments(actor: Actor, disclosureId: string): Promise<AttachmentSummary[]> {
  const d = await db.disclosure.findFirst({ where: ownDisclosure(actor, disclosureId), select: { id: true } });
  if (!d) throw new NotFoundError(`Disclosure:${disclosureId}`);
  const [rows, frozenUntil] = await Promise.all([
    db.attachment.findMany({ where: { disclosureId: d.id, deletedAt: null }, select: summarySelect, orderBy: { createdAt: 'asc' } }),
    lastVersionAt(db, d.id),
  ]);
  return rows.map((row) => summary(row, frozenUntil));
}

export type UploadInput = {
  disclosureId: string;
  fileName: string;
  bytes: Uint8Array;
  kind: AttachmentKind;
  itemRef?: string;
};

export async function uploadAttachment(
  actor: Actor,
  input: UploadInput,
  origin: Origin,
  options: { maxBytes?: number; maxFiles?: number } = {},
): Promise<AttachmentSummary> {
  const maxBytes = options.maxBytes ?? attachmentMaxBytes();
  const maxFiles = options.maxFiles ?? MAX_ATTACHMENTS;
  const fileName = cleanFileName(input.fileName);
  return auditRefusals(async () => {
    // Who may attach is settled before anything about the file is said.
    const visible = await db.disclosure.findFirst({
      where: ownDisclosure(actor, input.disclosureId),
      select: { id: true, institutionId: true },
    });
    if (!visible) throw new NotFoundError(`Disclosure:${input.disclosureId}`);
    if (input.bytes.byteLength === 0) throw new ActionError('filing.attachments.errors.empty');
    if (input.bytes.byteLength > maxBytes) {
      throw new ActionError('filing.attachments.errors.tooLarge', undefined, { maxMb: Math.floor(maxBytes / 1024 / 1024) });
    }
    const type = await checkFileType(input.bytes, fileName);
    if (!type.ok) {
      throw refusal(
        type.error,
        actor,
        origin,
        {
          action: 'attachment.upload',
          entityType: 'Disclosure',
          entityId: visible.id,
          institutionId: visible.institutionId,
          reason: type.error,
        },
        type.params,
      );
    }
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    return inTransaction(undefined, async (tx) => {
      const d = await loadForChange(tx, actor, input.disclosureId, 'share');
      const editable = editability(d.state);
      if (!editable.editable) {
        throw refusal(notEditableKey(editable.reason), actor, origin, {
          action: 'attachment.upload',
          entityType: 'Disclosure',
          entityId: d.id,
          institutionId: d.institutionId,
          reason: editable.reason,
        });
      }
      // Uploads to one disclosure take turns from here to the commit (a transaction-scoped lock that only
      // they take; the share lock above lets two through), so two cannot both take the last place.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`attachments:${d.id}`}, 0))`;
      const frozenUntil = await lastVersionAt(tx, d.id);
      const count = await tx.attachment.count({
        where: { disclosureId: d.id, deletedAt: null, ...(frozenUntil ? { createdAt: { gt: frozenUntil } } : {}) },
      });
      if (count >= maxFiles) {
        throw new ActionError('filing.attachments.errors.tooMany', undefined, { max: maxFiles });
      }
      await tx.$executeRaw`
        INSERT INTO "AttachmentBlob" (sha256, data) VALUES (${sha256}, ${Buffer.from(input.bytes)})
        ON CONFLICT (sha256) DO NOTHING`;
      const row = await tx.attachment.create({
        data: {
          disclosureId: d.id,
          uploadedById: actor.userId,
          kind: input.kind,
          itemRef: input.itemRef ?? null,
          fileName,
          mediaType: type.mime,
          sizeBytes: input.bytes.byteLength,
          sha256,
        },
        select: summarySelect,
      });
      await recordAudit(tx, {
        action: 'attachment.upload',
        actorId: actor.userId,
        actorEmail: actor.email,
        entityType: 'Attachment',
        entityId: row.id,
        institutionId: d.institutionId,
        ...origin,
        details: { disclosureId: d.id, fileName, mediaType: type.mime, sizeBytes: row.sizeBytes, sha256, kind: input.kind },
      });
      return summary(row, null);
    });
  });
}

export async function deleteAttachment(actor: Actor, input: { attachmentId: string }, origin: Origin) {
  return auditRefusals(() =>
    inTransaction(undefined, async (tx) => {
      const found = await tx.attachment.findFirst({
        where: { id: input.attachmentId, deletedAt: null, disclosure: filingScope(actor) },
        select: { id: true, disclosureId: true, createdAt: true },
      });
      if (!found) throw new NotFoundError(`Attachment:${input.attachmentId}`);
      const d = await loadForChange(tx, actor, found.disclosureId, 'share');
      const target = {
        action: 'attachment.delete' as const,
        entityType: 'Attachment',
        entityId: found.id,
        institutionId: d.institutionId,
      };
      const editable = editability(d.state);
      if (!editable.editable) {
        throw refusal(notEditableKey(editable.reason), actor, origin, { ...target, reason: editable.reason });
      }
      const frozenUntil = await lastVersionAt(tx, d.id);
      if (frozenUntil && found.createdAt <= frozenUntil) {
        throw refusal('filing.attachments.errors.frozen', actor, origin, { ...target, reason: 'frozen' });
      }
      await tx.attachment.update({ where: { id: found.id }, data: { deletedAt: new Date() } });
      await recordAudit(tx, { ...target, actorId: actor.userId, actorEmail: actor.email, ...origin, details: { disclosureId: d.id } });
      return { deleted: true };
    }),
  );
}

/** The file for a download, if the actor may read its disclosure (any purpose); audited. */
export async function openAttachment(actor: Actor, attachmentId: string, origin: Origin) {
  const a = await db.attachment.findFirst({
    where: { id: attachmentId, deletedAt: null, disclosure: readableDisclosures(actor) },
    select: {
      id: true,
      fileName: true,
      mediaType: true,
      sizeBytes: true,
      sha256: true,
      disclosureId: true,
      createdAt: true,
      disclosure: { select: { institutionId: true, researcherId: true, lastSubmittedAt: true } },
      blob: { select: { data: true } },
    },
  });
  // A draft is the researcher's alone: readers of a submitted disclosure (officers, auditors) do not get
  // a file added since its last submission (an update still being prepared). readableDisclosures
  // already leaves out disclosures never submitted.
  const draftOnly = a && a.disclosure.researcherId !== actor.userId && (!a.disclosure.lastSubmittedAt || a.createdAt > a.disclosure.lastSubmittedAt);
  if (!a || draftOnly) throw new NotFoundError(`Attachment:${attachmentId}`);
  await db.$transaction((tx) =>
    recordAudit(tx, {
      action: 'attachment.download',
      actorId: actor.userId,
      actorEmail: actor.email,
      entityType: 'Attachment',
      entityId: a.id,
      institutionId: a.disclosure.institutionId,
      ...origin,
      details: { disclosureId: a.disclosureId, sha256: a.sha256 },
    }),
  );
  return { fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes, data: a.blob.data };
}
