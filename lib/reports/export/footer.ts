// What every exported file carries at its end: who asked for it, when (Asia/Tokyo), and the head of the
// sealed audit chain when it was made ("#<seq> <hash>": every event committed before the export is under
// it), so the file can be tied to the chain: `npm run audit:verify -- --head '#<seq> <hash>'`.
// The export's own audit event comes after that head.
import 'server-only';
import { createTranslator } from 'next-intl';
import { sealedAuditHead } from '@/lib/audit/verify';
import type { Actor } from '@/lib/auth/roles';
import { type Locale, isLocale } from '@/lib/i18n/config';
import { messagesFor } from '@/lib/i18n/messages';
import { JAPAN_TIME_ZONE } from '@/lib/time/japan';

export interface ExportFooter {
  requester: string;
  requesterName: string;
  at: Date;
  atTokyo: string;
  auditHead: string;
}

/** "2026-11-29 16:40:05 JST". */
export function tokyoTime(at: Date): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: JAPAN_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${parts} JST`;
}

export async function exportFooter(actor: Pick<Actor, 'email' | 'displayName'>, at = new Date()): Promise<ExportFooter> {
  return { requester: actor.email, requesterName: actor.displayName, at, atTokyo: tokyoTime(at), auditHead: await sealedAuditHead() };
}

/** The footer as plain lines (CSV comment lines, the XLSX "about" sheet, the PDF's last lines). */
export function footerLines(f: ExportFooter, o: { rows?: number; filter?: string }): string[] {
  const lines = [`exported by ${f.requester} (${f.requesterName}), at ${f.atTokyo}, audit head ${f.auditHead}`];
  if (o.rows !== undefined) lines.push(`rows: ${o.rows}`);
  if (o.filter) lines.push(`filter: ${o.filter}`);
  return lines;
}

type Values = Record<string, string | number | Date>;
export type ReportsTranslator = (key: string, values?: Values) => string;

/** The `reports` catalog in `locale`, outside any request (background tasks, files). */
export function exportTranslator(locale: string): ReportsTranslator {
  const l: Locale = isLocale(locale) ? locale : 'ja';
  const t = createTranslator({ locale: l, messages: messagesFor(l), timeZone: JAPAN_TIME_ZONE });
  return (key, values) => (t as unknown as (k: string, v?: Values) => string)(`reports.${key}`, values);
}
