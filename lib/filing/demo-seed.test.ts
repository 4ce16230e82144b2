// The demo holds a disclosure in every state of the workflow, written through the filing layer.
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { verifyAuditChain } from '@/lib/audit/verify';
import { seedDemo } from '@/lib/seed/demo';
import { DEMO_IDS } from '@/lib/seed/demo-ids';
import { searchEntities } from './entities';

process.env.AUTH_SECRET ??= 'vitest-auth-secret-0123456789-abcdefghij';

// Seeds the whole demo through the filing layer: ~3 s idle, 15 s and more on a loaded machine.
vi.setConfig({ testTimeout: 90_000 });

describe('demo disclosures', () => {
  it('cover every status, with versions, decisions, organisations and a frozen contract', async () => {
    await seedDemo();
    const all = await db.disclosure.findMany({ select: { status: true } });
    expect(new Set(all.map((d) => d.status))).toEqual(
      new Set(['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED', 'RESUBMITTED', 'APPROVED', 'FLAGGED']),
    );

    const draft = await db.disclosure.findUniqueOrThrow({ where: { id: DEMO_IDS.researcherDraft }, include: { sections: true, researcher: true } });
    expect(draft).toMatchObject({ status: 'DRAFT', researcher: { email: 'researcher@kaiji.test' } });
    expect(draft.sections.map((s) => s.key).sort()).toEqual(['appointments', 'profile']);

    const approved = await db.disclosure.findUniqueOrThrow({ where: { id: DEMO_IDS.researcherApproved }, include: { versions: true, decisions: true, cycle: true } });
    expect(approved).toMatchObject({ status: 'APPROVED', cycle: { code: 'FY2025', status: 'CLOSED' } });
    expect(approved.versions).toHaveLength(1);
    expect(approved.decisions.map((d) => d.decision)).toEqual(['APPROVE']);
    expect(await db.attachment.findUniqueOrThrow({ where: { id: DEMO_IDS.researcherContract } })).toMatchObject({ mediaType: 'application/pdf' });

    const sato = await db.disclosure.findUniqueOrThrow({ where: { id: DEMO_IDS.researcher2Submitted }, include: { organisations: true } });
    expect(sato.status).toBe('SUBMITTED');
    const beihang = (await searchEntities('北京航空航天大学'))[0]!;
    expect(sato.organisations.filter((o) => o.entityId === beihang.id).map((o) => o.itemRef.split('/')[0]).sort()).toEqual(
      ['appointments', 'programmes', 'travel'],
    );

    const returned = await db.disclosure.findFirstOrThrow({ where: { status: 'RETURNED' }, include: { decisions: true, comments: true } });
    expect(returned.decisions[0]).toMatchObject({ decision: 'RETURN' });
    expect(returned.decisions[0]!.reason).toBeTruthy();
    expect(returned.comments.map((c) => c.visibility)).toEqual(['RESEARCHER']);
    const resubmitted = await db.disclosure.findFirstOrThrow({ where: { status: 'RESUBMITTED' }, include: { versions: { orderBy: { number: 'asc' } } } });
    expect(resubmitted.versions.map((v) => v.kind)).toEqual(['INITIAL', 'RESUBMISSION']);

    expect(await db.foreignEntity.count()).toBeGreaterThanOrEqual(12);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
