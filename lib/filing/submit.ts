// Submission: the complete schemas over the whole draft, the certification, and — in one transaction
// holding the disclosure's row lock — an immutable DisclosureVersion, the organisations it names, the
// disclosure's new status, the rules' findings and the audit event. Idempotent by the key the browser
// made when the review page opened: a double click or a retried request gets the same version back.
import 'server-only';
import { ActionError, type FieldErrors } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { auditDisclosure } from '@/lib/audit/by';
import { type Origin } from '@/lib/audit/record';
import type { Tx } from '@/lib/db/client';
import { toFieldIssues } from '@/lib/disclosures/errors';
import { listOrganisations } from '@/lib/disclosures/organisations';
import { contentSchema, sectionKeys, type DisclosureContent } from '@/lib/disclosures/sections';
import type { VersionKind } from '@/lib/generated/prisma/enums';
import { checkSubmittedVersion } from '@/lib/rules/on-submit';
import { notifyOfficersOfSubmission } from '@/lib/review/notify';
import { normalizeName } from '@/lib/watchlists/normalize';
import { unconfirmedItems } from './carry';
import { certifiedNameMatches } from './certify-name';
import { assembleDraft } from './content';
import { contentHash } from './hash';
import { referenceIssues } from './references';
import { refusal, auditRefusals } from './refused';
import { notEditableKey } from './save-section';
import type { SubmitDisclosureInput } from './schemas';

import { inTransaction, loadForChange } from './state';
import { editability, submission } from './workflow';
import { disclosureSearchText } from '@/lib/review/search-keys';
import { localText } from '@/lib/i18n/local-text';

export type SubmitContext = { origin: Origin; now?: Date };
export type SubmitResult = { versionId: string; number: number; kind: VersionKind; replayed: boolean };

/** The draft as the researcher sees it now: rows over the last version. */
export async function currentDraft(tx: Tx, disclosureId: string) {
  // One connection per transaction: its queries run one after the other.
  const rows = await tx.disclosureSection.findMany({ where: { disclosureId }, select: { key: true, data: true, revision: true } });
  const last = await tx.disclosureVersion.findFirst({
    where: { disclosureId },
    orderBy: { number: 'desc' },
    select: { number: true, content: true },
  });
  return { ...assembleDraft(rows, (last?.content as DisclosureContent | undefined) ?? null), lastNumber: last?.number ?? 0 };
}

function incomplete(errors: FieldErrors): ActionError {
  const sections = sectionKeys.filter((key) => Object.keys(errors).some((path) => path.split('.')[0] === key));
  return new ActionError('filing.errors.incomplete', errors, { sections });
}

