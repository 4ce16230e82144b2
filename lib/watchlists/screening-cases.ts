// The labelled table screening is measured on (screening-cases.test.ts asserts every row;
// bench/screening-quality.ts prints precision and recall over it). Real names: the positives are
// entries of the shipped lists written the ways researchers write them; the negatives are real
// institutions that share a city, a kind or most words with a listed one and are not listed.
//
// Pure data.

export interface PositiveCase {
  query: string;
  /** `list code: entry name` pairs that must be among the matches. */
  expect: string[];
  class: string;
}

export interface NegativeCase {
  query: string;
  /** Pairs that must not be among the matches; empty: nothing may match at all. */
  reject: string[];
  class: string;
}

const P1286 = 'us-dod-section-1286';
const TALENT = 'us-dod-section-1286-talent-programmes';
const METI = 'jp-meti-end-user-list';

const TTP = `${TALENT}: Thousand Talents Plan`;
const NUDT = [`${P1286}: National University of Defense Technology`, `${METI}: NATIONAL UNIVERSITY OF DEFENSE TECHNOLOGY`];
const HEU = `${P1286}: Harbin Engineering University`;
const HIT = `${P1286}: Harbin Institute of Technology`;
const BUAA = `${P1286}: Beihang University`;
const UESTC = `${P1286}: University of Electronic Science and Technology of China`;
const USTC = `${P1286}: University of Science and Technology of China`;

const positive = (klass: string, expect: string[], ...queries: string[]): PositiveCase[] =>
  queries.map((query) => ({ query, expect, class: klass }));
const negative = (klass: string, reject: string[], ...queries: string[]): NegativeCase[] =>
  queries.map((query) => ({ query, reject, class: klass }));

export const POSITIVE_CASES: readonly PositiveCase[] = [
  ...positive(
    'programme wording and language',
    [TTP],
    'Thousand Talents Program',
    'Thousand Talents Plan',
    'Thousand Talents Programme',
    'THOUSAND TALENTS PLAN',
    'Thousand Talent Program',
    '1000 Talents Plan',
    '千人计划',
    '千人計画',
    '千人計劃',
    '海外高层次人才引进计划',
    'Recruitment Program of Global Experts',
  ),
  ...positive('programme wording and language', [`${TALENT}: Hundred Talents Plan`], 'Hundred Talents Program', '百人计划', '百人計画'),
  ...positive(
    'programme wording and language',
    [`${TALENT}: Changjiang Scholar Distinguished Professorship`],
    'Changjiang Scholars Program',
    '长江学者奖励计划',
  ),
  ...positive('programme wording and language', [`${TALENT}: Pearl River Talent Program`], 'Pearl River Talents Plan', '珠江人才计划'),
  ...positive('programme wording and language', [`${TALENT}: Project 5-100`], '5-100 Project', 'Project 5-100'),
  ...positive('CJK scripts and contractions', NUDT, '国防科技大学', '国防科学技術大学', '國防科技大學', '国防科学技术大学'),
  ...positive('CJK scripts and contractions', [HEU], '哈尔滨工程大学', '哈爾濱工程大學', 'ハルビン工程大学'),
  ...positive('CJK scripts and contractions', [`${P1286}: Northwestern Polytechnical University`], '西北工业大学', '西北工業大學'),
  ...positive('CJK scripts and contractions', [UESTC, `${METI}: UNIVERSITY OF ELECTRONIC SCIENCE AND TECHNOLOGY OF CHINA`], '电子科技大学', '電子科學技術大學'),
  ...positive('CJK scripts and contractions', [`${P1286}: China Academy of Engineering Physics`], '中国工程物理研究院', '中國工程物理研究院'),
  ...positive('CJK scripts and contractions', [`${P1286}: Beijing Institute of Technology`], '北京理工大學'),
  ...positive('CJK scripts and contractions', [`${P1286}: Xidian University`], '西安电子科技大学', '西安電子科技大學'),
  ...positive('CJK scripts and contractions', [`${P1286}: Shanghai Jiao Tong University`], '上海交通大學'),
  ...positive('CJK scripts and contractions', [`${METI}: SHANGHAI ACADEMY OF SPACEFLIGHT TECHNOLOGY`], '中国航天科技集团公司第八研究院'),
  ...positive(
    'CJK scripts and contractions',
    [`${METI}: CHINA ELECTRONICS TECHNOLOGY GROUP CORPORATION (CETC) 54TH RESEARCH INSTITUTE`],
    '中国电子科技集团公司第54研究所',
    '中國電子科技集團公司第五十四研究所',
  ),
  ...positive(
    'CJK scripts and contractions',
    [`${METI}: CHINA AEROSPACE SCIENCE AND TECHNOLOGY CORPORATION (CASC) 9TH ACADEMY 771 RESEARCH INSTITUTE`],
    '中国航天科技集团有限公司第九研究院第七七一研究所',
  ),
  ...positive('abbreviated English', NUDT, 'Natl. Univ. of Defense Tech.', "Nat'l Univ. of Def. Technol."),
  ...positive('abbreviated English', [BUAA], 'Beijing Univ. of Aero. & Astro.', 'Beijing Univ. of Aeronaut. and Astronaut.'),
  ...positive('abbreviated English', [HEU], 'Harbin Eng. Univ.'),
  ...positive('abbreviated English', [HIT], 'Harbin Inst. Tech.', 'Harbin Inst. of Technol.'),
  ...positive('abbreviated English', [`${P1286}: Northwestern Polytechnical University`], 'Northwestern Polytech. Univ.'),
  ...positive('abbreviated English', [UESTC], 'Univ. of Elec. Sci. & Tech. of China', 'Univ. of Electron. Sci. and Technol. of China'),
  ...positive('abbreviated English', [USTC], 'Univ. of Sci. & Tech. of China'),
  ...positive('abbreviated English', [`${P1286}: Nanjing University of Aeronautics and Astronautics`], 'Nanjing Univ. of Aeronautics & Astronautics'),
  ...positive('abbreviated English', [`${P1286}: Nanjing University of Science and Technology`], 'Nanjing Univ. of Sci. & Tech.'),
  ...positive('abbreviated English', [`${P1286}: Moscow Institute of Physics and Technology`], 'Moscow Inst. of Phys. & Tech.'),
  ...positive('abbreviated English', [`${P1286}: Bauman Moscow State Technical University`], 'Bauman Moscow State Tech. Univ.'),
  ...positive('abbreviated English', [`${P1286}: Skolkovo Institute of Science and Technology`], 'Skolkovo Inst. of Sci. & Tech.'),
  ...positive('abbreviated English', [`${P1286}: Sharif University of Technology`], 'Sharif Univ. of Tech.'),
  ...positive('abbreviated English', [`${P1286}: Academy of Military Medical Sciences`], 'Acad. of Mil. Med. Sci.'),
  ...positive('abbreviated English', [`${P1286}: China Academy of Engineering Physics`], 'Chinese Acad. of Eng. Phys.'),
  ...positive('abbreviated English', [`${P1286}: Air Force Engineering University`], 'Air Force Eng. Univ.'),
  ...positive('abbreviated English', [`${P1286}: National Defense University`], 'Natl. Defense Univ.'),
  ...positive('abbreviated English', [`${P1286}: P.N. Lebedev Physical Institute of the Russian Academy of Sciences`], 'Lebedev Phys. Inst.'),
  ...positive('abbreviated English', [`${P1286}: Ocean University of China`], 'Ocean Univ. of China'),
  ...positive('abbreviated English', [`${P1286}: Hangzhao Dianzi University`], 'Hangzhou Dianzi Univ.'),
  ...positive('bare distinctive name', [BUAA], 'Beihang', 'BEIHANG'),
  ...positive('bare distinctive name', [`${P1286}: Xidian University`], 'Xidian'),
  ...positive('bare distinctive name', [`${P1286}: Fudan University`], 'Fudan'),
  ...positive('bare distinctive name', [`${P1286}: Amirkabir University of Technology`], 'Amirkabir'),
  ...positive('bare distinctive name', [`${P1286}: Bauman Moscow State Technical University`], 'Bauman'),
  ...positive('bare distinctive name', [`${P1286}: Skolkovo Institute of Science and Technology`], 'Skoltech'),
  ...positive('campus or school of a listed name', [`${P1286}: Beijing Institute of Technology`], 'Beijing Inst. of Tech., Zhuhai'),
  ...positive('campus or school of a listed name', [HIT], 'Harbin Institute of Technology, Shenzhen', '哈尔滨工业大学（深圳）'),
  ...positive('misspelling', [`${P1286}: Xi’an Jiatong University`], 'Xian Jiaotung Univ.'),
];

