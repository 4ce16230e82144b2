// Attachments: the type read from the bytes, the size limit, the content hash, who may download, and
// what can no longer be removed once submitted. Driven through the same handlers the routes call.
import { crc32 } from 'node:zlib';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deleteAttachmentAction } from '@/lib/filing/actions';
import { runAction } from '@/lib/actions/action';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { tinyPdf } from '@/lib/seed/tiny-pdf';
import { contentDisposition } from '@/lib/http/content-disposition';
import { downloadResponse, listAttachmentsResponse, uploadResponse } from './http';
import { auditOf, completeContent, filingWorld, origin, saveAll, snapshot, startFor, submitInput } from '@/test/helpers/filing';
import { submitDisclosure } from './submit';

const world = await filingWorld();

const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, ...new Array(200).fill(0)]);
const ELF = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, ...new Array(200).fill(0)]);

/** A minimal Word document: a stored (uncompressed) zip with the OOXML content types and word/document.xml. */
function tinyDocx(): Uint8Array {
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    ['word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'],
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

function uploadRequest(disclosureId: string, file: { name: string; bytes: Uint8Array; type?: string }, fields: Record<string, string> = { kind: 'CONTRACT' }) {
  const form = new FormData();
  form.set('file', new File([Buffer.from(file.bytes)], file.name, { type: file.type ?? 'application/pdf' }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return new Request(`http://localhost/api/disclosures/${disclosureId}/attachments`, { method: 'POST', body: form });
}

async function uploadDirect(actor: Actor, disclosureId: string, name: string, maxFiles: number) {
  const { uploadAttachment } = await import('./attachments');
  return uploadAttachment(actor, { disclosureId, fileName: name, bytes: tinyPdf(name), kind: 'OTHER' }, origin, { maxFiles }).then(
    () => 'ok',
    (err: unknown) => (err instanceof Error && 'key' in err ? String((err as { key: unknown }).key) : String(err)),
  );
}

async function upload(actor: Actor | null, disclosureId: string, name: string, bytes: Uint8Array, fields?: Record<string, string>, maxBytes?: number) {
  const res = await uploadResponse(actor, disclosureId, uploadRequest(disclosureId, { name, bytes }, fields), origin, { maxBytes });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { attachment?: { id: string } } };
}

async function draftOf(actor?: Actor) {
  const me = actor ?? (await world.researcher());
  return { me, id: await startFor(me, world.cycleA.id) };
}

describe('uploading attachments', () => {
  it('stores PDF, DOCX, PNG, JPEG-named and TIFF files by content hash, with the type read from the bytes', async () => {
    const { me, id } = await draftOf();
    const pdf = tinyPdf('contract');
    const res = await upload(me, id, '契約書.pdf', pdf, { kind: 'CONTRACT', itemRef: `appointments/${crypto.randomUUID()}` });
    expect(res.status).toBe(201);
    expect(res.body.attachment).toMatchObject({ fileName: '契約書.pdf', mediaType: 'application/pdf', sizeBytes: pdf.byteLength, frozen: false });
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(await db.attachment.findUniqueOrThrow({ where: { id: res.body.attachment!.id } })).toMatchObject({ sha256: sha, kind: 'CONTRACT' });

    // The same bytes again share one blob.
    expect((await upload(me, id, 'copy.PDF', pdf, { kind: 'TRANSLATION' })).status).toBe(201);
    expect(await db.attachmentBlob.count({ where: { sha256: sha } })).toBe(1);

    const docx = await upload(me, id, 'translation.docx', tinyDocx(), { kind: 'TRANSLATION' });
    expect(docx).toMatchObject({ status: 201, body: { attachment: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } } });
    expect((await upload(me, id, 'scan.png', PNG, { kind: 'OTHER' })).status).toBe(201);
    expect((await auditOf('attachment.upload', 'SUCCESS')).filter((e) => (e.details as { disclosureId?: string }).disclosureId === id)).toHaveLength(4);

    const list = await listAttachmentsResponse(me, id, origin);
    expect(((await list.json()) as { attachments: unknown[] }).attachments).toHaveLength(4);
  });

  it('refuses a spoofed type: a .pdf that is really a PNG, a Windows or Linux executable (audited, nothing stored)', async () => {
    const { me, id } = await draftOf();
    const before = await snapshot();
    const png = await upload(me, id, 'contract.pdf', PNG);
    expect(png).toMatchObject({ status: 415, body: { error: 'filing.attachments.errors.typeMismatch', details: { declared: '.pdf', actual: 'PNG' } } });
    const exe = await upload(me, id, 'contract.pdf', EXE);
    expect(exe).toMatchObject({ status: 415, body: { error: 'filing.attachments.errors.typeNotAllowed', details: { kind: 'executable', format: 'EXE' } } });
    const elf = await upload(me, id, 'scan.png', ELF);
    expect(elf).toMatchObject({ status: 415, body: { error: 'filing.attachments.errors.typeNotAllowed', details: { kind: 'executable', format: 'ELF' } } });
    const text = await upload(me, id, 'notes.pdf', new TextEncoder().encode('just text, not a pdf at all'));
    expect(text).toMatchObject({ status: 415, body: { error: 'filing.attachments.errors.typeUnrecognised', details: {} } });
    expect(await snapshot()).toEqual(before);
    expect((await auditOf('attachment.upload', 'DENIED')).filter((e) => e.entityId === id)).toHaveLength(4);
  });

  it('refuses oversized, empty and malformed uploads with a specific message, storing nothing', async () => {
    const { me, id } = await draftOf();
    const before = await snapshot();
    const big = new Uint8Array(2048 + 1);
    big.set(tinyPdf('x'));
    expect(await upload(me, id, 'big.pdf', big, undefined, 2048)).toMatchObject({ status: 413, body: { error: 'filing.attachments.errors.tooLarge' } });
    const announced = new Request(`http://localhost/x`, { method: 'POST', headers: { 'content-length': String(50 * 1024 * 1024) }, body: 'x' });
    expect((await uploadResponse(me, id, announced, origin, { maxBytes: 1024 * 1024 })).status).toBe(413);
    expect(await upload(me, id, 'empty.pdf', new Uint8Array(0))).toMatchObject({ status: 400, body: { error: 'filing.attachments.errors.empty' } });
    expect(await upload(me, id, 'a.pdf', tinyPdf('x'), { kind: 'SELFIE' })).toMatchObject({ status: 400, body: { fieldErrors: { kind: ['validation.invalidOption'] } } });
    expect(await upload(me, id, 'a.pdf', tinyPdf('x'), { kind: 'CONTRACT', itemRef: '../../etc/passwd' })).toMatchObject({ status: 400, body: { fieldErrors: { itemRef: ['validation.invalidReference'] } } });
    const noFile = new FormData();
    noFile.set('kind', 'CONTRACT');
    const res = await uploadResponse(me, id, new Request('http://localhost/x', { method: 'POST', body: noFile }), origin);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ fieldErrors: { file: ['filing.attachments.errors.noFile'] } });
    const garbage = new Request('http://localhost/x', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=zzz' }, body: 'not multipart' });
    expect((await uploadResponse(me, id, garbage, origin)).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('answers 401 when signed out and 404 (audited) for a disclosure that is not the uploader’s', async () => {
    const { id } = await draftOf();
    const before = await snapshot();
    expect((await upload(null, id, 'a.pdf', tinyPdf('x'))).status).toBe(401);
    for (const intruder of [world.other, world.researcherB, world.officer, world.auditor, world.admin]) {
      expect((await upload(intruder, id, 'a.pdf', tinyPdf('x'))).status).toBe(404);
      expect((await listAttachmentsResponse(intruder, id, origin)).status).toBe(404);
    }
    expect((await upload(world.other, 'not-a-uuid', 'a.pdf', tinyPdf('x'))).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});

describe('downloading and removing attachments', () => {
  it('downloads a draft’s file for its researcher only (a draft is theirs alone until submitted); 404 for anyone else', async () => {
    const { me, id } = await draftOf();
    const pdf = tinyPdf('download me');
    const { body, status } = await upload(me, id, '契約 "final".pdf', pdf);
    expect(status, JSON.stringify(body)).toBe(201);
    const attachmentId = body.attachment!.id;
    for (const reader of [me]) {
      const res = await downloadResponse(reader, attachmentId, origin);
      expect(res.status, `${reader.email}: ${res.status === 200 ? '' : await res.clone().text()}`).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe(contentDisposition('契約 "final".pdf'));
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);
    }
    expect(contentDisposition('契約 "final".pdf')).toBe(`attachment; filename="__ _final_.pdf"; filename*=UTF-8''%E5%A5%91%E7%B4%84%20%22final%22.pdf`);
    for (const intruder of [world.officer, world.auditor, world.other, world.researcherB, world.officerB, world.auditorB, world.admin]) {
      expect((await downloadResponse(intruder, attachmentId, origin)).status).toBe(404);
    }
    expect((await downloadResponse(null, attachmentId, origin)).status).toBe(401);
    expect((await auditOf('attachment.download')).filter((e) => e.entityId === attachmentId)).toHaveLength(1);
    const denied = (await auditOf('access.denied')).filter((e) => (e.details as { resource?: string }).resource === `Attachment:${attachmentId}`);
    expect(denied).toHaveLength(7);
  });

  it('removes a file not yet submitted; once part of a version it can no longer be removed (audited)', async () => {
    const { me, id } = await draftOf();
    const first = (await upload(me, id, 'a.pdf', tinyPdf('a'))).body.attachment!.id;
    const second = (await upload(me, id, 'b.pdf', tinyPdf('b'))).body.attachment!.id;
    const del = deleteAttachmentAction.definition;
    expect(await runAction(del, world.other, { attachmentId: first }, origin)).toEqual({ ok: false, error: 'errors.notFound' });
    expect(await runAction(del, me, { attachmentId: 'x' }, origin)).toMatchObject({ ok: false, error: 'errors.invalidInput' });
    expect(await runAction(del, me, { attachmentId: second }, origin)).toEqual({ ok: true, data: { deleted: true } });
    expect((await db.attachment.findUniqueOrThrow({ where: { id: second } })).deletedAt).not.toBeNull();
    expect((await downloadResponse(me, second, origin)).status).toBe(404);

    const content = completeContent();
    content.appointments.items[0]!.contractAttachmentIds = [first];
    await saveAll(me, id, content);
    await submitDisclosure(me, await submitInput(id), { origin });
    // Submitted: the disclosure is not editable, and the file is frozen into the version.
    expect(await runAction(del, me, { attachmentId: first }, origin)).toMatchObject({ ok: false, error: 'filing.errors.notEditable.awaitingReview' });
    const d = await db.disclosure.findUniqueOrThrow({ where: { id } });
    const { startUpdate } = await import('./updates');
    await startUpdate(me, { disclosureId: id, stateVersion: d.stateVersion }, origin);
    expect(await runAction(del, me, { attachmentId: first }, origin)).toMatchObject({ ok: false, error: 'filing.attachments.errors.frozen' });
    expect((await db.attachment.findUniqueOrThrow({ where: { id: first } })).deletedAt).toBeNull();
    expect((await auditOf('attachment.delete', 'DENIED')).filter((e) => e.entityId === first)).toHaveLength(2);
    // A file added to the update can be removed again.
    const third = (await upload(me, id, 'c.pdf', tinyPdf('c'))).body.attachment!.id;
    expect(await runAction(del, me, { attachmentId: third }, origin)).toMatchObject({ ok: true });
  });
});

describe('the attachment limit', () => {
  it('counts only the draft’s own files, not those frozen in earlier versions, and holds under parallel uploads', async () => {
    const { me, id } = await draftOf();
    // Two places left and five uploads at once: exactly two get in (the count and the insert are serialised).
    expect(await uploadDirect(me, id, 'first.pdf', 3)).toBe('ok');
    const parallel = await Promise.all([1, 2, 3, 4, 5].map((n) => uploadDirect(me, id, `p${n}.pdf`, 3)));
    expect(parallel.filter((r) => r === 'ok')).toHaveLength(2);
    expect(parallel.filter((r) => r === 'filing.attachments.errors.tooMany')).toHaveLength(3);
    expect(await db.attachment.count({ where: { disclosureId: id, deletedAt: null } })).toBe(3);

    await saveAll(me, id, completeContent());
    await submitDisclosure(me, await submitInput(id), { origin });
    const d = await db.disclosure.findUniqueOrThrow({ where: { id } });
    const { startUpdate } = await import('./updates');
    await startUpdate(me, { disclosureId: id, stateVersion: d.stateVersion }, origin);
    // The three files are frozen in version 1 and can never be removed: the update still takes three new ones.
    for (const n of [1, 2, 3]) expect(await uploadDirect(me, id, `update${n}.pdf`, 3)).toBe('ok');
    expect(await uploadDirect(me, id, 'update4.pdf', 3)).toBe('filing.attachments.errors.tooMany');
  });
});
