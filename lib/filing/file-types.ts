// What may be attached: contracts and translations as PDF or Word, scans as PNG, JPEG or TIFF. The type
// is read from the file's bytes; the name's extension must say the same, so a renamed file is refused
// with a message that names both.
import 'server-only';
import { fileTypeFromBuffer } from 'file-type';

export const attachmentTypes = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word (DOCX)',
  },
  png: { mime: 'image/png', extensions: ['png'], label: 'PNG' },
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  tif: { mime: 'image/tiff', extensions: ['tif', 'tiff'], label: 'TIFF' },
} as const;

export type AttachmentType = keyof typeof attachmentTypes;

export type FileTypeCheck =
  | { ok: true; type: AttachmentType; mime: string }
  | { ok: false; error: string; params: Record<string, string> };

// What a refused file was found to be, named by kind in the message (messages/*/filing.json,
// attachments.errors.typeNotAllowed): people recognise "a ZIP archive" or "an executable program", not `exe`.
const DETECTED_KINDS: Record<string, readonly string[]> = {
  zip: ['zip'],
  archive: ['rar', '7z', 'gz', 'tar', 'bz2', 'xz', 'zst', 'cab', 'lz', 'lzh', 'ar', 'cpio', 'arj'],
  executable: ['exe', 'elf', 'mach', 'msi', 'dmg', 'apk', 'class', 'wasm', 'dex', 'deb', 'rpm', 'lnk'],
  office: ['xlsx', 'pptx', 'odt', 'ods', 'odp', 'cfb', 'rtf', 'epub'],
  image: ['gif', 'webp', 'bmp', 'heic', 'avif', 'jxl', 'ico', 'psd', 'cr2', 'nef', 'dng', 'svg', 'jp2'],
  media: ['mp3', 'mp4', 'mov', 'avi', 'mkv', 'webm', 'wav', 'flac', 'ogg', 'm4a', 'aac', 'mpg'],
};

export type DetectedKind = keyof typeof DETECTED_KINDS | 'other';

export function detectedKind(ext: string): DetectedKind {
  for (const [kind, exts] of Object.entries(DETECTED_KINDS)) if (exts.includes(ext)) return kind as DetectedKind;
  return 'other';
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** A name safe to store and to send back in Content-Disposition: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(-200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'attachment' : cleaned;
}

export async function checkFileType(bytes: Uint8Array, fileName: string): Promise<FileTypeCheck> {
  const sniffed = await fileTypeFromBuffer(bytes);
  const type = sniffed && (Object.hasOwn(attachmentTypes, sniffed.ext) ? (sniffed.ext as AttachmentType) : undefined);
  const extension = extensionOf(fileName);
  if (!type) {
    if (!sniffed) return { ok: false, error: 'filing.attachments.errors.typeUnrecognised', params: {} };
    return { ok: false, error: 'filing.attachments.errors.typeNotAllowed', params: { kind: detectedKind(sniffed.ext), format: sniffed.ext.toUpperCase() } };
  }
  const allowed: readonly string[] = attachmentTypes[type].extensions;
  if (!allowed.includes(extension)) {
    return {
      ok: false,
      error: 'filing.attachments.errors.typeMismatch',
      params: { declared: extension ? `.${extension}` : '—', actual: attachmentTypes[type].label },
    };
  }
  return { ok: true, type, mime: attachmentTypes[type].mime };
}
