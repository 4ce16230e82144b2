// The versions of one of the researcher's disclosures, oldest first, with their content for the diff,
// and the update being drafted (if any) to compare with the last version.
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import { assembleDraft } from './content';
import { ownDisclosure } from './scope';
import { stateOf } from './state';
import { editability } from './workflow';

export async function versionHistory(actor: Actor, disclosureId: string) {
  const d = await db.disclosure.findFirst({
    where: ownDisclosure(actor, disclosureId),
    select: {
      id: true,
      status: true,
      cycle: { select: { code: true, titleJa: true, titleEn: true, status: true } },
      sections: { select: { key: true, data: true, revision: true } },
      versions: {
        select: {
          id: true,
          number: true,
          kind: true,
          content: true,
          contentHash: true,
          formVersion: true,
          attestationText: true,
          certifiedName: true,
          certifiedAt: true,
          locale: true,
        },
        orderBy: { number: 'asc' },
      },
      _count: { select: { sections: true, versions: true } },
    },
  });
  if (!d) throw new NotFoundError(`Disclosure:${disclosureId}`);
  const versions = d.versions.map((v) => ({ ...v, content: v.content as DisclosureContent }));
  const last = versions.at(-1) ?? null;
  const edit = editability(stateOf(d));
  const draft =
    edit.editable && last && d.sections.length > 0 ? assembleDraft(d.sections, last.content).content : null;
  return { id: d.id, status: d.status, cycle: d.cycle, versions, draft };
}
