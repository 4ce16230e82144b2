// The filing layer over HTTP, for the route handlers (multipart upload, download, attachment list,
// organisation type-ahead). Each takes the actor the route resolved — null when signed out (401) — and
// answers everything that is not the actor's with the same 404 as a missing record, audited.
import 'server-only';
import { z } from 'zod';
import { ActionError, NotFoundError, fieldErrorsOf } from '@/lib/errors';
import { type Actor, hasRole } from '@/lib/auth/roles';
import { recordAuditNow } from '@/lib/audit/record';
import { attachmentMaxBytes, listAttachments, openAttachment, uploadAttachment } from './attachments';
import { searchEntities } from './entities';
import { entitySearchInput, uploadFieldsInput } from './schemas';
import type { Origin } from './scope';

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });

const signedOut = () => json({ error: 'errors.signedOut' }, 401);

async function notFound(actor: Actor, origin: Origin, resource: string): Promise<Response> {
  await recordAuditNow({
    action: 'access.denied',
    outcome: 'DENIED',
    actorId: actor.userId,
    actorEmail: actor.email,
    ...origin,
    details: { resource },
  });
  return json({ error: 'errors.notFound' }, 404);
}

const STATUS_OF: Record<string, number> = {
  'filing.attachments.errors.tooLarge': 413,
  'filing.attachments.errors.typeNotAllowed': 415,
  'filing.attachments.errors.typeUnrecognised': 415,
  'filing.attachments.errors.typeMismatch': 415,
};

async function failure(err: unknown, actor: Actor, origin: Origin, resource: string): Promise<Response> {
  if (err instanceof NotFoundError) return notFound(actor, origin, err.resource);
  if (err instanceof ActionError) {
    const status = STATUS_OF[err.key] ?? (err.key.startsWith('filing.errors.notEditable') ? 409 : 400);
    return json({ error: err.key, fieldErrors: err.fieldErrors, details: err.details }, status);
  }
  console.error(`[${resource}]`, err);
  return json({ error: 'errors.unexpected' }, 500);
}

const isUuid = (s: string) => z.uuid().safeParse(s).success;

export async function uploadResponse(
  actor: Actor | null,
  disclosureId: string,
  request: Request,
  origin: Origin,
  options: { maxBytes?: number } = {},
): Promise<Response> {
  if (!actor) return signedOut();
  if (!hasRole(actor, 'RESEARCHER') || !isUuid(disclosureId)) return notFound(actor, origin, `Disclosure:${disclosureId}`);
  const maxBytes = options.maxBytes ?? attachmentMaxBytes();
  const maxMb = Math.floor(maxBytes / 1024 / 1024);
  // Refuse an announced oversize body before reading it; the multipart envelope adds a little.
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes + 64 * 1024) {
    return json({ error: 'filing.attachments.errors.tooLarge', details: { maxMb } }, 413);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json({ error: 'filing.attachments.errors.malformed' }, 400);
  }
  const file = form.get('file');
  if (!(file instanceof File)) {
    return json({ error: 'errors.invalidInput', fieldErrors: { file: ['filing.attachments.errors.noFile'] } }, 400);
  }
  const itemRef = form.get('itemRef');
  const fields = uploadFieldsInput.safeParse({
    kind: form.get('kind') ?? undefined,
    itemRef: typeof itemRef === 'string' && itemRef !== '' ? itemRef : undefined,
  });
  if (!fields.success) return json({ error: 'errors.invalidInput', fieldErrors: fieldErrorsOf(fields.error) }, 400);
  if (file.size > maxBytes) return json({ error: 'filing.attachments.errors.tooLarge', details: { maxMb } }, 413);
  try {
    const attachment = await uploadAttachment(
      actor,
      { disclosureId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), ...fields.data },
      origin,
      { maxBytes },
    );
    return json({ attachment }, 201);
  } catch (err) {
    return failure(err, actor, origin, 'attachment.upload');
  }
}

export async function listAttachmentsResponse(actor: Actor | null, disclosureId: string, origin: Origin) {
  if (!actor) return signedOut();
  if (!hasRole(actor, 'RESEARCHER') || !isUuid(disclosureId)) return notFound(actor, origin, `Disclosure:${disclosureId}`);
  try {
    return json({ attachments: await listAttachments(actor, disclosureId) });
  } catch (err) {
    return failure(err, actor, origin, 'attachment.list');
  }
}

/** RFC 6266 / 5987: an ASCII fallback name and the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export async function downloadResponse(actor: Actor | null, attachmentId: string, origin: Origin): Promise<Response> {
  if (!actor) return signedOut();
  if (!isUuid(attachmentId)) return notFound(actor, origin, `Attachment:${attachmentId}`);
  try {
    const file = await openAttachment(actor, attachmentId, origin);
    return new Response(new Uint8Array(file.data), {
      status: 200,
      headers: {
        'Content-Type': file.mediaType,
        'Content-Length': String(file.sizeBytes),
        'Content-Disposition': contentDisposition(file.fileName),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      },
    });
  } catch (err) {
    return failure(err, actor, origin, 'attachment.download');
  }
}

export async function entitySearchResponse(actor: Actor | null, url: URL, origin: Origin): Promise<Response> {
  if (!actor) return signedOut();
  if (!hasRole(actor, 'RESEARCHER') && !hasRole(actor, 'OFFICER')) return notFound(actor, origin, 'api:entities');
  const parsed = entitySearchInput.safeParse({ q: url.searchParams.get('q') ?? undefined });
  if (!parsed.success) return json({ error: 'errors.invalidInput', fieldErrors: fieldErrorsOf(parsed.error) }, 400);
  return json({ results: await searchEntities(parsed.data.q) });
}
