// Section 1: who is disclosing. Usually prefilled from the researcher's profile; the disclosure keeps its
// own copy so a version shows what was certified.
import { z } from 'zod';
import { errorKeys as e, type ValidationKey } from './errors';
import { defineFields, field, limits, pair, report, requiredText, trimmed } from './fields';
import { isEradNumber, isKana, isOrcid, isRomaji, normaliseOrcid, orcidPattern } from './identifiers';

const draftText = field.text().draft;

// NFKC folds full-width digits and half-width katakana, which people type in Japanese forms. Never applied
// to kanji names: it would rewrite compatibility ideographs (﨑 → 崎) in someone's name.
// The format check stays quiet on "" so an empty field reports only "required".
const formatted = (test: (value: string) => boolean, key: ValidationKey) =>
  requiredText()
    .normalize('NFKC')
    .refine((value) => value === '' || test(value), { error: key });

const profile = defineFields({
  /** Optional: not every researcher's name is written in kanji. */
  nameKanji: field.optionalText(),
  nameKana: pair(draftText, formatted(isKana, e.kanaFormat)),
  nameRomaji: pair(draftText, formatted(isRomaji, e.romajiFormat)),
  position: field.text(),
  departmentId: field.optionalUuid(),
  eradNumber: pair(draftText, formatted(isEradNumber, e.eradFormat)),
  /** Optional; "" means none. Stored as the bare iD with an upper-case check character. */
  orcid: pair(
    draftText,
    trimmed(limits.short)
      .normalize('NFKC')
      .overwrite(normaliseOrcid)
      .superRefine((value, ctx) => {
        if (value === '') return;
        if (!orcidPattern.test(value)) report(ctx, [], e.orcidFormat);
        else if (!isOrcid(value)) report(ctx, [], e.orcidChecksum);
      })
      .optional(),
  ),
});

export const profileFields = profile.fields;
export const draftProfileSchema = profile.draft;
export const profileSchema = profile.complete;
export type DraftProfile = z.infer<typeof draftProfileSchema>;
export type Profile = z.infer<typeof profileSchema>;