const NOTHING: string[] = [];

export const NEGATIVE_CASES: readonly NegativeCase[] = [
  ...negative('same city, other institution', [HIT, HEU], 'Harbin Medical University', 'Harbin Normal University', 'Harbin University of Science and Technology', 'Harbin University of Commerce', '哈尔滨医科大学', '哈尔滨理工大学'),
  ...negative('same city, other institution', [`${P1286}: Tianjin University`], 'Tianjin University of Technology', 'Tianjin Medical University', 'Tianjin Normal University', '天津理工大学', '天津医科大学'),
  ...negative('same city, other institution', NOTHING, 'Nanjing University', 'Nanjing Medical University', 'Nanjing Normal University', '南京大学'),
  ...negative('same city, other institution', NOTHING, 'Beijing University', 'Peking University', 'Beijing Normal University', 'Beijing Jiaotong University', 'Beijing University of Technology', 'Beijing University of Chemical Technology', '北京大学', 'Tsinghua University', 'University of Science and Technology Beijing'),
  ...negative('same city, other institution', NOTHING, "Xi'an University of Architecture and Technology", "Xi'an Jiaotong-Liverpool University", 'Chongqing Medical University', 'Sichuan Normal University', 'Shandong Normal University', 'Shanghai University', 'Dalian Maritime University', 'Changchun University', 'Shenyang University of Technology', 'Moscow State Pedagogical University'),
  ...negative('one distinguishing word', [USTC], 'University of Electronic Science and Technology of China', '电子科技大学'),
  ...negative('one distinguishing word', [UESTC], 'University of Science and Technology of China', '中国科学技术大学'),
  ...negative('one distinguishing word', [`${P1286}: National University of Defense Technology`], 'National Taiwan University of Science and Technology', 'Hunan University'),
  ...negative('other programme', [TTP], 'Ten Thousand Talents Plan', '万人计划', 'Hundred Talents Program', 'Youth Talent Support Program'),
  ...negative('unlisted elsewhere', NOTHING, 'University of Tokyo', '東京大学', '京都大学', 'Tohoku University', 'National University of Singapore', 'Zhejiang University', 'Institute of Physics'),
  ...negative('a place is not a short name', NOTHING, 'Tianjin', 'Harbin', 'Moscow', 'Beijing'),
];
