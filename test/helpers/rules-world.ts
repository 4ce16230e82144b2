// A world for rules tests: sample watchlists, the sample domestic grants, the starter ruleset, an
// institution with an open cycle, and researchers whose submitted versions are written the way the
// submission writes them (version, organisation rows, then checkSubmittedVersion in one transaction).
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { db } from '@/lib/db/client';
import { listOrganisations } from '@/lib/disclosures/organisations';
import { sampleContent } from '@/lib/disclosures/sample';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import { seedGrants } from '@/lib/grants/seed';
import { checkSubmittedVersion } from '@/lib/rules/on-submit';
import { seedStarterRuleset } from '@/lib/rules/seed';
import { createCycle, createInstitution, createUser } from '@/lib/seed/factories';
import { importWatchlist } from '@/lib/watchlists/import';
import { normalizeName } from '@/lib/watchlists/normalize';
import { SEED_LISTS, seedListPath, seedWatchlists } from '@/lib/watchlists/seed';

/**
 * 'all': every seeded list (the METI and Section 1286 copies too; a few seconds);
 * 'samples': only Kaiji's small samples (Seven Sons group, CSL sample), imported as in the seed.
 */
export async function seedRulesWorld(lists: 'all' | 'samples' = 'all') {
  await db.$transaction(
    async (tx) => {
      if (lists === 'all') await seedWatchlists(tx);
      else {
        for (const l of SEED_LISTS.filter((s) => s.from === 'samples')) {
          await importWatchlist(tx, {
            create: l.create,
            fileName: l.file,
            csvText: readFileSync(seedListPath(l), 'utf8'),
            editionDate: new Date(`${l.editionDate}T00:00:00Z`),
            actorId: null,
            isSample: true,
          });
        }
      }
      await seedGrants(tx);
      await seedStarterRuleset(tx, { now: new Date(Date.now() - 60_000) });
    },
    { timeout: 120_000 },
  );
}

export async function makeInstitutionWithCycle(code = 'FY2026') {
  return db.$transaction(async (tx) => {
    const institution = await createInstitution(tx);
    const cycle = await createCycle(tx, { institutionId: institution.id, fiscalYear: Number(code.slice(2)) || 2026 });
    return { institution, cycle };
  });
}

export async function makeResearcher(institutionId: string, eradNumber?: string) {
  return db.$transaction((tx) =>
    createUser(tx, { roles: [{ role: 'RESEARCHER', institutionId }], profile: { institutionId, ...(eradNumber ? { eradNumber } : {}) } }),
  );
}

export async function makeDisclosure(o: { cycleId: string; institutionId: string; researcherId: string }) {
  return db.disclosure.create({
    data: { cycleId: o.cycleId, institutionId: o.institutionId, researcherId: o.researcherId, researcherName: 'Test Researcher', status: 'DRAFT' },
    select: { id: true },
  });
}

/** A live attachment of the disclosure (for appointment contracts). */
export async function makeAttachment(disclosureId: string, uploadedById: string, kind = 'contract') {
  const data = Buffer.from(`contract ${randomUUID()}`);
  const sha256 = createHash('sha256').update(data).digest('hex');
  await db.attachmentBlob.create({ data: { sha256, data } });
  return db.attachment.create({
    data: { disclosureId, uploadedById, kind, fileName: 'contract.pdf', mediaType: 'application/pdf', sizeBytes: data.length, sha256 },
    select: { id: true },
  });
}

