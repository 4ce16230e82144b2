// References a submitted version may only hold if they point at something real: the profile's
// department (of the disclosure's institution), appointment contracts (live attachments of this
// disclosure) and registry entities. Checked at submission, where a dangling id would otherwise be
// frozen into an immutable version.
import 'server-only';
import type { FieldErrors } from '@/lib/errors';
import type { Tx } from '@/lib/db/client';
import { errorKeys } from '@/lib/disclosures/errors';
import { organisationFields } from '@/lib/disclosures/organisations';
import { repeatingSectionKeys, type DisclosureContent } from '@/lib/disclosures/sections';

export async function referenceIssues(
  tx: Tx,
  d: { id: string; institutionId: string },
  content: DisclosureContent,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const flag = (path: string) => (errors[path] ??= []).push(errorKeys.invalidReference);

  const departmentId = content.profile.departmentId;
  if (departmentId) {
    const dept = await tx.department.findFirst({
      where: { id: departmentId, institutionId: d.institutionId },
      select: { id: true },
    });
    if (!dept) flag('profile.departmentId');
  }

  const attachmentIds = content.appointments.items.flatMap((item) => item.contractAttachmentIds);
  if (attachmentIds.length > 0) {
    const live = await tx.attachment.findMany({
      where: { id: { in: attachmentIds }, disclosureId: d.id, deletedAt: null },
      select: { id: true },
    });
    const known = new Set(live.map((a) => a.id));
    content.appointments.items.forEach((item, index) => {
      if (item.contractAttachmentIds.some((id) => !known.has(id))) flag(`appointments.items.${index}.contractAttachmentIds`);
    });
  }

  const entityRefs: { path: string; entityId: string }[] = [];
  for (const section of repeatingSectionKeys) {
    content[section].items.forEach((item, index) => {
      for (const field of organisationFields[section]) {
        const entityId = (item as Record<string, { entityId?: string } | undefined>)[field]?.entityId;
        if (entityId) entityRefs.push({ path: `${section}.items.${index}.${field}.entityId`, entityId });
      }
    });
  }
  if (entityRefs.length > 0) {
    const found = await tx.foreignEntity.findMany({
      where: { id: { in: [...new Set(entityRefs.map((r) => r.entityId))] } },
      select: { id: true },
    });
    const known = new Set(found.map((e) => e.id));
    for (const ref of entityRefs) if (!known.has(ref.entityId)) flag(ref.path);
  }
  return errors;
}
