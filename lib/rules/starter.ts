// The starter ruleset the demo seed installs: the checks the issues ask for, drawn from the domain
// notes, written in CEL over view v1. Administrators change them through a new ruleset version; these
// definitions are only the first version. Citations name the policy each check serves; they are
// starting points for an institution's own guideline references, not legal advice.
//
// Pure: no database, safe to import anywhere.
import type { Severity } from '@/lib/generated/prisma/enums';
import type { ForEach } from './view-schema';

export const STARTER_RULESET = {
  code: 'kaiji-starter',
  nameJa: '研究インテグリティ基本チェック',
  nameEn: 'Research-integrity starter checks',
} as const;

/** Watchlist codes of the seeded sample lists the starter rules name (lib/watchlists/seed.ts). */
export const END_USER_LIST = 'jp-meti-end-user-list';
export const SASTIND_GROUP = 'cn-sastind-seven-sons';
/** The Section 1286 talent-programme list: what names a programme when a researcher did not say so. */
export const TALENT_PROGRAMME_LIST = 'us-dod-section-1286-talent-programmes';

export interface StarterRule {
  code: string;
  titleJa: string;
  titleEn: string;
  forEach: ForEach | null;
  expression: string;
  severity: Severity;
  messageJa: string;
  messageEn: string;
  /** The guideline the rule serves, in each language (every starter rule has both). */
  citationJa: string;
  citationEn: string;
  params: Record<string, unknown>;
}

const JP_POLICY = '統合イノベーション戦略推進会議決定「研究活動の国際化、オープン化に伴う新たなリスクに対する研究インテグリティの確保に係る対応方針について」（2021年4月27日）';
const JP_POLICY_EN =
  'Integrated Innovation Strategy Promotion Council decision, "Policy on ensuring research integrity against the new risks of the internationalisation and openness of research" (27 April 2021)';
const FUNDING_GUIDELINE = '「競争的研究費の適正な執行に関する指針」（2021年12月17日改正）：他の研究費・所属・役職の情報提供';
const FUNDING_GUIDELINE_EN =
  '"Guidelines for the proper execution of competitive research funds" (revised 17 December 2021): disclosure of other research funding, affiliations and positions';

