// The documented view of a disclosure that rule expressions are written against, version 1, as CEL
// types. This is the one declaration: the CEL environment registers these types and variables, the
// view builder (view.ts) produces values of this shape, and docs/rules-view.md documents every field
// (a test checks that the document names each one).
//
// FAIRNESS (a design rule, not a setting): the view carries no personal name, nationality, ethnicity
// or name origin of the researcher, and no free-text descriptions. Rules key on organisations,
// countries, programmes, amounts and obligations.
//
// Pure: no database, safe to import anywhere.

export const VIEW_VERSION = 1;

/** Field types of each CEL object type. Fields marked optional in the docs are absent, never null. */
export const VIEW_TYPES = {
  WatchlistHit: {
    code: 'string',
    kind: 'string',
    list: 'string',
    listJa: 'string',
    name: 'string',
    reference: 'string',
    score: 'double',
    status: 'string',
    matchedNames: 'list<string>',
  },
  Organisation: {
    ref: 'string',
    name: 'string',
    nameLocal: 'string',
    country: 'string',
    foreign: 'bool',
    registered: 'bool',
    watchlists: 'list<WatchlistHit>',
  },
  Money: { currency: 'string', minor: 'int', jpy: 'int' },
  TimeCommitment: { unit: 'string', value: 'double' },
  Obligations: {
    ipTransfer: 'bool',
    recruiting: 'bool',
    concealment: 'bool',
    workAbroad: 'bool',
    unapprovedOverlap: 'bool',
  },
  PersonMonths: { year: 'int', personMonths: 'double' },
  Appointment: {
    id: 'string',
    ref: 'string',
    organisation: 'Organisation',
    title: 'string',
    kind: 'string',
    paid: 'bool',
    compensation: 'Money',
    compensationPeriod: 'string',
    timeCommitment: 'TimeCommitment',
    startDate: 'string',
    endDate: 'string',
    hasContract: 'bool',
    contractCount: 'int',
  },
  Programme: {
    id: 'string',
    ref: 'string',
    programme: 'Organisation',
    sponsor: 'Organisation',
    role: 'string',
    startDate: 'string',
    endDate: 'string',
    benefitsValue: 'Money',
    obligations: 'Obligations',
    obligationCount: 'int',
  },
  Support: {
    id: 'string',
    ref: 'string',
    status: 'string',
    role: 'string',
    awardNumber: 'string',
    source: 'Organisation',
    placeOfPerformance: 'Organisation',
    startDate: 'string',
    endDate: 'string',
    totalAmount: 'Money',
    inKind: 'bool',
    inKindValue: 'Money',
    totalJpy: 'int',
    personMonthsPerYear: 'list<PersonMonths>',
  },
  Gift: {
    id: 'string',
    ref: 'string',
    kind: 'string',
    source: 'Organisation',
    receivedOn: 'string',
    value: 'Money',
    talentProgrammeAward: 'bool',
  },
  Interest: {
    id: 'string',
    ref: 'string',
    kind: 'string',
    organisation: 'Organisation',
    value: 'Money',
    equityPercent: 'double',
    startDate: 'string',
    endDate: 'string',
  },
  Travel: {
    id: 'string',
    ref: 'string',
    sponsor: 'Organisation',
    destinationCountry: 'string',
    startDate: 'string',
    endDate: 'string',
    value: 'Money',
  },
  Match: {
    ref: 'string',
    section: 'string',
    organisation: 'string',
    code: 'string',
    kind: 'string',
    list: 'string',
    listJa: 'string',
    name: 'string',
    reference: 'string',
    score: 'double',
    status: 'string',
  },
  Grants: {
    known: 'bool',
    throughYear: 'int',
    total5y: 'int',
    total10y: 'int',
    projects10y: 'int',
    byYear: 'map<int, int>',
  },
  Cycle: { code: 'string', fiscalYear: 'int' },
  Researcher: { institution: 'string', institutionCountry: 'string', department: 'string', eradNumber: 'string' },
} as const;

export type ViewTypeName = keyof typeof VIEW_TYPES;

/** Top-level variables of view v1 (plus `params`, the rule's parameters, and `item` in per-item rules). */
export const VIEW_VARIABLES = {
  view: 'int',
  cycle: 'Cycle',
  researcher: 'Researcher',
  appointments: 'list<Appointment>',
  programmes: 'list<Programme>',
  support: 'list<Support>',
  gifts: 'list<Gift>',
  interests: 'list<Interest>',
  travel: 'list<Travel>',
  grants: 'Grants',
  matches: 'list<Match>',
} as const;

/** Collections a rule can run once per item of (Rule.forEach), and the CEL type of `item` in each. */
export const FOR_EACH_TYPES = {
  appointments: 'Appointment',
  programmes: 'Programme',
  support: 'Support',
  gifts: 'Gift',
  interests: 'Interest',
  travel: 'Travel',
  matches: 'Match',
} as const satisfies Record<string, ViewTypeName>;

export type ForEach = keyof typeof FOR_EACH_TYPES;
export const FOR_EACH_VALUES = Object.keys(FOR_EACH_TYPES) as [ForEach, ...ForEach[]];

export function isForEach(value: unknown): value is ForEach {
  return typeof value === 'string' && Object.hasOwn(FOR_EACH_TYPES, value);
}

/** Names a rule may never see, whatever a future view adds: checked by a test over the built view. */
export const FORBIDDEN_VIEW_KEYS = [
  'nameKanji',
  'nameKana',
  'nameRomaji',
  'researcherName',
  'displayName',
  'certifiedName',
  'nationality',
  'citizenship',
  'ethnicity',
  'birthplace',
  'email',
  'orcid',
  'description',
  'purpose',
  'objectives',
] as const;
