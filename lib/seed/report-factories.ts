// Builders for already-submitted disclosures, shared by the reports' demo data and their tests: a
// Disclosure, its immutable version and the organisations it names (rows as submission writes them),
// without going through the draft workflow. Rules and screening run through the same hook submission
// uses (checkSubmittedVersion), so findings appear whenever rules are configured.
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Tx } from '@/lib/db/client';
import { canonicalJson } from '@/lib/audit/hash';
import { listOrganisations } from '@/lib/disclosures/organisations';
import { sampleContent } from '@/lib/disclosures/sample';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import type { DisclosureStatus, Severity } from '@/lib/generated/prisma/enums';
import { checkSubmittedVersion } from '@/lib/rules/on-submit';
import { normalizeName } from '@/lib/watchlists/normalize';
import { createHash } from 'node:crypto';

type Org = { name: string; nameLocal?: string; country: DisclosureContent['appointments']['items'][number]['organisation']['country'] };

export interface SubmittedSpec {
  cycleId: string;
  institutionId: string;
  researcherId: string;
  researcherName: string;
  eradNumber?: string;
  status?: Exclude<DisclosureStatus, 'DRAFT'>;
  /** Talent programmes: name and sponsor of each (none: the section says "nothing to disclose"). */
  programmes?: { programme: Org; sponsor: Org }[];
  /** Appointments (organisation of each); default none. */
  appointments?: Org[];
  /** Gifts, honoraria and awards (source, and whether the researcher marked a talent-programme award). */
  gifts?: { source: Org; talentProgrammeAward: boolean; kind?: 'GIFT' | 'HONORARIUM' | 'AWARD' }[];
  submittedAt?: Date;
  /** Set the denormalised columns directly (tests of rules-free databases). */
  maxSeverity?: Severity | null;
  findingCount?: number;
  runChecks?: boolean;
}

/** A complete content for the spec, built from the sample content. */
export function contentFor(spec: SubmittedSpec): DisclosureContent {
  const c = sampleContent();
  c.profile = { ...c.profile, nameRomaji: spec.researcherName, nameKanji: undefined, eradNumber: spec.eradNumber ?? c.profile.eradNumber };
  const template = c.programmes.items[0]!;
  c.programmes = spec.programmes?.length
    ? { nothingToDisclose: false, items: spec.programmes.map((p) => ({ ...template, id: randomUUID(), programme: p.programme, sponsor: p.sponsor })) }
    : { nothingToDisclose: true, items: [] };
  const appointment = c.appointments.items[0]!;
  c.appointments = spec.appointments?.length
    ? { nothingToDisclose: false, items: spec.appointments.map((o) => ({ ...appointment, id: randomUUID(), organisation: o })) }
    : { nothingToDisclose: true, items: [] };
  c.gifts = spec.gifts?.length
    ? {
        nothingToDisclose: false,
        items: spec.gifts.map((g) => ({
          id: randomUUID(),
          kind: g.kind ?? 'AWARD',
          source: g.source,
          description: 'Award',
          receivedOn: '2025-06-12',
          value: { amountMinor: 100_000, currency: 'JPY' as const },
          talentProgrammeAward: g.talentProgrammeAward,
        })),
      }
    : { nothingToDisclose: true, items: [] };
  c.travel = { nothingToDisclose: true, items: [] };
  return c;
}

export async function createSubmittedDisclosure(tx: Tx, spec: SubmittedSpec): Promise<{ disclosureId: string; versionId: string }> {
  const content = contentFor(spec);
  const at = spec.submittedAt ?? new Date();
  const status = spec.status ?? 'SUBMITTED';
  const d = await tx.disclosure.create({
    data: {
      cycleId: spec.cycleId,
      institutionId: spec.institutionId,
      researcherId: spec.researcherId,
      researcherName: spec.researcherName,
      status,
      stateVersion: 1,
      lastSubmittedAt: at,
      decidedAt: status === 'APPROVED' || status === 'FLAGGED' ? at : null,
      maxSeverity: spec.maxSeverity ?? null,
      findingCount: spec.findingCount ?? 0,
    },
    select: { id: true },
  });
  const json = canonicalJson(content);
  const version = await tx.disclosureVersion.create({
    data: {
      disclosureId: d.id,
      number: 1,
      kind: 'INITIAL',
      content: content as object,
      contentHash: createHash('sha256').update(json).digest('hex'),
      formVersion: 1,
      attestationText: 'I certify that the information in this disclosure is true, accurate and complete.',
      certifiedName: spec.researcherName,
      certifiedAt: at,
      locale: 'en',
      submittedById: spec.researcherId,
      idempotencyKey: randomUUID(),
    },
    select: { id: true },
  });
  const mentions = listOrganisations(content);
  if (mentions.length) {
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
  if (spec.runChecks) await checkSubmittedVersion(tx, version.id);
  return { disclosureId: d.id, versionId: version.id };
}