/** Writes a submitted version as lib/filing/submit.ts does and checks it in the same transaction. */
export async function submitVersion(disclosureId: string, submittedById: string, content: DisclosureContent) {
  return db.$transaction(
    async (tx) => {
      const last = await tx.disclosureVersion.findFirst({ where: { disclosureId }, orderBy: { number: 'desc' }, select: { number: true } });
      const version = await tx.disclosureVersion.create({
        data: {
          disclosureId,
          number: (last?.number ?? 0) + 1,
          kind: last ? 'UPDATE' : 'INITIAL',
          content: content as object,
          contentHash: randomUUID(),
          formVersion: 1,
          attestationText: 'I certify.',
          certifiedName: 'Test Researcher',
          certifiedAt: new Date(),
          locale: 'en',
          submittedById,
          idempotencyKey: randomUUID(),
        },
        select: { id: true },
      });
      const mentions = listOrganisations(content);
      if (mentions.length) {
        await tx.disclosureOrganisation.createMany({
          data: mentions.map((m) => ({
            disclosureId,
            versionId: version.id,
            entityId: m.entityId ?? null,
            name: m.name,
            normalizedName: normalizeName(m.name || m.nameLocal || ''),
            country: m.country ?? null,
            itemRef: m.itemRef,
          })),
        });
      }
      await tx.disclosure.update({ where: { id: disclosureId }, data: { status: 'SUBMITTED', lastSubmittedAt: new Date() } });
      await checkSubmittedVersion(tx, version.id);
      return version.id;
    },
    { timeout: 60_000 },
  );
}

/** sampleContent() with every repeating section emptied ("nothing to disclose"), then `parts` filled in. */
export function contentWith(parts: Partial<Pick<DisclosureContent, 'appointments' | 'programmes' | 'support' | 'gifts' | 'interests' | 'travel'>>): DisclosureContent {
  const base = sampleContent();
  const empty = { nothingToDisclose: true, items: [] };
  return {
    ...base,
    appointments: empty,
    programmes: empty,
    support: empty,
    gifts: empty,
    interests: empty,
    travel: empty,
    ...parts,
  } as DisclosureContent;
}

export const items = {
  appointment: (o: Partial<DisclosureContent['appointments']['items'][number]> = {}) => ({ ...sampleContent().appointments.items[0]!, ...o }),
  programme: (o: Partial<DisclosureContent['programmes']['items'][number]> = {}) => ({ ...sampleContent().programmes.items[0]!, ...o }),
  support: (o: Partial<DisclosureContent['support']['items'][number]> = {}) => ({ ...sampleContent().support.items[0]!, ...o }),
  travel: (o: Partial<DisclosureContent['travel']['items'][number]> = {}) => ({ ...sampleContent().travel.items[0]!, ...o }),
  /** An ordinary honorarium from a domestic society, not a talent-programme award. */
  gift: (o: Partial<DisclosureContent['gifts']['items'][number]> = {}): DisclosureContent['gifts']['items'][number] => ({
    id: crypto.randomUUID(),
    kind: 'HONORARIUM',
    source: { name: 'Japan Society of Mechanical Engineers', nameLocal: '日本機械学会', country: 'JP' },
    description: 'Invited lecture',
    receivedOn: '2025-06-12',
    value: { amountMinor: 50_000, currency: 'JPY' },
    talentProgrammeAward: false,
    ...o,
  }),
};

export const section = <T>(...list: T[]) => ({ nothingToDisclose: false, items: list });

/** Current (not superseded) findings of a version, with their rule codes. */
export async function findingsOf(versionId: string) {
  return db.finding.findMany({
    where: { versionId, supersededAt: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, severity: true, itemRef: true, values: true, messageJa: true, messageEn: true, rule: { select: { code: true, rulesetVersionId: true } } },
  });
}

/** A researcher, a disclosure and one submitted version of `content`; the version id and its findings' rule codes. */
export async function fileAndCheck(world: { institution: { id: string }; cycle: { id: string } }, content: DisclosureContent, eradNumber?: string) {
  const researcher = await makeResearcher(world.institution.id, eradNumber);
  const d = await makeDisclosure({ cycleId: world.cycle.id, institutionId: world.institution.id, researcherId: researcher.id });
  const versionId = await submitVersion(d.id, researcher.id, content);
  const findings = await findingsOf(versionId);
  return { disclosureId: d.id, researcherId: researcher.id, versionId, findings, codes: findings.map((f) => f.rule.code).sort() };
}
