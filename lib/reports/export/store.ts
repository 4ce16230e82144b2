// Export files of background exports, kept in ExportFile (bytea) for 24 hours. Both directions stream
// through COPY, so the app never holds a whole file: writing is COPY … FROM STDIN with the bytes as hex
// (text format needs no length up front), reading is COPY (SELECT data …) TO STDOUT in binary format,
// whose one field is passed through as it arrives.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { db } from '@/lib/db/client';
import { reportsPool } from '../pg';
import { literal } from '../sql';

export const EXPORT_TTL_HOURS = 24;

const safeText = (s: string) => s.replace(/[\\\t\r\n]/g, '_');

/**
 * Stores what `write` produces as the ExportFile of `taskId`. `write` gets a Writable to fill (with
 * backpressure) and must end it.
 */
export async function storeExportFile(
  taskId: string,
  meta: { fileName: string; mediaType: string },
  write: (out: Writable) => Promise<void>,
): Promise<{ id: string; sizeBytes: number }> {
  const client = await reportsPool().connect();
  let ok = false;
  const id = randomUUID();
  let size = 0;
  try {
    await client.query('BEGIN');
    const copy = client.query(
      copyFrom(`COPY "ExportFile" (id, "taskId", "fileName", "mediaType", "sizeBytes", "expiresAt", data) FROM STDIN`),
    );
    const expires = new Date(Date.now() + EXPORT_TTL_HOURS * 3600_000).toISOString();
    // The row: every column, then the bytes as \x-hex (the backslash doubled for COPY's text format).
    copy.write(`${id}\t${taskId}\t${safeText(meta.fileName)}\t${safeText(meta.mediaType)}\t0\t${expires}\t\\\\x`);
    const hex = new Writable({
      write(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (copy.write(chunk.toString('hex'))) cb();
        else copy.once('drain', () => cb());
      },
    });
    await Promise.all([write(hex), once(hex, 'finish')]);
    copy.end('\n');
    await once(copy, 'finish');
    await client.query(`UPDATE "ExportFile" SET "sizeBytes" = $1 WHERE id = $2`, [size, id]);
    await client.query('COMMIT');
    ok = true;
    return { id, sizeBytes: size };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release(ok ? undefined : true);
  }
}

/** Skips COPY's binary header and the tuple's field header, passes the one field's bytes, drops the trailer. */
class SingleFieldBinary extends Transform {
  private header = Buffer.alloc(0);
  private remaining = -1;

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: () => void) {
    let buf = chunk;
    if (this.remaining < 0) {
      this.header = Buffer.concat([this.header, buf]);
      // 11-byte signature, int32 flags, int32 extension length (0), int16 field count, int32 field length.
      if (this.header.length < 25) return cb();
      this.remaining = this.header.readInt32BE(21);
      buf = this.header.subarray(25);
      this.header = Buffer.alloc(0);
    }
    if (this.remaining > 0 && buf.length > 0) {
      const part = buf.subarray(0, this.remaining);
      this.remaining -= part.length;
      this.push(part);
    }
    cb();
  }
}

export interface StoredFile {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** Streams the bytes into `out` (ends it). */
  pipeTo(out: Writable): Promise<void>;
}

/** The file of a task, if it exists and has not expired. */
export async function storedFile(taskId: string): Promise<StoredFile | null> {
  const file = await db.exportFile.findUnique({
    where: { taskId },
    select: { fileName: true, mediaType: true, sizeBytes: true, expiresAt: true },
  });
  if (!file || file.expiresAt <= new Date()) return null;
  return {
    fileName: file.fileName,
    mediaType: file.mediaType,
    sizeBytes: file.sizeBytes,
    async pipeTo(out: Writable) {
      const client = await reportsPool().connect();
      let ok = false;
      try {
        const copy = client.query(copyTo(`COPY (SELECT data FROM "ExportFile" WHERE "taskId" = ${literal(taskId)}::uuid) TO STDOUT WITH (FORMAT binary)`));
        await pipeline(copy, new SingleFieldBinary(), out);
        ok = true;
      } finally {
        client.release(ok ? undefined : true);
      }
    },
  };
}

/** Hourly: expired export files are deleted (their tasks stay, as the record that they ran). */
export async function purgeExpiredExports(): Promise<void> {
  await db.exportFile.deleteMany({ where: { expiresAt: { lte: new Date() } } });
}
