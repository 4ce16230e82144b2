// The watchlist import form's schema, used by react-hook-form in the browser and again by the server
// action. Messages are catalog keys (watchlists.errors.*).
import { z } from 'zod';
import { safeString } from '@/lib/security/sanitise';

const text = (max: number) => safeString().trim().min(1, 'watchlists.errors.required').max(max, 'watchlists.errors.tooLong');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'watchlists.errors.date');

export const LIST_CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;
/** Largest CSV accepted through the form (the full US CSL is about 20 MB). */
export const MAX_CSV_CHARS = 24 * 1024 * 1024;

export const importWatchlistSchema = z
  .object({
    target: z.enum(['existing', 'new']),
    watchlistId: z.string().optional(),
    code: z.string().trim().optional(),
    kind: z.enum(['WATCHLIST', 'GROUP']).optional(),
    nameJa: z.string().trim().max(200, 'watchlists.errors.tooLong').optional(),
    nameEn: z.string().trim().max(200, 'watchlists.errors.tooLong').optional(),
    source: z.string().trim().max(500, 'watchlists.errors.tooLong').optional(),
    sourceUrl: z.string().trim().max(500, 'watchlists.errors.tooLong').optional(),
    editionDate: isoDate,
    isSample: z.boolean(),
    fileName: text(255),
    csvText: z.string().min(1, 'watchlists.errors.fileRequired').max(MAX_CSV_CHARS, 'watchlists.errors.fileTooLarge'),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, ok: boolean, message = 'watchlists.errors.required') => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    if (v.target === 'existing') {
      need('watchlistId', z.uuid().safeParse(v.watchlistId).success, 'watchlists.errors.chooseList');
      return;
    }
    need('code', LIST_CODE.test(v.code ?? ''), 'watchlists.errors.code');
    need('nameJa', Boolean(v.nameJa));
    need('nameEn', Boolean(v.nameEn));
    need('source', Boolean(v.source));
    if (v.sourceUrl) need('sourceUrl', /^https?:\/\/\S+$/.test(v.sourceUrl), 'watchlists.errors.url');
  });

export type ImportWatchlistFormInput = z.input<typeof importWatchlistSchema>;
