// Roster import: a preview that says, row by row, what would be created, changed or left alone and
// why a row is rejected; then an apply that recomputes the same plan inside one transaction and refuses
// if anything changed since the preview. Applying the same file again finds every row unchanged.
// Empty optional cells leave what Kaiji already holds (HR does not know everyone's ORCID iD).
import 'server-only';
import type { Origin } from '@/lib/audit/record';
import { createHash } from 'node:crypto';
import { ActionError, NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { type Tx, db } from '@/lib/db/client';
import { deliverSoon } from '@/lib/mail/deliver';
import { queueAccountLink } from './account-mail';
import { auditBy } from '@/lib/audit/by';
import { refreshSearchText } from '@/lib/review/search-refresh';
import { type Rejection, type RosterFileError, type RosterRow, parseRoster } from './roster-parse';
import type { RosterInput } from './schemas/roster';
import { assertInScope, where } from './scope';

export type RowAction = 'create' | 'update' | 'unchanged' | 'rejected';
export type ChangedField = 'nameKanji' | 'nameKana' | 'nameRomaji' | 'department' | 'position' | 'eradNumber' | 'orcid' | 'profile' | 'role';

export interface PlannedRow {
  line: number;
  email: string;
  name: string;
  departmentCode: string;
  action: RowAction;
  changes: ChangedField[];
  rejections: Rejection[];
}

export interface RosterPlan {
  institution: { id: string; slug: string; nameJa: string; nameEn: string };
  rows: PlannedRow[];
  counts: Record<RowAction, number>;
  digest: string;
}

interface Internal extends PlannedRow {
  src: RosterRow;
  userId?: string;
  departmentId?: string;
  hasProfile: boolean;
}

async function plan(client: Tx | typeof db, actor: Actor, institutionId: string, csv: string): Promise<{ plan: RosterPlan; rows: Internal[] } | { error: RosterFileError; params?: Record<string, string> }> {
  assertInScope(actor, institutionId);
  const institution = await client.institution.findFirst({ where: { id: institutionId, retiredAt: null }, select: { id: true, slug: true, nameJa: true, nameEn: true } });
  if (!institution) throw new NotFoundError(`Institution:${institutionId}`);
  const parsed = parseRoster(csv);
  if (!parsed.ok) return { error: parsed.error, params: parsed.params };

  const emails = parsed.rows.map((r) => r.email).filter(Boolean);
  const erads = parsed.rows.map((r) => r.eradNumber).filter(Boolean);
  const orcids = parsed.rows.map((r) => r.orcid).filter(Boolean);
  const [departments, users, visible, profiles] = await Promise.all([
    client.department.findMany({ where: { institutionId, retiredAt: null }, select: { id: true, code: true } }),
    client.user.findMany({
      where: { email: { in: emails } },
      select: {
        id: true,
        email: true,
        nameKanji: true,
        nameKana: true,
        nameRomaji: true,
        memberships: { where: { role: 'RESEARCHER', institutionId }, select: { id: true } },
        profile: { select: { institutionId: true, departmentId: true, position: true, eradNumber: true, orcid: true } },
      },
    }),
    client.user.findMany({ where: { AND: [where.manageableUser(actor), { email: { in: emails } }] }, select: { id: true } }),
    client.researcherProfile.findMany({ where: { OR: [{ eradNumber: { in: erads } }, { orcid: { in: orcids } }] }, select: { userId: true, eradNumber: true, orcid: true } }),
  ]);
  // Owners of the file's e-Rad numbers and ORCID iDs that the administrator may see: only those are named.
  const ownerIds = [...new Set(profiles.map((p) => p.userId))];
  const visibleOwners = new Set(
    ownerIds.length ? (await client.user.findMany({ where: { AND: [where.manageableUser(actor), { id: { in: ownerIds } }] }, select: { id: true } })).map((u) => u.id) : [],
  );
  const deptByCode = new Map(departments.map((d) => [d.code.toUpperCase(), d.id]));
  const userByEmail = new Map(users.map((u) => [u.email, u]));
  const visibleIds = new Set(visible.map((u) => u.id));
  const eradOwner = new Map(profiles.filter((p) => p.eradNumber).map((p) => [p.eradNumber!, p.userId]));
  const orcidOwner = new Map(profiles.filter((p) => p.orcid).map((p) => [p.orcid!, p.userId]));

  const rows = parsed.rows.map((src): Internal => {
    const rejections = [...src.rejections];
    const existing = userByEmail.get(src.email);
    const departmentId = src.departmentCode ? deptByCode.get(src.departmentCode) : undefined;
    if (src.departmentCode && !departmentId) rejections.push({ reason: 'unknownDepartment', params: { code: src.departmentCode } });
    // A row that collides with someone outside the administrator's reach (an email, e-Rad number or ORCID iD
    // registered with a person who also belongs elsewhere) gets one reason that says neither which value
    // nor where: "cannot be imported here" (issue 12, item 8). Collisions within their reach are named.
    let outside = false;
    const taken = (owner: string | undefined, reason: 'eradTaken' | 'orcidTaken') => {
      if (!owner || owner === existing?.id) return;
      if (visibleOwners.has(owner)) rejections.push({ reason });
      else outside = true;
    };
    if (src.eradNumber) taken(eradOwner.get(src.eradNumber), 'eradTaken');
    if (src.orcid) taken(orcidOwner.get(src.orcid), 'orcidTaken');
    if (existing && (!visibleIds.has(existing.id) || (existing.profile && existing.profile.institutionId !== institutionId))) outside = true;
    if (outside) rejections.push({ reason: 'notImportableHere' });
    const base = {
      src,
      line: src.line,
      email: src.email,
      name: src.nameKanji || src.nameRomaji,
      departmentCode: src.departmentCode,
      departmentId,
      userId: existing?.id,
      hasProfile: !!existing?.profile,
      rejections,
    };
    if (rejections.length) return { ...base, action: 'rejected', changes: [] };
    if (!existing) return { ...base, action: 'create', changes: [] };
    const p = existing.profile;
    const changes: ChangedField[] = [];
    const differs = (value: string, current: string | null | undefined) => !!value && value !== (current ?? '');
    if (differs(src.nameKanji, existing.nameKanji)) changes.push('nameKanji');
    if (differs(src.nameKana, existing.nameKana)) changes.push('nameKana');
    if (differs(src.nameRomaji, existing.nameRomaji)) changes.push('nameRomaji');
    if (!p) changes.push('profile');
    if (departmentId && departmentId !== p?.departmentId) changes.push('department');
    if (differs(src.position, p?.position)) changes.push('position');
    if (differs(src.eradNumber, p?.eradNumber)) changes.push('eradNumber');
    if (differs(src.orcid, p?.orcid)) changes.push('orcid');
    if (!existing.memberships.length) changes.push('role');
    return { ...base, action: changes.length ? 'update' : 'unchanged', changes };
  });

  const counts: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0, rejected: 0 };
  for (const r of rows) counts[r.action]++;
  const publicRows = rows.map(({ src: _src, userId: _u, departmentId: _d, hasProfile: _h, ...r }) => r);
  const digest = createHash('sha256').update(JSON.stringify([institutionId, csv, publicRows])).digest('hex');
  return { plan: { institution, rows: publicRows, counts, digest }, rows };
}

