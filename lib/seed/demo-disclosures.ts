// Demo disclosures in every state of the workflow, written through the filing layer itself (start, save
// sections, submit, update) so the demo holds exactly what the app would have made: versions with their
// hashes and organisations, audit events, draft rows only where a draft is open. Review decisions are
// written directly, as the review feature will write them.
import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit/record';
import type { Tx } from '@/lib/db/client';
import { sampleContent } from '@/lib/disclosures/sample';
import { sectionKeys, type DisclosureContent, type DraftContent, type SectionKey } from '@/lib/disclosures/sections';
import type { ReviewDecisionKind } from '@/lib/generated/prisma/enums';
import { contentHash } from '@/lib/filing/hash';
import { saveSection } from '@/lib/filing/save-section';
import type { SaveSectionInput } from '@/lib/filing/schemas';
import { currentDraft, submitDisclosure } from '@/lib/filing/submit';
import { DEMO_IDS } from './demo-ids';
import { seedDemoEntities } from './demo-entities';
import { createUser } from './factories';
import { tinyPdf } from './tiny-pdf';

type Person = { id: string; email: string; displayName: string; nameKanji: string | null; nameKana: string | null; nameRomaji: string | null };
type Inst = { id: string; departments: { id: string; code: string }[] };
type Cycle = { id: string; status: string };
type Ctx = {
  institutionA: Inst;
  institutionB: Inst;
  researcher: Person;
  researcher2: Person;
  officer: { id: string };
  cycleA: Cycle;
  cycleB: Cycle;
  pastA: Cycle;
  passwordHash: string;
};

const origin = { ip: null, userAgent: 'demo-seed' };

function actorOf(person: Person, institutionId: string): Actor {
  return {
    userId: person.id,
    sessionId: 'demo-seed',
    email: person.email,
    displayName: person.displayName,
    locale: 'ja',
    mfaVerified: true,
    memberships: [{ role: 'RESEARCHER', institutionId, allInstitutions: false }],
  };
}

class Filer {
  private revisions = new Map<SectionKey, number>();
  constructor(
    private readonly tx: Tx,
    readonly actor: Actor,
    readonly disclosureId: string,
  ) {}

