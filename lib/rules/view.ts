// Builds view v1 of a submitted disclosure version (see view-schema.ts and docs/rules-view.md) from its
// content and the facts the loader gathered: the cycle and its exchange rates, the institution, the
// watchlist matches of each named organisation, the researcher's domestic grants and which contract
// attachments exist. Integers are BigInt, as CEL wants them; absent optional values are left out (CEL's
// has() tests them), never null.
//
// Pure: no database, safe to import anywhere (the benchmark builds views without one).
import type { DisclosureContent } from '@/lib/disclosures/sections';
import { itemRef, type ItemRef } from '@/lib/disclosures/item-refs';
import { isCurrencyCode, toJpy } from '@/lib/money';
import { VIEW_VERSION, type ForEach } from './view-schema';

export interface WatchlistHit {
  code: string;
  kind: 'WATCHLIST' | 'GROUP';
  /** The list's name in English and in Japanese. */
  list: string;
  listJa: string;
  name: string;
  reference: string;
  score: number;
  status: 'confirmed' | 'pending';
  matchedNames: string[];
}

export interface ViewOrganisation {
  ref: string;
  name: string;
  nameLocal?: string;
  country: string;
  foreign: boolean;
  registered: boolean;
  watchlists: WatchlistHit[];
}

export interface ViewMoney {
  currency: string;
  minor: bigint;
  /** Absent when the cycle has no exchange rate for the currency. */
  jpy?: bigint;
}

interface ItemBase {
  id: string;
  ref: string;
}

export interface ViewAppointment extends ItemBase {
  organisation: ViewOrganisation;
  title: string;
  kind: string;
  paid: boolean;
  compensation?: ViewMoney;
  compensationPeriod?: string;
  timeCommitment: { unit: string; value: number };
  startDate: string;
  endDate?: string;
  hasContract: boolean;
  contractCount: bigint;
}

export interface ViewProgramme extends ItemBase {
  programme: ViewOrganisation;
  sponsor: ViewOrganisation;
  role: string;
  startDate: string;
  endDate?: string;
  benefitsValue?: ViewMoney;
  obligations: Record<'ipTransfer' | 'recruiting' | 'concealment' | 'workAbroad' | 'unapprovedOverlap', boolean>;
  obligationCount: bigint;
}

export interface ViewSupport extends ItemBase {
  status: string;
  role: string;
  awardNumber?: string;
  source: ViewOrganisation;
  placeOfPerformance: ViewOrganisation;
  startDate: string;
  endDate: string;
  totalAmount?: ViewMoney;
  inKind: boolean;
  inKindValue?: ViewMoney;
  /** totalAmount plus inKindValue in yen; absent when either cannot be converted. */
  totalJpy?: bigint;
  personMonthsPerYear: { year: bigint; personMonths: number }[];
}

export interface ViewGift extends ItemBase {
  kind: string;
  source: ViewOrganisation;
  receivedOn: string;
  value?: ViewMoney;
  talentProgrammeAward: boolean;
}

export interface ViewInterest extends ItemBase {
  kind: string;
  organisation: ViewOrganisation;
  value?: ViewMoney;
  equityPercent?: number;
  startDate?: string;
  endDate?: string;
}

export interface ViewTravel extends ItemBase {
  sponsor: ViewOrganisation;
  destinationCountry: string;
  startDate: string;
  endDate: string;
  value: ViewMoney;
}

export interface ViewMatch {
  ref: string;
  section: string;
  organisation: string;
  code: string;
  kind: string;
  list: string;
  listJa: string;
  name: string;
  reference: string;
  score: number;
  status: 'confirmed' | 'pending';
}

export interface ViewGrants {
  known: boolean;
  throughYear: bigint;
  total5y: bigint;
  total10y: bigint;
  projects10y: bigint;
  byYear: Map<bigint, bigint>;
}

export interface DisclosureView {
  view: bigint;
  cycle: { code: string; fiscalYear: bigint };
  researcher: { institution: string; institutionCountry: string; department?: string; eradNumber?: string };
  appointments: ViewAppointment[];
  programmes: ViewProgramme[];
  support: ViewSupport[];
  gifts: ViewGift[];
  interests: ViewInterest[];
  travel: ViewTravel[];
  grants: ViewGrants;
  matches: ViewMatch[];
}