function fileError(e: { error: RosterFileError; params?: Record<string, string> }): never {
  throw new ActionError(`admin.roster.fileErrors.${e.error}`, { csv: ['admin.roster.errors.fileRejected'] }, e.params);
}

export async function previewRoster(actor: Actor, input: RosterInput): Promise<RosterPlan> {
  const result = await plan(db, actor, input.institutionId, input.csv);
  if ('error' in result) return fileError(result);
  return result.plan;
}

const ROSTER_LOCK = 7_204_311_101;

export async function applyRoster(actor: Actor, input: RosterInput, origin: Origin): Promise<RosterPlan> {
  const fileSha256 = createHash('sha256').update(input.csv).digest('hex');
  const applied = await db.$transaction(
    async (tx) => {
      // One import at a time, so two administrators importing overlapping files cannot interleave.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROSTER_LOCK}::bigint)`;
      const result = await plan(tx, actor, input.institutionId, input.csv);
      if ('error' in result) return fileError(result);
      const { plan: p, rows } = result;
      if (input.expectedDigest && input.expectedDigest !== p.digest) throw new ActionError('admin.roster.errors.changedSincePreview');
      const inst = p.institution;
      const renamed: string[] = [];
      for (const r of rows) {
        const s = r.src;
        const profileData = {
          ...(r.departmentId ? { departmentId: r.departmentId } : {}),
          ...(s.position ? { position: s.position } : {}),
          ...(s.eradNumber ? { eradNumber: s.eradNumber } : {}),
          ...(s.orcid ? { orcid: s.orcid } : {}),
        };
        const names = {
          ...(s.nameKanji ? { nameKanji: s.nameKanji } : {}),
          ...(s.nameKana ? { nameKana: s.nameKana } : {}),
          ...(s.nameRomaji ? { nameRomaji: s.nameRomaji } : {}),
        };
        if (r.action === 'create') {
          const user = await tx.user.create({
            data: {
              email: s.email,
              displayName: s.nameKanji || s.nameRomaji,
              ...names,
              memberships: { create: { role: 'RESEARCHER', institutionId: inst.id } },
              profile: { create: { institutionId: inst.id, ...profileData } },
            },
            select: { id: true, email: true, displayName: true, locale: true },
          });
          if (input.sendInvites) await queueAccountLink(tx, { user, purpose: 'INVITE', createdById: actor.userId, institution: inst, role: 'RESEARCHER' });
          await auditBy(tx, actor, origin, { action: 'admin.user.create', entityType: 'User', entityId: user.id, institutionId: inst.id, details: { source: 'roster', line: s.line, invited: input.sendInvites } });
        } else if (r.action === 'update' && r.userId) {
          if (Object.keys(names).length) {
            await tx.user.update({ where: { id: r.userId }, data: names });
            if (r.changes.some((c) => c === 'nameKanji' || c === 'nameKana' || c === 'nameRomaji')) renamed.push(r.userId);
          }
          if (r.hasProfile) await tx.researcherProfile.update({ where: { userId: r.userId }, data: profileData });
          else await tx.researcherProfile.create({ data: { userId: r.userId, institutionId: inst.id, ...profileData } });
          if (r.changes.includes('role')) await tx.membership.create({ data: { userId: r.userId, role: 'RESEARCHER', institutionId: inst.id } });
          await auditBy(tx, actor, origin, { action: 'admin.user.update', entityType: 'User', entityId: r.userId, institutionId: inst.id, details: { source: 'roster', line: s.line, changes: r.changes } });
        }
      }
      // The queue finds the researchers by their new names without waiting for their next submission.
      await refreshSearchText(tx, { researcherIds: renamed }, { requestedById: actor.userId });
      await auditBy(tx, actor, origin, {
        action: 'admin.roster.import',
        entityType: 'Institution',
        entityId: inst.id,
        institutionId: inst.id,
        details: { fileName: input.fileName, sha256: fileSha256, counts: p.counts, sendInvites: input.sendInvites },
      });
      return p;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  if (input.sendInvites && applied.counts.create > 0) await deliverSoon();
  return applied;
}