export async function submitDisclosure(
  actor: Actor,
  input: SubmitDisclosureInput,
  ctx: SubmitContext,
  client?: Tx,
): Promise<SubmitResult> {
  return auditRefusals(() =>
    inTransaction(client, async (tx) => {
      const d = await loadForChange(tx, actor, input.disclosureId, 'update');

      // Inside the lock: a duplicate request waits for the first to commit, then finds its version here.
      const previous = await tx.disclosureVersion.findUnique({
        where: { idempotencyKey: input.idempotencyKey },
        select: { id: true, number: true, kind: true, disclosureId: true },
      });
      if (previous) {
        if (previous.disclosureId !== d.id) throw new ActionError('errors.conflict');
        return { versionId: previous.id, number: previous.number, kind: previous.kind, replayed: true };
      }

      const next = submission(d.state);
      if (!next) {
        const e = editability(d.state);
        const reason = e.editable ? 'unknown' : e.reason;
        throw refusal(notEditableKey(reason), actor, ctx.origin, {
          action: 'disclosure.submit',
          entityType: 'Disclosure',
          entityId: d.id,
          institutionId: d.institutionId,
          reason,
        });
      }
      if (d.stateVersion !== input.stateVersion) {
        throw new ActionError('errors.conflict', undefined, { stateVersion: d.stateVersion });
      }

      const draft = await currentDraft(tx, d.id);
      if (contentHash(draft.content) !== input.reviewedHash) throw new ActionError('filing.errors.changedSinceReview');

      // Nothing carried from last year goes in unanswered: named, so the researcher can find each one.
      const unconfirmed = await unconfirmedItems(tx, d.id, draft.content);
      if (unconfirmed.length > 0) {
        throw new ActionError('carry.errors.unconfirmed', undefined, { count: unconfirmed.length, items: unconfirmed });
      }

      const parsed = contentSchema.safeParse(draft.content);
      if (!parsed.success) {
        const errors: FieldErrors = {};
        for (const issue of toFieldIssues(parsed.error)) (errors[issue.path] ??= []).push(issue.key);
        throw incomplete(errors);
      }
      const content: DisclosureContent = parsed.data;
      const broken = await referenceIssues(tx, d, content);
      if (Object.keys(broken).length > 0) throw incomplete(broken);

      if (!certifiedNameMatches(input.certification.fullName, content.profile)) {
        throw new ActionError('errors.invalidInput', { 'certification.fullName': ['filing.errors.nameMismatch'] });
      }

      const now = ctx.now ?? new Date();
      const hash = contentHash(content);
      const version = await tx.disclosureVersion.create({
        data: {
          disclosureId: d.id,
          number: draft.lastNumber + 1,
          kind: next.kind,
          content: content as object,
          contentHash: hash,
          formVersion: d.cycle.formVersion,
          attestationText: localText(input.locale, d.cycle, 'attestation'),
          certifiedName: input.certification.fullName,
          certifiedAt: now,
          locale: input.locale,
          submittedById: actor.userId,
          idempotencyKey: input.idempotencyKey,
        },
        select: { id: true, number: true },
      });

      const mentions = listOrganisations(content);
      if (mentions.length > 0) {
        await tx.disclosureOrganisation.createMany({
          data: mentions.map((m) => ({
            disclosureId: d.id,
            versionId: version.id,
            entityId: m.entityId ?? null,
            name: m.name,
            normalizedName: normalizeName(m.name || m.nameLocal || ''),
            country: m.country ?? null,
            itemRef: m.itemRef,
          })),
        });
      }

      const searchText = await disclosureSearchText(tx, {
        researcherId: d.researcherId,
        researcherNames: [content.profile.nameKanji, content.profile.nameKana, content.profile.nameRomaji],
        organisations: mentions,
      });
      await tx.disclosure.update({
        where: { id: d.id },
        data: {
          status: next.nextStatus,
          lastSubmittedAt: now,
          researcherName: researcherNameOf(content.profile) ?? undefined,
          searchText,
          departmentId: content.profile.departmentId ?? d.departmentId,
          stateVersion: { increment: 1 },
        },
      });
      // The draft is now the version; rows appear again only for an update or a revision.
      await tx.disclosureSection.deleteMany({ where: { disclosureId: d.id } });

      await checkSubmittedVersion(tx, version.id);
      // Review (#5): the officers hear of the (re)submission exactly when it commits.
      await notifyOfficersOfSubmission(tx, d.id, version.id);

      const attachments = await tx.attachment.findMany({
        where: { disclosureId: d.id, deletedAt: null },
        select: { id: true, sha256: true },
        orderBy: { createdAt: 'asc' },
      });
      await auditDisclosure(tx, actor, ctx.origin, d, 'disclosure.submit', {
        versionId: version.id,
        number: version.number,
        kind: next.kind,
        status: next.nextStatus,
        contentHash: hash,
        attachments,
      });
      return { versionId: version.id, number: version.number, kind: next.kind, replayed: false };
    }),
  );
}

function researcherNameOf(profile: DisclosureContent['profile']): string | null {
  const names = [profile.nameKanji, profile.nameRomaji].filter((n): n is string => !!n && n.trim() !== '');
  return names[0] ?? null;
}

