// Every organisation a disclosure names, with a stable item reference: the rows of DisclosureOrganisation
// and the input of watchlist screening. Normalising names for matching is the screening's business.
import type { CountryCode } from './countries';
import { itemRef, type ItemRef } from './item-refs';
import type { SectionFieldName } from './labels';
import { repeatingSectionKeys, type DraftContent, type RepeatingSectionKey } from './sections';

/** The organisation-reference fields of each section, in form order. */
export const organisationFields = {
  appointments: ['organisation'],
  programmes: ['programme', 'sponsor'],
  support: ['source', 'placeOfPerformance'],
  gifts: ['source'],
  interests: ['organisation'],
  travel: ['sponsor'],
} as const satisfies { [K in RepeatingSectionKey]: readonly SectionFieldName<K>[] };

export type OrganisationMention = {
  itemRef: ItemRef;
  section: RepeatingSectionKey;
  itemId: string;
  field: string;
  entityId?: string;
  name: string;
  nameLocal?: string;
  country?: CountryCode;
};

type OrganisationRefLike = { entityId?: string; name?: string; nameLocal?: string; country?: CountryCode };

/**
 * Lists the organisations in content order (section, item, field). Accepts drafts too: a reference is
 * listed once it has a name (or a registry entity), so screening can run before submission.
 */
export function listOrganisations(
  content: Partial<Pick<DraftContent, RepeatingSectionKey>>,
): OrganisationMention[] {
  const mentions: OrganisationMention[] = [];
  for (const section of repeatingSectionKeys) {
    for (const item of content[section]?.items ?? []) {
      for (const field of organisationFields[section]) {
        const ref = (item as Record<string, OrganisationRefLike | undefined>)[field];
        const name = ref?.name?.trim() ?? '';
        if (!ref || (!name && !ref.entityId)) continue;
        mentions.push({
          itemRef: itemRef(section, item.id, field),
          section,
          itemId: item.id,
          field,
          name,
          ...(ref.entityId ? { entityId: ref.entityId } : {}),
          ...(ref.nameLocal?.trim() ? { nameLocal: ref.nameLocal.trim() } : {}),
          ...(ref.country ? { country: ref.country } : {}),
        });
      }
    }
  }
  return mentions;
}
