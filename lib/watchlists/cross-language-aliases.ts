// Names the lists themselves do not carry: the Chinese and Japanese names of institutions and
// programmes that the Section 1286 list writes only in English, and the English wordings of the
// programmes that researchers actually write. Screening adds them to every entry (of any list) one of
// whose names has the same matching key as `listed`, so a new edition of a list keeps them without
// re-import. They are shown as matched names like the list's own; nothing here adds an entry.
//
// Provenance: each row says where the name comes from. The programme names are the programmes' own
// official Chinese names and the Japanese press's usual rendering (千人計画); the institutions'
// names are their own official Chinese names. Data only: add rows, never code.
//
// Pure data: safe to import anywhere.

export interface CrossLanguageAlias {
  /** A name as a list writes it (compared by matching key, so case and abbreviations do not matter). */
  listed: string;
  alias: string;
  lang: 'zh-Hans' | 'zh-Hant' | 'ja' | 'en' | 'ru';
  source: string;
}

const TTP_EN = 'https://en.wikipedia.org/wiki/Thousand_Talents_Plan';
const TTP_ZH = 'https://zh.wikipedia.org/wiki/海外高层次人才引进计划';
const TTP_JA = 'https://ja.wikipedia.org/wiki/千人計画';
const OWN_NAME = "the institution's own Chinese name (its official website and seal)";

const programme = (listed: string, source: string, names: [CrossLanguageAlias['lang'], string][]): CrossLanguageAlias[] =>
  names.map(([lang, alias]) => ({ listed, alias, lang, source }));

const institution = (listed: string, ...names: string[]): CrossLanguageAlias[] =>
  names.map((alias) => ({ listed, alias, lang: 'zh-Hans', source: OWN_NAME }));