export const STARTER_RULES: readonly StarterRule[] = [
  {
    code: 'talent-programme',
    titleJa: '外国の人材登用プログラムへの参加',
    titleEn: 'Foreign talent-recruitment programme',
    forEach: 'programmes',
    expression: 'item.programme.foreign || item.sponsor.foreign',
    severity: 'REVIEW',
    messageJa:
      '外国の人材登用プログラム「{{item.programme.name}}」（{{item.programme.country}}、支援機関：{{item.sponsor.name}}）への参加が開示されています（役割：{{item.role}}）。義務と便益の内容を確認してください。',
    messageEn:
      'Participation in the foreign talent-recruitment programme "{{item.programme.name}}" ({{item.programme.country}}, sponsor: {{item.sponsor.name}}) is disclosed (role: {{item.role}}). Review its obligations and benefits.',
    citationJa: `${JP_POLICY}；NSPM-33（2021年）及びその実施ガイダンス（NSTC、2022年）：外国の人材登用プログラムへの参加の開示`,
    citationEn: `${JP_POLICY_EN}; NSPM-33 (2021) and its implementation guidance (NSTC, 2022): disclosure of participation in foreign talent-recruitment programmes`,
    params: {},
  },
  {
    // The disclosure form says accepting a talent programme's award is involvement in it, so an award
    // filed only under gifts is read like a programme item: the researcher's own answer (with a foreign
    // source, as above), or the source screened onto the Section 1286 talent-programme list.
    code: 'talent-programme-award',
    titleJa: '外国の人材登用プログラムからの賞・謝金',
    titleEn: 'Award or gift of a foreign talent-recruitment programme',
    forEach: 'gifts',
    expression: `(item.talentProgrammeAward && item.source.foreign) ||\nonList(item.source, "${TALENT_PROGRAMME_LIST}", params.minCandidateScore)`,
    severity: 'REVIEW',
    messageJa:
      '贈与・謝金・賞として開示された「{{item.source.name}}」（{{item.source.country}}）は外国の人材登用プログラムに関わるもので、プログラムへの参加に当たります。人材登用プログラムとしての内容（義務と便益）を確認してください。',
    messageEn:
      'The gift, honorarium or award from "{{item.source.name}}" ({{item.source.country}}) concerns a foreign talent-recruitment programme, which counts as involvement in it. Review it as programme participation (obligations and benefits).',
    citationJa: `${JP_POLICY}；NSPM-33（2021年）及びその実施ガイダンス（NSTC、2022年）：外国の人材登用プログラムへの参加（その賞の受領を含む）の開示；CHIPS・科学法 第10632条（42 U.S.C. 19232）`,
    citationEn: `${JP_POLICY_EN}; NSPM-33 (2021) and its implementation guidance (NSTC, 2022): disclosure of participation in foreign talent-recruitment programmes, including their awards; CHIPS and Science Act §10632 (42 U.S.C. 19232)`,
    params: { minCandidateScore: 0.9 },
  },
  {
    code: 'listed-organisation',
    titleJa: '外国ユーザーリスト掲載機関・国防七子との関係',
    titleEn: 'Organisation on the End User List or in the SASTIND group',
    forEach: 'matches',
    expression:
      '(item.code in params.lists || (item.kind == "GROUP" && item.code in params.groups)) &&\n(item.status == "confirmed" || item.score >= params.minCandidateScore)',
    severity: 'FLAG',
    messageJa:
      '開示された機関「{{item.organisation}}」が「{{item.listJa}}」の「{{item.name}}」と一致します（スコア {{item.score}}、{{item.status|status}}）。',
    messageEn:
      'The disclosed organisation "{{item.organisation}}" matches "{{item.name}}" on "{{item.list}}" (score {{item.score}}, {{item.status|status}}).',
    citationJa:
      '外国為替及び外国貿易法に基づくキャッチオール規制：経済産業省「外国ユーザーリスト」；国防科技工業局（SASTIND）所管大学については機関のリスク評価（研究インテグリティの確保に係る対応方針、2021年4月27日）',
    citationEn:
      'Catch-all controls under the Foreign Exchange and Foreign Trade Act: METI End User List; for universities supervised by SASTIND, the institution\'s own risk assessment (research-integrity policy of 27 April 2021)',
    params: { lists: [END_USER_LIST], groups: [SASTIND_GROUP], minCandidateScore: 0.9 },
  },
  {
    code: 'foreign-support-amount',
    titleJa: '一定額を超える外国からの研究支援',
    titleEn: 'Foreign support above the threshold',
    forEach: 'support',
    expression: 'item.source.foreign && item.totalJpy > params.thresholdJpy',
    severity: 'REVIEW',
    messageJa:
      '外国の機関「{{item.source.name}}」（{{item.source.country}}）からの研究支援 {{item.totalJpy|yen}} が基準額 {{params.thresholdJpy|yen}} を超えています。',
    messageEn:
      'Support from the foreign organisation "{{item.source.name}}" ({{item.source.country}}) of {{item.totalJpy|yen}} exceeds the threshold of {{params.thresholdJpy|yen}}.',
    citationJa: `${FUNDING_GUIDELINE}；NSPM-33（2021年）：すべての資金源からの現在及び申請中の（その他の）支援`,
    citationEn: `${FUNDING_GUIDELINE_EN}; NSPM-33 (2021): current and pending (other) support, all sources`,
    params: { thresholdJpy: 5_000_000 },
  },
  {
    code: 'talent-programme-with-domestic-grants',
    titleJa: '人材登用プログラム参加と多額の国内競争的研究費',
    titleEn: 'Talent programme together with large domestic grants',
    forEach: 'programmes',
    expression: '(item.programme.foreign || item.sponsor.foreign) && grants.total10y > params.grantsThresholdJpy',
    severity: 'FLAG',
    messageJa:
      '外国の人材登用プログラム「{{item.programme.name}}」への参加と、{{grants.throughYear}}年度までの10年間の国内競争的研究費 {{grants.total10y|yen}}（基準額 {{params.grantsThresholdJpy|yen}} 超）が併存しています。',
    messageEn:
      'Participation in the foreign talent-recruitment programme "{{item.programme.name}}" together with domestic grants of {{grants.total10y|yen}} in the ten fiscal years to FY{{grants.throughYear}} (threshold {{params.grantsThresholdJpy|yen}}).',
    citationJa: `${FUNDING_GUIDELINE}；CHIPS・科学法 第10632条（42 U.S.C. 19232）：悪意ある外国の人材登用プログラム`,
    citationEn: `${FUNDING_GUIDELINE_EN}; CHIPS and Science Act §10632 (42 U.S.C. 19232), malign foreign talent recruitment programmes`,
    params: { grantsThresholdJpy: 100_000_000 },
  },
  {
    code: 'foreign-appointment-without-contract',
    titleJa: '契約書の添付がない外国機関での職',
    titleEn: 'Foreign appointment without a contract',
    forEach: 'appointments',
    expression: 'item.organisation.foreign && !item.hasContract',
    severity: 'REVIEW',
    messageJa:
      '外国の機関「{{item.organisation.name}}」（{{item.organisation.country}}）での職「{{item.title}}」に契約書が添付されていません。',
    messageEn:
      'The appointment "{{item.title}}" at the foreign organisation "{{item.organisation.name}}" ({{item.organisation.country}}) has no contract attached.',
    citationJa: `${JP_POLICY}；NIH NOT-OD-21-073：外国での職に係る契約書の写しの提出`,
    citationEn: `${JP_POLICY_EN}; NIH NOT-OD-21-073: copies of contracts for foreign appointments`,
    params: {},
  },
];
