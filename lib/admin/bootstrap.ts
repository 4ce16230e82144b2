// The first system administrator of a deployment (`npm run admin:create`): production has no demo
// data, so without this nobody could ever sign in. The account gets an ADMIN membership over all
// institutions and a one-time link to choose its password; a password never passes through the command
// line (shell history, process lists). Refused while an enabled system administrator exists, unless
// forced (e.g. the only administrator lost their second factor and nobody else can reset it).
import 'server-only';
import { TOKEN_PATH, issueAccountToken } from '@/lib/auth/account-tokens';
import { normalizeEmail } from '@/lib/auth/sign-in';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';

// Orders concurrent bootstraps, so two of them cannot both see "no administrator yet".
const BOOTSTRAP_LOCK = 7_204_311_003;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class BootstrapRefused extends Error {
  override name = 'BootstrapRefused';
}

export interface BootstrapInput {
  email: string;
  name?: string;
  force?: boolean;
  /** Public URL the link points at (APP_URL). */
  appUrl: string;
  /** Who ran it, for the audit trail (the operating-system user of the CLI). */
  operator?: string;
}

export interface BootstrapResult {
  userId: string;
  email: string;
  /** 'created': a new account; 'promoted': an existing account now also holds the role. */
  outcome: 'created' | 'promoted' | 'already';
  link: string;
  expiresAt: Date;
}

export async function bootstrapSystemAdmin(input: BootstrapInput): Promise<BootstrapResult> {
  const email = normalizeEmail(input.email);
  if (!EMAIL.test(email)) throw new BootstrapRefused(`"${input.email}" is not an email address.`);
  const base = new URL(input.appUrl).toString().replace(/\/$/, '');

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK}::bigint)`;
    const admins = await tx.user.findMany({
      where: { disabledAt: null, memberships: { some: { role: 'ADMIN', allInstitutions: true } } },
      select: { email: true },
      orderBy: { createdAt: 'asc' },
    });
    if (admins.length && !input.force) {
      throw new BootstrapRefused(
        `A system administrator already exists (${admins.map((a) => a.email).join(', ')}). ` +
          'Add administrators under Settings → People, or pass --force to create or promote one anyway.',
      );
    }

    const existing = await tx.user.findUnique({
      where: { email },
      select: { id: true, passwordHash: true, disabledAt: true, memberships: { where: { role: 'ADMIN', allInstitutions: true }, select: { id: true } } },
    });
    if (existing?.disabledAt && !input.force) {
      throw new BootstrapRefused(`The account ${email} is disabled. Pass --force to enable it again as a system administrator.`);
    }
    let userId: string;
    let outcome: BootstrapResult['outcome'];
    if (!existing) {
      const user = await tx.user.create({
        data: { email, displayName: input.name?.trim() || email, memberships: { create: { role: 'ADMIN', allInstitutions: true } } },
        select: { id: true },
      });
      userId = user.id;
      outcome = 'created';
    } else {
      userId = existing.id;
      outcome = existing.memberships.length ? 'already' : 'promoted';
      if (!existing.memberships.length) await tx.membership.create({ data: { userId, role: 'ADMIN', allInstitutions: true } });
      if (existing.disabledAt) await tx.user.update({ where: { id: userId }, data: { disabledAt: null } });
    }

    // Someone without a password gets an invitation (72 h); an existing password is replaced through a
    // reset link (1 h), which also ends that account's sessions when used.
    const purpose = existing?.passwordHash ? 'PASSWORD_RESET' : 'INVITE';
    const { token, expiresAt } = await issueAccountToken(tx, { userId, purpose, createdById: null });
    await recordAudit(tx, {
      action: 'admin.system_admin.bootstrap',
      actorId: null,
      actorEmail: null,
      entityType: 'User',
      entityId: userId,
      details: {
        via: 'cli',
        operator: input.operator ?? null,
        email,
        outcome,
        forced: Boolean(input.force),
        reenabled: Boolean(existing?.disabledAt),
        otherAdministrators: admins.length,
        link: purpose,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return { userId, email, outcome, link: `${base}${TOKEN_PATH[purpose]}/${token}`, expiresAt };
  });
}
