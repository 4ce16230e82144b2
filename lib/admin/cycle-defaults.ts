// What a new cycle form starts from: the newest cycle in the administrator's scope (its attestation,
// exchange rates and reminders, moved on a year), or the standard texts when there is none yet.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { fiscalYearOf } from '@/lib/time/japan';
import type { CycleInput } from './schemas/cycle';
import { where } from './scope';

export const STANDARD_ATTESTATION_JA =
  '私は、本開示に記載した内容が、私の知る限り真実、正確かつ完全であることを誓約します。外国の人材登用プログラムへの参加、外国機関からの資金・役職・便益の提供を含め、開示すべき事項を漏れなく記載しました。新たに開示すべき事項が生じた場合は、30日以内に更新を届け出ます。';
export const STANDARD_ATTESTATION_EN =
  'I certify that the information in this disclosure is true, accurate and complete to the best of my knowledge, including any participation in foreign talent-recruitment programmes and any funding, appointments or benefits from foreign entities. I will file an update within 30 days of any new interest that must be disclosed.';

export async function newCycleDefaults(actor: Actor, institutionId: string, now = new Date()): Promise<CycleInput> {
  const last = await db.disclosureCycle.findFirst({
    where: where.cycle(actor),
    orderBy: [{ fiscalYear: 'desc' }, { createdAt: 'desc' }],
    select: { fiscalYear: true, attestationJa: true, attestationEn: true, reminderDays: true, exchangeRates: { orderBy: { currency: 'asc' } } },
  });
  const currentFy = fiscalYearOf(now);
  const fy = Math.max(currentFy, (last?.fiscalYear ?? currentFy - 1) + 1);
  return {
    institutionId,
    code: `FY${fy}`,
    fiscalYear: fy,
    titleJa: `${fy}年度 年次開示`,
    titleEn: `FY${fy} annual disclosure`,
    opensAt: `${fy}-04-01T09:00`,
    filingDeadline: `${fy}-06-30T17:00`,
    reviewDeadline: `${fy}-09-30T17:00`,
    attestationJa: last?.attestationJa ?? STANDARD_ATTESTATION_JA,
    attestationEn: last?.attestationEn ?? STANDARD_ATTESTATION_EN,
    rates: last?.exchangeRates.map((r) => ({ currency: r.currency, jpyPerUnit: r.jpyPerUnit.toString() })) ?? [{ currency: 'USD', jpyPerUnit: '' }],
    reminderDays: (last?.reminderDays ?? [14, 7, 1]).join(', '),
  };
}