export interface GrantRecord {
  fiscalYear: number;
  projectNumber: string;
  amountJpy: bigint;
}

export interface ViewInput {
  content: DisclosureContent;
  cycle: { code: string; fiscalYear: number };
  /** JPY per unit, as decimal strings (ExchangeRate.jpyPerUnit). */
  rates: Readonly<Record<string, string>>;
  institution: { slug: string; country: string };
  department?: { code: string } | null;
  eradNumber?: string | null;
  grants: readonly GrantRecord[];
  /** Undismissed watchlist matches of each organisation reference ("appointments/<id>/organisation"). */
  hitsByRef: ReadonlyMap<string, readonly WatchlistHit[]>;
  /** Ids of the disclosure's attachments that exist and are not deleted. */
  liveAttachmentIds: ReadonlySet<string>;
}

type OrgRef = { entityId?: string; name: string; nameLocal?: string; country: string };
type MoneyIn = { amountMinor: number; currency: string } | undefined;

/** Sum of the grants in the `years` fiscal years up to and including `throughYear`. */
export function grantsTotal(byYear: ReadonlyMap<bigint, bigint>, throughYear: bigint, years: bigint): bigint {
  let total = 0n;
  for (const [year, amount] of byYear) if (year <= throughYear && year > throughYear - years) total += amount;
  return total;
}

export function buildGrants(records: readonly GrantRecord[], throughYear: number, known: boolean): ViewGrants {
  const byYear = new Map<bigint, bigint>();
  const projects = new Set<string>();
  for (const g of records) {
    const y = BigInt(g.fiscalYear);
    byYear.set(y, (byYear.get(y) ?? 0n) + g.amountJpy);
    if (g.fiscalYear <= throughYear && g.fiscalYear > throughYear - 10) projects.add(g.projectNumber);
  }
  const through = BigInt(throughYear);
  return {
    known,
    throughYear: through,
    total5y: grantsTotal(byYear, through, 5n),
    total10y: grantsTotal(byYear, through, 10n),
    projects10y: BigInt(projects.size),
    byYear,
  };
}