  static async create(tx: Tx, o: { id?: string; person: Person; institutionId: string; departmentId?: string; cycleId: string }) {
    const d = await tx.disclosure.create({
      data: {
        ...(o.id ? { id: o.id } : {}),
        cycleId: o.cycleId,
        researcherId: o.person.id,
        institutionId: o.institutionId,
        departmentId: o.departmentId ?? null,
        researcherName: o.person.displayName,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: 'disclosure.start',
      actorId: o.person.id,
      actorEmail: o.person.email,
      entityType: 'Disclosure',
      entityId: d.id,
      institutionId: o.institutionId,
      ...origin,
      details: { cycleId: o.cycleId },
    });
    return new Filer(tx, actorOf(o.person, o.institutionId), d.id);
  }

  async save(content: Partial<DraftContent>) {
    for (const key of sectionKeys) {
      const data = content[key];
      if (!data) continue;
      const revision = this.revisions.get(key) ?? 0;
      const input = { disclosureId: this.disclosureId, section: key, revision, data } as SaveSectionInput;
      const saved = await saveSection(this.actor, input, origin, this.tx);
      this.revisions.set(key, saved.revision);
    }
  }

  async submit(fullName: string, now: Date) {
    const draft = await currentDraft(this.tx, this.disclosureId);
    const d = await this.tx.disclosure.findUniqueOrThrow({ where: { id: this.disclosureId }, select: { stateVersion: true } });
    const result = await submitDisclosure(
      this.actor,
      {
        disclosureId: this.disclosureId,
        idempotencyKey: randomUUID(),
        stateVersion: d.stateVersion,
        reviewedHash: contentHash(draft.content),
        locale: 'ja',
        certification: { fullName, accepted: true },
      },
      { origin, now },
      this.tx,
    );
    this.revisions.clear();
    return result;
  }

  async decide(officerId: string, decision: ReviewDecisionKind, reason: string | null, at: Date, comment?: string) {
    const version = await this.tx.disclosureVersion.findFirstOrThrow({
      where: { disclosureId: this.disclosureId },
      orderBy: { number: 'desc' },
      select: { id: true },
    });
    const status = decision === 'APPROVE' ? 'APPROVED' : decision === 'RETURN' ? 'RETURNED' : 'FLAGGED';
    const d = await this.tx.disclosure.update({
      where: { id: this.disclosureId },
      data: { status, decidedAt: at, assigneeId: officerId, stateVersion: { increment: 1 } },
      select: { institutionId: true },
    });
    await this.tx.reviewDecision.create({
      data: { disclosureId: this.disclosureId, versionId: version.id, officerId, decision, reason, createdAt: at },
    });
    if (comment) {
      await this.tx.comment.create({
        data: { disclosureId: this.disclosureId, authorId: officerId, visibility: 'RESEARCHER', body: comment, createdAt: at },
      });
    }
    await recordAudit(this.tx, {
      action: 'review.decision',
      actorId: officerId,
      entityType: 'Disclosure',
      entityId: this.disclosureId,
      institutionId: d.institutionId,
      ...origin,
      details: { decision, versionId: version.id, reason },
    });
  }

  async setStatus(status: 'UNDER_REVIEW', assigneeId: string) {
    const d = await this.tx.disclosure.update({
      where: { id: this.disclosureId },
      data: { status, assigneeId, stateVersion: { increment: 1 } },
      select: { institutionId: true },
    });
    await recordAudit(this.tx, {
      action: 'review.status',
      actorId: assigneeId,
      entityType: 'Disclosure',
      entityId: this.disclosureId,
      institutionId: d.institutionId,
      ...origin,
      details: { status },
    });
  }
}

function profileOf(p: Person, o: { position: string; eradNumber: string; departmentId?: string; orcid?: string }) {
  return {
    nameKanji: p.nameKanji ?? undefined,
    nameKana: p.nameKana ?? undefined,
    nameRomaji: p.nameRomaji ?? undefined,
    position: o.position,
    eradNumber: o.eradNumber,
    ...(o.departmentId ? { departmentId: o.departmentId } : {}),
    ...(o.orcid ? { orcid: o.orcid } : {}),
  };
}

const id = () => randomUUID();
const at = (iso: string) => new Date(iso);

function domesticSideJob(): DisclosureContent['appointments']['items'][number] {
  return {
    id: id(),
    organisation: { name: 'Kaiji Materials Co., Ltd.', nameLocal: '開示マテリアルズ株式会社', country: 'JP' },
    title: '技術顧問',
    kind: 'SIDE_JOB',
    paid: true,
    compensation: { amountMinor: 600_000, currency: 'JPY' },
    compensationPeriod: 'ANNUAL',
    timeCommitment: { unit: 'PERCENT', value: 5 },
    startDate: '2023-04-01',
    contractAttachmentIds: [],
    description: '月1回の技術相談（兼業許可済み）',
  };
}

export async function seedDemoDisclosures(tx: Tx, context: Record<string, unknown>): Promise<void> {
  const ctx = context as unknown as Ctx;
  const { institutionA: a, institutionB: b } = ctx;
  const entities = await seedDemoEntities(tx);
  const officer2 = await tx.user.findUniqueOrThrow({ where: { email: 'officer2@kaiji.test' }, select: { id: true } });
  const deptA = a.departments.find((d) => d.code === 'ENG')?.id;
  const deptB = b.departments.find((d) => d.code === 'AERO')?.id;
  const beihang = { entityId: entities.beihang, name: 'Beihang University', nameLocal: '北京航空航天大学', country: 'CN' as const };

  // researcher@kaiji.test — FY2025 (closed cycle): filed while the cycle was open, approved, with a contract.
  const yamadaProfile = profileOf(ctx.researcher, {
    position: '教授',
    eradNumber: '10000001',
    departmentId: deptA,
    orcid: '0000-0002-1825-0097',
  });
  await tx.disclosureCycle.update({ where: { id: ctx.pastA.id }, data: { status: 'OPEN' } });
  const past = await Filer.create(tx, {
    id: DEMO_IDS.researcherApproved,
    person: ctx.researcher,
    institutionId: a.id,
    departmentId: deptA,
    cycleId: ctx.pastA.id,
  });
  const contract = tinyPdf('Kaiji Materials Co., Ltd. - technical advisor agreement (demo)');
  const sha = createHash('sha256').update(contract).digest('hex');
  await tx.attachmentBlob.create({ data: { sha256: sha, data: Buffer.from(contract) } });
  await tx.attachment.create({
    data: {
      id: DEMO_IDS.researcherContract,
      disclosureId: past.disclosureId,
      uploadedById: ctx.researcher.id,
      kind: 'CONTRACT',
      fileName: '技術顧問契約書.pdf',
      mediaType: 'application/pdf',
      sizeBytes: contract.byteLength,
      sha256: sha,
      // Uploaded before the backdated submission below: a file added after the last submission is the
      // researcher's alone (a draft's), and this contract is part of what was submitted and approved.
      createdAt: at('2025-11-18T03:00:00Z'),
    },
  });
  const pastSideJob = { ...domesticSideJob(), contractAttachmentIds: [DEMO_IDS.researcherContract] };
  const pastContent = sampleContent();
  await past.save({
    profile: yamadaProfile,
    appointments: { nothingToDisclose: false, items: [pastSideJob] },
    programmes: { nothingToDisclose: true, items: [] },
    support: pastContent.support,
    gifts: {
      nothingToDisclose: false,
      items: [
        {
          id: id(),
          kind: 'HONORARIUM',
          source: { name: 'Japan Society of Mechanical Engineers', nameLocal: '日本機械学会', country: 'JP' },
          description: '招待講演の謝金',
          receivedOn: '2025-06-12',
          value: { amountMinor: 50_000, currency: 'JPY' },
          talentProgrammeAward: false,
        },
      ],
    },
    interests: { nothingToDisclose: true, items: [] },
    travel: { nothingToDisclose: true, items: [] },
  });
  await past.submit('山田 太郎', at('2025-11-20T01:30:00Z'));
  await tx.disclosureCycle.update({ where: { id: ctx.pastA.id }, data: { status: 'CLOSED' } });
  await past.decide(ctx.officer.id, 'APPROVE', null, at('2025-12-10T02:00:00Z'));

  // researcher@kaiji.test — FY2026: a draft with the profile and one appointment filled in.
  const draft = await Filer.create(tx, {
    id: DEMO_IDS.researcherDraft,
    person: ctx.researcher,
    institutionId: a.id,
    departmentId: deptA,
    cycleId: ctx.cycleA.id,
  });
  await draft.save({ profile: yamadaProfile, appointments: { nothingToDisclose: false, items: [domesticSideJob()] } });

  // researcher2@kaiji.test — FY2026 submitted: an adjunct post at Beihang University and a talent programme.
  const sato = await Filer.create(tx, {
    id: DEMO_IDS.researcher2Submitted,
    person: ctx.researcher2,
    institutionId: b.id,
    departmentId: deptB,
    cycleId: ctx.cycleB.id,
  });
  const satoContent = sampleContent();
  await sato.save({
    profile: profileOf(ctx.researcher2, { position: '准教授', eradNumber: '20000002', departmentId: deptB }),
    appointments: {
      nothingToDisclose: false,
      items: [
        {
          id: id(),
          organisation: beihang,
          title: 'Adjunct Professor, School of Materials Science',
          kind: 'ADJUNCT',
          paid: true,
          compensation: { amountMinor: 24_000_000, currency: 'CNY' },
          compensationPeriod: 'ANNUAL',
          timeCommitment: { unit: 'PERSON_MONTHS', value: 2 },
          startDate: '2025-09-01',
          endDate: '2028-08-31',
          contractAttachmentIds: [],
        },
      ],
    },
    programmes: {
      nothingToDisclose: false,
      items: [
        {
          ...satoContent.programmes.items[0]!,
          programme: { entityId: entities.ttp, name: 'Thousand Talents Plan', nameLocal: '千人计划', country: 'CN' },
          sponsor: beihang,
          role: 'Distinguished Visiting Professor',
          startDate: '2025-09-01',
        },
      ],
    },
    support: satoContent.support,
    gifts: { nothingToDisclose: true, items: [] },
    interests: { nothingToDisclose: true, items: [] },
    travel: {
      nothingToDisclose: false,
      items: [{ ...satoContent.travel.items[0]!, sponsor: beihang, purpose: 'Joint workshop on composite materials' }],
    },
  });
  await sato.submit('佐藤 花子', at('2026-06-02T04:10:00Z'));

  // Further researchers of both institutions, one per remaining state of the workflow.
  const people = [
    { email: 'ken.ito@kaiji.test', kanji: '伊藤 健', kana: 'イトウ ケン', romaji: 'Ken Ito', inst: a, dept: deptA, erad: '10000011' },
    { email: 'yumi.watanabe@kaiji.test', kanji: '渡辺 由美', kana: 'ワタナベ ユミ', romaji: 'Yumi Watanabe', inst: a, dept: deptA, erad: '10000012' },
    { email: 'sho.nakamura@kaiji.test', kanji: '中村 翔', kana: 'ナカムラ ショウ', romaji: 'Sho Nakamura', inst: a, dept: deptA, erad: '10000013' },
    { email: 'naoko.kobayashi@kaiji.test', kanji: '小林 直子', kana: 'コバヤシ ナオコ', romaji: 'Naoko Kobayashi', inst: a, dept: deptA, erad: '10000014' },
    { email: 'daisuke.kato@kaiji.test', kanji: '加藤 大輔', kana: 'カトウ ダイスケ', romaji: 'Daisuke Kato', inst: b, dept: deptB, erad: '20000021' },
    { email: 'aya.yoshida@kaiji.test', kanji: '吉田 彩', kana: 'ヨシダ アヤ', romaji: 'Aya Yoshida', inst: b, dept: deptB, erad: '20000022' },
  ];
  const filers: Filer[] = [];
  for (const p of people) {
    const user = await createUser(tx, {
      locale: 'ja',
      email: p.email,
      displayName: p.kanji,
      nameKanji: p.kanji,
      nameKana: p.kana,
      nameRomaji: p.romaji,
      passwordHash: ctx.passwordHash,
      roles: [{ role: 'RESEARCHER', institutionId: p.inst.id }],
      profile: { institutionId: p.inst.id, departmentId: p.dept ?? null, position: '准教授', eradNumber: p.erad },
    });
    const person: Person = { id: user.id, email: user.email, displayName: user.displayName, nameKanji: p.kanji, nameKana: p.kana, nameRomaji: p.romaji };
    const cycleId = p.inst.id === a.id ? ctx.cycleA.id : ctx.cycleB.id;
    const filer = await Filer.create(tx, { person, institutionId: p.inst.id, departmentId: p.dept, cycleId });
    const content = sampleContent();
    await filer.save({ ...content, profile: profileOf(person, { position: '准教授', eradNumber: p.erad, departmentId: p.dept }) });
    await filer.submit(p.kanji, at('2026-06-15T03:00:00Z'));
    filers.push(filer);
  }
  const [ito, watanabe, nakamura, kobayashi, kato, yoshida] = filers as [Filer, Filer, Filer, Filer, Filer, Filer];
  void ito; // stays SUBMITTED

  await watanabe.setStatus('UNDER_REVIEW', ctx.officer.id);

  const returnReason =
    '北京理工大学での客員教授職について、契約書の写しと日本語訳を添付し、エフォートの根拠を説明してください。';
  await nakamura.decide(
    ctx.officer.id,
    'RETURN',
    returnReason,
    at('2026-06-20T05:00:00Z'),
    '契約書が中国語のみの場合は、要点の日本語訳で構いません。',
  );

  await kobayashi.decide(ctx.officer.id, 'RETURN', '渡航費の金額が記載されていません。概算で構いませんので記入してください。', at('2026-06-18T05:00:00Z'));
  const revised = sampleContent().travel;
  await kobayashi.save({
    travel: { nothingToDisclose: false, items: [{ ...revised.items[0]!, value: { amountMinor: 1_200_000, currency: 'CNY' } }] },
  });
  await kobayashi.submit('小林 直子', at('2026-06-22T02:00:00Z'));

  await kato.decide(officer2.id, 'APPROVE', null, at('2026-06-25T06:00:00Z'));
  await yoshida.decide(
    officer2.id,
    'FLAG',
    '人材登用プログラムの義務（知的財産の移転・勤務地の条件）について、研究インテグリティ委員会での審議が必要です。',
    at('2026-06-26T06:00:00Z'),
  );
}
