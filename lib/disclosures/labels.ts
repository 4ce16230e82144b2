// One map from field path to catalog key, shared by the forms, the progress view and the diff, so a field
// is called the same everywhere. Keys live in messages/{en,ja}/disclosure.json.
import { appointmentKinds, compensationPeriods, timeCommitmentUnits } from './appointments';
import { giftKinds } from './gifts';
import { interestKinds } from './interests';
import { obligationKeys } from './programmes';
import {
  repeatingSectionKeys,
  sectionFields,
  sectionKeys,
  type RepeatingSectionKey,
  type SectionKey,
} from './sections';
import { supportRoles, supportStatuses } from './support';

export type DisclosureMessageKey = `disclosure.${string}`;

export type SectionFieldName<K extends SectionKey> = (typeof sectionFields)[K][number];
/** "appointments.organisation", "profile.orcid", "support.nothingToDisclose", … */
export type FieldPath =
  | { [K in SectionKey]: `${K}.${SectionFieldName<K>}` }[SectionKey]
  | `${RepeatingSectionKey}.nothingToDisclose`;

function record<K extends string, V>(keys: readonly K[], value: (key: K) => V): Readonly<Record<K, V>> {
  return Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>;
}

export const sectionLabels = record(sectionKeys, (key) => ({
  title: `disclosure.sections.${key}.title` as DisclosureMessageKey,
  description: `disclosure.sections.${key}.description` as DisclosureMessageKey,
}));

const nothingToDisclose = {
  label: 'disclosure.common.nothingToDisclose.label',
  help: 'disclosure.common.nothingToDisclose.help',
} as const;

function allFieldPaths(): FieldPath[] {
  return sectionKeys.flatMap((section) => [
    ...(sectionFields[section] as readonly string[]).map((field) => `${section}.${field}` as FieldPath),
    ...(section === 'profile' ? [] : [`${section}.nothingToDisclose` as FieldPath]),
  ]);
}

export const fieldPaths: readonly FieldPath[] = allFieldPaths();
const knownPaths = new Set<string>(fieldPaths);

/** The field path of a section's field named at runtime (from an issue path, say); undefined if none. */
export function toFieldPath(section: SectionKey, field: string | undefined): FieldPath | undefined {
  const path = `${section}.${field}`;
  return knownPaths.has(path) ? (path as FieldPath) : undefined;
}

export const fieldLabels = record(fieldPaths, (path): DisclosureMessageKey =>
  path.endsWith('.nothingToDisclose') ? nothingToDisclose.label : `disclosure.${path}.label`,
);

/** Fields whose meaning the guideline needs explained beside the input. */
const withHelp = [
  'profile.nameKanji',
  'profile.nameKana',
  'profile.nameRomaji',
  'profile.eradNumber',
  'profile.orcid',
  'appointments.organisation',
  'appointments.kind',
  'appointments.paid',
  'appointments.compensation',
  'appointments.timeCommitment',
  'appointments.endDate',
  'appointments.contractAttachmentIds',
  'programmes.programme',
  'programmes.sponsor',
  'programmes.benefitsValue',
  'programmes.benefitsDescription',
  'programmes.obligations',
  'programmes.obligationsDescription',
  'support.status',
  'support.awardNumber',
  'support.source',
  'support.placeOfPerformance',
  'support.totalAmount',
  'support.personMonthsPerYear',
  'support.overlap',
  'support.inKind',
  'gifts.kind',
  'gifts.value',
  'gifts.talentProgrammeAward',
  'interests.kind',
  'interests.value',
  'interests.equityPercent',
  'travel.sponsor',
  'travel.value',
] as const satisfies readonly FieldPath[];

export const fieldHelp: Readonly<Partial<Record<FieldPath, DisclosureMessageKey>>> = Object.fromEntries([
  ...withHelp.map((path) => [path, `disclosure.${path}.help`]),
  ...repeatingSectionKeys.map((key) => [`${key}.nothingToDisclose`, nothingToDisclose.help]),
]);

/** The values of each choice field (and of the obligations checklist), for selects and option labels. */
export const fieldOptions = {
  'appointments.kind': appointmentKinds,
  'appointments.compensationPeriod': compensationPeriods,
  'appointments.timeCommitment': timeCommitmentUnits,
  'programmes.obligations': obligationKeys,
  'support.status': supportStatuses,
  'support.role': supportRoles,
  'gifts.kind': giftKinds,
  'interests.kind': interestKinds,
} as const satisfies Partial<Record<FieldPath, readonly string[]>>;

export type OptionField = keyof typeof fieldOptions;

export function optionLabelKey<P extends OptionField>(
  path: P,
  value: (typeof fieldOptions)[P][number],
): DisclosureMessageKey {
  return `disclosure.${path}.options.${value}`;
}

/** Labels of the inputs inside composite fields (organisation reference, money, time commitment, years). */
export const partLabels = {
  organisation: {
    entityId: 'disclosure.organisation.entityId.label',
    name: 'disclosure.organisation.name.label',
    nameLocal: 'disclosure.organisation.nameLocal.label',
    country: 'disclosure.organisation.country.label',
  },
  money: {
    amountMinor: 'disclosure.money.amount.label',
    currency: 'disclosure.money.currency.label',
  },
  timeCommitment: {
    unit: 'disclosure.appointments.timeCommitment.unit',
    value: 'disclosure.appointments.timeCommitment.value',
  },
  personMonthsPerYear: {
    year: 'disclosure.support.personMonthsPerYear.year',
    personMonths: 'disclosure.support.personMonthsPerYear.personMonths',
  },
} as const;

export const partHelp = {
  organisation: {
    entityId: 'disclosure.organisation.entityId.help',
    name: 'disclosure.organisation.name.help',
    nameLocal: 'disclosure.organisation.nameLocal.help',
  },
  money: { amountMinor: 'disclosure.money.amount.help' },
} as const;

export const progressLabels = {
  not_started: 'disclosure.progress.not_started',
  in_progress: 'disclosure.progress.in_progress',
  complete: 'disclosure.progress.complete',
  summary: 'disclosure.progress.summary',
} as const;

export const diffLabels = {
  added: 'disclosure.diff.added',
  removed: 'disclosure.diff.removed',
  changed: 'disclosure.diff.changed',
  before: 'disclosure.diff.before',
  after: 'disclosure.diff.after',
  noChanges: 'disclosure.diff.noChanges',
} as const;

/** Words the forms and the diff need around the fields. */
export const commonLabels = {
  yes: 'disclosure.common.yes',
  no: 'disclosure.common.no',
  none: 'disclosure.common.none',
  ongoing: 'disclosure.common.ongoing',
  addItem: 'disclosure.common.addItem',
  removeItem: 'disclosure.common.removeItem',
  noItems: 'disclosure.common.noItems',
  foreign: 'disclosure.common.foreign',
  domestic: 'disclosure.common.domestic',
} as const;
