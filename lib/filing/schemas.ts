// Inputs of the filing actions, parsed by defineAction on the server and used by the forms in the
// browser. Section data is checked with the content model's own draft schemas; every message is a
// catalog key.
import { z } from 'zod';
import { parseItemRef } from '@/lib/disclosures/item-refs';
import { certificationSchema, draftSchemas, type SectionKey } from '@/lib/disclosures/sections';

const invalid = 'validation.invalidType';
const id = () => z.uuid({ error: 'validation.invalidReference' });
const count = () => z.int({ error: invalid }).min(0, { error: invalid }).max(1_000_000, { error: invalid });

export const startDisclosureInput = z.object({ cycleId: id() }, { error: invalid });

function saveInputFor<K extends SectionKey>(key: K) {
  return z.object(
    { disclosureId: id(), section: z.literal(key), revision: count(), data: draftSchemas[key] },
    { error: invalid },
  );
}

/** One draft section and the revision the browser last saw (optimistic concurrency). */
export const saveSectionInput = z.discriminatedUnion(
  'section',
  [
    saveInputFor('profile'),
    saveInputFor('appointments'),
    saveInputFor('programmes'),
    saveInputFor('support'),
    saveInputFor('gifts'),
    saveInputFor('interests'),
    saveInputFor('travel'),
  ],
  { error: 'validation.invalidOption' },
);
export type SaveSectionInput = z.infer<typeof saveSectionInput>;

export const submitDisclosureInput = z.object(
  {
    disclosureId: id(),
    /** Made by the browser when the review page opens: a retried or repeated submit sends the same key. */
    idempotencyKey: id(),
    /** The disclosure's stateVersion and the hash of the draft the researcher reviewed. */
    stateVersion: count(),
    reviewedHash: z.string({ error: invalid }).regex(/^[0-9a-f]{64}$/, { error: invalid }),
    /** The language the attestation was shown in: it is stored verbatim in that language. */
    locale: z.enum(['ja', 'en'], { error: 'validation.invalidOption' }),
    certification: certificationSchema,
  },
  { error: invalid },
);
export type SubmitDisclosureInput = z.infer<typeof submitDisclosureInput>;

export const disclosureRefInput = z.object({ disclosureId: id(), stateVersion: count() }, { error: invalid });

export const attachmentRefInput = z.object({ attachmentId: id() }, { error: invalid });

export const attachmentKinds = ['CONTRACT', 'TRANSLATION', 'OTHER'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

/** "appointments/<item uuid>": an attachment belongs to an item (a contract to its appointment), not to a field. */
function isItemRefOfItem(ref: string): boolean {
  const parsed = parseItemRef(ref);
  return !!parsed && parsed.field === undefined && z.uuid().safeParse(parsed.itemId).success;
}

/** The non-file fields of an upload (multipart form fields). */
export const uploadFieldsInput = z.object(
  {
    kind: z.enum(attachmentKinds, { error: 'validation.invalidOption' }),
    itemRef: z
      .string({ error: invalid })
      .max(200, { error: 'validation.tooLong' })
      .refine(isItemRefOfItem, { error: 'validation.invalidReference' })
      .optional(),
  },
  { error: invalid },
);

export const entitySearchInput = z.object({
  q: z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(100, { error: 'validation.tooLong' }),
});

/** Answers to "from last year — still true?" for one carried item. */
export const confirmCarriedInput = z.object({ disclosureId: id(), itemId: id() }, { error: invalid });
export const endCarriedInput = z.object(
  {
    disclosureId: id(),
    itemId: id(),
    endDate: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }).max(10, { error: 'validation.invalidDate' }),
  },
  { error: invalid },
);
export type EndCarriedInput = z.infer<typeof endCarriedInput>;

/** Accepting or dismissing one suggested grant (by funder and project number, as imported). */
export const grantAnswerInput = z.object(
  {
    disclosureId: id(),
    funder: z.string({ error: invalid }).trim().min(1, { error: 'validation.required' }).max(50, { error: 'validation.tooLong' }),
    projectNumber: z.string({ error: invalid }).trim().min(1, { error: 'validation.required' }).max(50, { error: 'validation.tooLong' }),
  },
  { error: invalid },
);