export const CROSS_LANGUAGE_ALIASES: readonly CrossLanguageAlias[] = [
  ...programme('Thousand Talents Plan', `${TTP_EN}; ${TTP_ZH}; ${TTP_JA}`, [
    ['zh-Hans', '千人计划'],
    ['zh-Hant', '千人計劃'],
    ['ja', '千人計画'],
    ['zh-Hans', '海外高层次人才引进计划'],
    ['zh-Hans', '国家海外高层次人才引进计划'],
    ['zh-Hans', '千人计划项目'],
    ['en', 'Recruitment Program of Global Experts'],
    ['en', 'Recruitment Program for Global Experts'],
    ['en', 'Overseas High-Level Talent Recruitment Program'],
    ['en', 'National High-end Foreign Experts Recruitment Plan'],
    ['en', 'Qianren Jihua'],
  ]),
  ...programme('Hundred Talents Plan', 'https://en.wikipedia.org/wiki/Hundred_Talents_Program', [
    ['zh-Hans', '百人计划'],
    ['zh-Hant', '百人計劃'],
    ['ja', '百人計画'],
    ['zh-Hans', '中国科学院百人计划'],
    ['en', 'CAS Hundred Talents Program'],
  ]),
  ...programme('Changjiang Scholar Distinguished Professorship', 'https://en.wikipedia.org/wiki/Changjiang_Scholar', [
    ['zh-Hans', '长江学者奖励计划'],
    ['zh-Hant', '長江學者獎勵計劃'],
    ['zh-Hans', '长江学者特聘教授'],
    ['zh-Hans', '长江学者'],
    ['en', 'Changjiang Scholars Program'],
    ['en', 'Cheung Kong Scholars Programme'],
    ['en', 'Yangtze River Scholars Program'],
    ['en', 'Changjiang Scholar'],
  ]),
  ...programme('Pearl River Talent Program', 'Guangdong Province, 珠江人才计划 (Pearl River Talent Recruitment Program), public programme notices', [
    ['zh-Hans', '珠江人才计划'],
    ['zh-Hant', '珠江人才計劃'],
    ['en', 'Pearl River Talent Recruitment Program'],
  ]),
  ...programme('Project 5-100', 'https://en.wikipedia.org/wiki/Project_5-100', [
    ['ru', 'Проект 5-100'],
    ['en', 'Russian Academic Excellence Project'],
    ['en', '5-100 Program'],
  ]),
  // Section 1286 institutions, written there in English only.
  ...institution('Beihang University', '北京航空航天大学', '北航'),
  ...institution('Beijing Institute of Technology', '北京理工大学', '北理工'),
  ...institution('Harbin Institute of Technology', '哈尔滨工业大学', '哈工大'),
  ...institution('Harbin Engineering University', '哈尔滨工程大学', '哈工程'),
  ...institution('Northwestern Polytechnical University', '西北工业大学', '西工大'),
  ...institution('Nanjing University of Aeronautics and Astronautics', '南京航空航天大学', '南航'),
  ...institution('Nanjing University of Science and Technology', '南京理工大学', '南理工'),
  ...institution('National University of Defense Technology', '国防科技大学', '中国人民解放军国防科技大学'),
  ...institution('Tianjin University', '天津大学'),
  ...institution('Sichuan University', '四川大学'),
  ...institution('Shandong University', '山东大学'),
  ...institution('Fudan University', '复旦大学'),
  ...institution('Chongqing University', '重庆大学'),
  ...institution('Chongqing University of Technology', '重庆理工大学'),
  ...institution('Shanghai Jiao Tong University', '上海交通大学'),
  ...institution('Sun Yat-sen University', '中山大学'),
  ...institution('Xi’an Jiaotong University', '西安交通大学'),
  ...institution('Xidian University', '西安电子科技大学'),
  ...institution('Xi’an Technological University', '西安工业大学'),
  ...institution('University of Electronic Science and Technology of China', '电子科技大学'),
  ...institution('University of Science and Technology of China', '中国科学技术大学'),
  ...institution('Dalian University of Technology', '大连理工大学'),
  ...institution('Guilin University of Electronic Technology', '桂林电子科技大学'),
  ...institution('Hangzhou Dianzi University', '杭州电子科技大学'),
  ...institution('Ocean University of China', '中国海洋大学'),
  ...institution('North University of China', '中北大学'),
  ...institution('Changchun University of Science and Technology', '长春理工大学'),
  ...institution('Shenyang Aerospace University', '沈阳航空航天大学'),
  ...institution('Shenyang Ligong University', '沈阳理工大学'),
  ...institution('Luoyang Institute of Science and Technology', '洛阳理工学院'),
  ...institution('Beijing University of Posts and Telecommunications', '北京邮电大学', '北邮'),
  ...institution('Chinese Academy of Engineering Physics', '中国工程物理研究院', '中物院'),
  ...institution('Academy of Military Medical Sciences', '军事医学科学院', '军事医学研究院'),
  ...institution('Beijing Computational Science Research Center', '北京计算科学研究中心'),
  ...institution('Center for High Pressure Science and Technology Advanced Research', '北京高压科学研究中心'),
  ...institution('Beijing Academy of Quantum Information Sciences', '北京量子信息科学研究院'),
  ...institution('Air Force Engineering University', '空军工程大学'),
  ...institution('Army Engineering University', '陆军工程大学'),
  ...institution('Naval University of Engineering', '海军工程大学'),
  ...institution('Rocket Force Engineering University', '火箭军工程大学'),
  ...institution('Air Force Medical University', '空军军医大学'),
  ...institution('Army Medical University', '陆军军医大学'),
  ...institution('Naval Medical University', '海军军医大学'),
  ...institution('National Defense University', '国防大学'),
  ...institution('Information Engineering University', '信息工程大学'),
  ...institution('Space Engineering University', '航天工程大学'),
  ...institution('Dalian Naval Academy', '海军大连舰艇学院'),
  ...institution('University of International Relations', '国际关系学院'),
  ...institution('Chinese Academy of Sciences - Institute of Computing Technology', '中国科学院计算技术研究所', '中科院计算所'),
  ...institution('Chinese Academy of Sciences - Institute of Physics', '中国科学院物理研究所'),
  ...institution('Chinese Academy of Sciences - Institute of Microelectronics', '中国科学院微电子研究所'),
  ...institution('Chinese Academy of Sciences - Shenyang Institute of Automation', '中国科学院沈阳自动化研究所'),
  ...institution('Chinese Academy of Sciences - Aerospace Information Research Institute', '中国科学院空天信息创新研究院'),
  ...institution('Chinese Academy of Sciences - National Time Service Center', '中国科学院国家授时中心'),
  ...institution(
    'Chinese Academy of Sciences - Shanghai Institute of Microsystem and Information Technology',
    '中国科学院上海微系统与信息技术研究所',
  ),
  ...institution('Hefei National Laboratory for Physical Sciences at the Microscale', '合肥微尺度物质科学国家研究中心'),
  ...institution('Nanjing Institute of Astronomical Optics and Technology', '中国科学院南京天文光学技术研究所'),
];
