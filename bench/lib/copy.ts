// Streaming rows into PostgreSQL with COPY … FROM STDIN (text format), one connection per table (closed with the sink), so a
// generator can feed several tables in one pass. Writes are batched and respect back-pressure.
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Cell = string | number | boolean | null | undefined;

/** COPY text format: \N for NULL; backslash, tab, newline and carriage return escaped. */
export function cell(v: Cell): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** A PostgreSQL array literal of plain strings (no quotes or commas inside). */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
}

export class CopySink {
  private buf = '';
  private stream: ReturnType<typeof copyFrom> | null = null;
  private done: Promise<void> | null = null;
  count = 0;

  constructor(
    private readonly client: pg.Client,
    readonly table: string,
    private readonly columns: readonly string[],
  ) {}

  async open(): Promise<this> {
    const cols = this.columns.map((c) => `"${c}"`).join(', ');
    this.stream = this.client.query(copyFrom(`COPY "${this.table}" (${cols}) FROM STDIN`));
    this.done = new Promise((resolve, reject) => {
      this.stream!.on('finish', () => resolve());
      this.stream!.on('error', reject);
    });
    return this;
  }

  async row(values: readonly Cell[]): Promise<void> {
    this.buf += values.map(cell).join('\t') + '\n';
    this.count++;
    if (this.buf.length >= 1 << 17) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.buf || !this.stream) return;
    const chunk = this.buf;
    this.buf = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<number> {
    await this.flush();
    this.stream!.end();
    await this.done;
    await this.client.end();
    return this.count;
  }
}
