// Builders shared by the demo seed and the tests, so both make records the same way.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import type { Tx } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';

export async function createInstitution(
  tx: Tx,
  o: { slug?: string; nameJa?: string; nameEn?: string; departments?: { code: string; nameJa: string; nameEn: string }[] } = {},
) {
  const slug = o.slug ?? `inst-${randomUUID().slice(0, 8)}`;
  return tx.institution.create({
    data: {
      slug,
      nameJa: o.nameJa ?? `${slug} 大学`,
      nameEn: o.nameEn ?? `${slug} University`,
      departments: { create: o.departments ?? [{ code: 'ENG', nameJa: '工学研究科', nameEn: 'Graduate School of Engineering' }] },
    },
    include: { departments: true },
  });
}

export interface UserSpec {
  email?: string;
  displayName?: string;
  nameKanji?: string;
  nameKana?: string;
  nameRomaji?: string;
  password?: string | null;
  passwordHash?: string;
  locale?: string;
  roles?: { role: Role; institutionId?: string | null; allInstitutions?: boolean }[];
  profile?: { institutionId: string; departmentId?: string | null; position?: string; eradNumber?: string; orcid?: string };
}

export async function createUser(tx: Tx, o: UserSpec = {}) {
  const email = (o.email ?? `user-${randomUUID().slice(0, 8)}@kaiji.test`).toLowerCase();
  const passwordHash = o.passwordHash ?? (o.password ? await hashPassword(o.password) : null);
  return tx.user.create({
    data: {
      email,
      displayName: o.displayName ?? o.nameRomaji ?? email,
      nameKanji: o.nameKanji,
      nameKana: o.nameKana,
      nameRomaji: o.nameRomaji,
      passwordHash,
      locale: o.locale,
      memberships: {
        create: (o.roles ?? []).map((r) => ({
          role: r.role,
          institutionId: r.allInstitutions ? null : (r.institutionId ?? null),
          allInstitutions: r.allInstitutions ?? false,
        })),
      },
      profile: o.profile ? { create: o.profile } : undefined,
    },
  });
}

export async function createCycle(
  tx: Tx,
  o: {
    institutionId: string;
    fiscalYear?: number;
    status?: 'DRAFT' | 'OPEN' | 'CLOSED';
    opensAt?: Date;
    filingDeadline?: Date;
    reviewDeadline?: Date;
    rates?: Record<string, string>;
  },
) {
  const fy = o.fiscalYear ?? 2026;
  const opensAt = o.opensAt ?? new Date(Date.UTC(fy, 3, 1));
  return tx.disclosureCycle.create({
    data: {
      institutionId: o.institutionId,
      code: `FY${fy}`,
      fiscalYear: fy,
      titleJa: `${fy}年度 年次開示`,
      titleEn: `FY${fy} annual disclosure`,
      status: o.status ?? 'OPEN',
      opensAt,
      filingDeadline: o.filingDeadline ?? new Date(Date.UTC(fy + 1, 0, 31, 14, 59)),
      reviewDeadline: o.reviewDeadline ?? new Date(Date.UTC(fy + 1, 2, 15, 14, 59)),
      attestationJa:
        '私は、本開示に記載した内容が、私の知る限り真実、正確かつ完全であることを誓約します。外国の人材登用プログラムへの参加、外国機関からの資金・役職・便益の提供を含め、開示すべき事項を漏れなく記載しました。新たに開示すべき事項が生じた場合は、30日以内に更新を届け出ます。',
      attestationEn:
        'I certify that the information in this disclosure is true, accurate and complete to the best of my knowledge, including any participation in foreign talent-recruitment programmes and any funding, appointments or benefits from foreign entities. I will file an update within 30 days of any new interest that must be disclosed.',
      exchangeRates: {
        create: Object.entries(o.rates ?? { USD: '150.00', EUR: '162.50', CNY: '20.80', GBP: '190.00', KRW: '0.1080', TWD: '4.70' }).map(
          ([currency, jpyPerUnit]) => ({ currency, jpyPerUnit }),
        ),
      },
    },
  });
}