export function buildView(input: ViewInput): DisclosureView {
  const { content } = input;
  const home = input.institution.country;
  const matches: ViewMatch[] = [];

  const money = (m: MoneyIn): ViewMoney | undefined => {
    if (!m || !isCurrencyCode(m.currency)) return undefined;
    const out: ViewMoney = { currency: m.currency, minor: BigInt(m.amountMinor) };
    const rate = m.currency === 'JPY' ? null : input.rates[m.currency];
    if (m.currency === 'JPY' || rate) out.jpy = toJpy({ amountMinor: m.amountMinor, currency: m.currency }, rate);
    return out;
  };

  const org = (section: ForEach, itemId: string, field: string, ref: OrgRef): ViewOrganisation => {
    const at: ItemRef = itemRef(section as Exclude<ForEach, 'matches'>, itemId, field);
    const hits = [...(input.hitsByRef.get(at) ?? [])];
    for (const h of hits) {
      matches.push({
        ref: at,
        section,
        organisation: ref.name,
        code: h.code,
        kind: h.kind,
        list: h.list,
        listJa: h.listJa,
        name: h.name,
        reference: h.reference,
        score: h.score,
        status: h.status,
      });
    }
    return {
      ref: at,
      name: ref.name,
      ...(ref.nameLocal ? { nameLocal: ref.nameLocal } : {}),
      country: ref.country,
      foreign: ref.country !== home,
      registered: Boolean(ref.entityId),
      watchlists: hits,
    };
  };

  const opt = <K extends string, V>(key: K, value: V | undefined | null | ''): { [P in K]?: V } =>
    (value === undefined || value === null || value === '' ? {} : { [key]: value }) as { [P in K]?: V };

  const appointments = content.appointments.items.map((a): ViewAppointment => {
    const contracts = a.contractAttachmentIds.filter((id) => input.liveAttachmentIds.has(id));
    return {
      id: a.id,
      ref: itemRef('appointments', a.id),
      organisation: org('appointments', a.id, 'organisation', a.organisation),
      title: a.title,
      kind: a.kind,
      paid: a.paid,
      ...opt('compensation', money(a.compensation)),
      ...opt('compensationPeriod', a.compensationPeriod),
      timeCommitment: { unit: a.timeCommitment.unit, value: a.timeCommitment.value },
      startDate: a.startDate,
      ...opt('endDate', a.endDate),
      hasContract: contracts.length > 0,
      contractCount: BigInt(contracts.length),
    };
  });

  const programmes = content.programmes.items.map((p): ViewProgramme => {
    const obligations = { ...p.obligations };
    return {
      id: p.id,
      ref: itemRef('programmes', p.id),
      programme: org('programmes', p.id, 'programme', p.programme),
      sponsor: org('programmes', p.id, 'sponsor', p.sponsor),
      role: p.role,
      startDate: p.startDate,
      ...opt('endDate', p.endDate),
      ...opt('benefitsValue', money(p.benefitsValue)),
      obligations,
      obligationCount: BigInt(Object.values(obligations).filter(Boolean).length),
    };
  });

  const support = content.support.items.map((s): ViewSupport => {
    const amounts = [money(s.totalAmount), money(s.inKindValue)].filter((m): m is ViewMoney => m !== undefined);
    const totalJpy = amounts.every((m) => m.jpy !== undefined) ? amounts.reduce((sum, m) => sum + m.jpy!, 0n) : undefined;
    return {
      id: s.id,
      ref: itemRef('support', s.id),
      status: s.status,
      role: s.role,
      ...opt('awardNumber', s.awardNumber),
      source: org('support', s.id, 'source', s.source),
      placeOfPerformance: org('support', s.id, 'placeOfPerformance', s.placeOfPerformance),
      startDate: s.startDate,
      endDate: s.endDate,
      ...opt('totalAmount', money(s.totalAmount)),
      inKind: s.inKind,
      ...opt('inKindValue', money(s.inKindValue)),
      ...opt('totalJpy', totalJpy),
      personMonthsPerYear: s.personMonthsPerYear.map((r) => ({ year: BigInt(r.year), personMonths: r.personMonths })),
    };
  });

  const gifts = content.gifts.items.map(
    (g): ViewGift => ({
      id: g.id,
      ref: itemRef('gifts', g.id),
      kind: g.kind,
      source: org('gifts', g.id, 'source', g.source),
      receivedOn: g.receivedOn,
      ...opt('value', money(g.value)),
      talentProgrammeAward: g.talentProgrammeAward,
    }),
  );

  const interests = content.interests.items.map(
    (i): ViewInterest => ({
      id: i.id,
      ref: itemRef('interests', i.id),
      kind: i.kind,
      organisation: org('interests', i.id, 'organisation', i.organisation),
      ...opt('value', money(i.value)),
      ...opt('equityPercent', i.equityPercent),
      ...opt('startDate', i.startDate),
      ...opt('endDate', i.endDate),
    }),
  );

  const travel = content.travel.items.map(
    (t): ViewTravel => ({
      id: t.id,
      ref: itemRef('travel', t.id),
      sponsor: org('travel', t.id, 'sponsor', t.sponsor),
      destinationCountry: t.destinationCountry,
      startDate: t.startDate,
      endDate: t.endDate,
      // Travel value is required by the form; an unconvertible currency leaves jpy out.
      value: money(t.value) ?? { currency: t.value.currency, minor: BigInt(t.value.amountMinor) },
    }),
  );

  return {
    view: BigInt(VIEW_VERSION),
    cycle: { code: input.cycle.code, fiscalYear: BigInt(input.cycle.fiscalYear) },
    researcher: {
      institution: input.institution.slug,
      institutionCountry: home,
      ...opt('department', input.department?.code),
      ...opt('eradNumber', input.eradNumber),
    },
    appointments,
    programmes,
    support,
    gifts,
    interests,
    travel,
    grants: buildGrants(input.grants, input.cycle.fiscalYear, Boolean(input.eradNumber)),
    matches,
  };
}
