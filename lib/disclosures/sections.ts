// The disclosure content model: one zod schema per section, in a draft form (saves anything well-typed,
// autosaved per DisclosureSection row) and a complete form (checked at submit, frozen into the
// DisclosureVersion). Shared by browser forms, server actions, rules, seed and reports.
import { z } from 'zod';
import { appointmentFields, appointmentsSection } from './appointments';
import { typeError } from './fields';
import { giftFields, giftsSection } from './gifts';
import { interestFields, interestsSection } from './interests';
import { draftProfileSchema, profileFields, profileSchema } from './profile';
import { programmeFields, programmesSection } from './programmes';
import { supportFields, supportSection } from './support';
import { travelFields, travelSection } from './travel';

export type { Money } from '@/lib/money';
export { certificationSchema, type Certification } from './certification';
export type { OrganisationRef } from './fields';
export type { Appointment, DraftAppointment } from './appointments';
export type { DraftGift, Gift } from './gifts';
export type { DraftInterest, Interest } from './interests';
export type { DraftProfile, Profile } from './profile';
export type { DraftProgramme, Programme } from './programmes';
export type { DraftSupport, Support } from './support';
export type { DraftTravel, Travel } from './travel';

/** Display order of the form, the progress view and the diff. */
export const sectionKeys = [
  'profile',
  'appointments',
  'programmes',
  'support',
  'gifts',
  'interests',
  'travel',
] as const;
export type SectionKey = (typeof sectionKeys)[number];
export type RepeatingSectionKey = Exclude<SectionKey, 'profile'>;
export const repeatingSectionKeys = sectionKeys.filter((key): key is RepeatingSectionKey => key !== 'profile');

export function isSectionKey(key: string): key is SectionKey {
  return (sectionKeys as readonly string[]).includes(key);
}

export function isRepeatingSectionKey(key: string): key is RepeatingSectionKey {
  return key !== 'profile' && isSectionKey(key);
}

export const draftSchemas = {
  profile: draftProfileSchema,
  appointments: appointmentsSection.draft,
  programmes: programmesSection.draft,
  support: supportSection.draft,
  gifts: giftsSection.draft,
  interests: interestsSection.draft,
  travel: travelSection.draft,
} satisfies Record<SectionKey, z.ZodType>;

export const completeSchemas = {
  profile: profileSchema,
  appointments: appointmentsSection.complete,
  programmes: programmesSection.complete,
  support: supportSection.complete,
  gifts: giftsSection.complete,
  interests: interestsSection.complete,
  travel: travelSection.complete,
} satisfies Record<SectionKey, z.ZodType>;

/** The fields of each section's items (the profile's own fields), in form order, without `id`. */
export const sectionFields = {
  profile: profileFields,
  appointments: appointmentFields,
  programmes: programmeFields,
  support: supportFields,
  gifts: giftFields,
  interests: interestFields,
  travel: travelFields,
} as const;

/** A draft section as the form holds it before parsing (the repeating sections' defaults not yet applied). */
export type DraftSectionInput<K extends SectionKey> = z.input<(typeof draftSchemas)[K]>;

/** Whole contents: `DisclosureContent` is what a submitted version holds, `DraftContent` what a draft holds. */
export const draftContentSchema = z.object(draftSchemas, { error: typeError() });
export const contentSchema = z.object(completeSchemas, { error: typeError() });
export type DraftContent = z.infer<typeof draftContentSchema>;
export type DisclosureContent = z.infer<typeof contentSchema>;

/** Item of a repeating section, draft or complete. */
export type DraftItem<K extends RepeatingSectionKey> = DraftContent[K]['items'][number];
export type Item<K extends RepeatingSectionKey> = DisclosureContent[K]['items'][number];

export function emptySection<K extends SectionKey>(key: K): DraftContent[K] {
  return (key === 'profile' ? {} : { nothingToDisclose: false, items: [] }) as DraftContent[K];
}

/** A new disclosure: every section present and empty (drafts of every section parse from this). */
export function emptyContent(): DraftContent {
  return Object.fromEntries(sectionKeys.map((key) => [key, emptySection(key)])) as DraftContent;
}
