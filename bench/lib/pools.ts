// Word pools for synthetic data: researcher names (kanji with their romaji), departments, and the
// organisations researchers disclose, weighted roughly as a Japanese university's disclosures are
// (mostly domestic funders and Western universities, a few organisations of concern). Names are data
// for search, nothing else: no rule or filter of Kaiji keys on a person's name.

export const FAMILY: [string, string][] = [
  ['佐藤', 'Sato'], ['鈴木', 'Suzuki'], ['高橋', 'Takahashi'], ['田中', 'Tanaka'], ['伊藤', 'Ito'], ['渡辺', 'Watanabe'],
  ['山本', 'Yamamoto'], ['中村', 'Nakamura'], ['小林', 'Kobayashi'], ['加藤', 'Kato'], ['吉田', 'Yoshida'], ['山田', 'Yamada'],
  ['佐々木', 'Sasaki'], ['山口', 'Yamaguchi'], ['松本', 'Matsumoto'], ['井上', 'Inoue'], ['木村', 'Kimura'], ['林', 'Hayashi'],
  ['斎藤', 'Saito'], ['清水', 'Shimizu'], ['山崎', 'Yamazaki'], ['森', 'Mori'], ['池田', 'Ikeda'], ['橋本', 'Hashimoto'],
  ['阿部', 'Abe'], ['石川', 'Ishikawa'], ['山下', 'Yamashita'], ['中島', 'Nakajima'], ['石井', 'Ishii'], ['小川', 'Ogawa'],
  ['前田', 'Maeda'], ['岡田', 'Okada'], ['長谷川', 'Hasegawa'], ['藤田', 'Fujita'], ['後藤', 'Goto'], ['近藤', 'Kondo'],
  ['村上', 'Murakami'], ['遠藤', 'Endo'], ['青木', 'Aoki'], ['坂本', 'Sakamoto'], ['斉藤', 'Saito'], ['福田', 'Fukuda'],
  ['太田', 'Ota'], ['西村', 'Nishimura'], ['藤井', 'Fujii'], ['金子', 'Kaneko'], ['岡本', 'Okamoto'], ['藤原', 'Fujiwara'],
  ['中野', 'Nakano'], ['三浦', 'Miura'], ['原田', 'Harada'], ['松田', 'Matsuda'], ['竹内', 'Takeuchi'], ['小野', 'Ono'],
  ['王', 'Wang'], ['李', 'Li'], ['金', 'Kim'], ['朴', 'Park'], ['陳', 'Chen'], ['張', 'Zhang'],
];
export const GIVEN: [string, string][] = [
  ['太郎', 'Taro'], ['一郎', 'Ichiro'], ['健', 'Ken'], ['誠', 'Makoto'], ['浩', 'Hiroshi'], ['学', 'Manabu'], ['翔', 'Sho'],
  ['大輔', 'Daisuke'], ['直樹', 'Naoki'], ['拓也', 'Takuya'], ['健太', 'Kenta'], ['亮', 'Ryo'], ['隆', 'Takashi'], ['聡', 'Satoshi'],
  ['花子', 'Hanako'], ['美咲', 'Misaki'], ['陽子', 'Yoko'], ['恵', 'Megumi'], ['由美', 'Yumi'], ['直子', 'Naoko'], ['愛', 'Ai'],
  ['真由美', 'Mayumi'], ['彩', 'Aya'], ['優子', 'Yuko'], ['智子', 'Tomoko'], ['裕子', 'Yuko'], ['明美', 'Akemi'], ['千尋', 'Chihiro'],
  ['秀樹', 'Hideki'], ['和也', 'Kazuya'], ['雅人', 'Masato'], ['悠', 'Yu'], ['蓮', 'Ren'], ['葵', 'Aoi'], ['結衣', 'Yui'],
  ['伟', 'Wei'], ['静', 'Jing'], ['敏', 'Min'], ['民秀', 'Minsoo'], ['智恩', 'Jieun'],
];

export const DEPARTMENTS: [string, string, string][] = [
  ['ENG', '工学研究科', 'Graduate School of Engineering'],
  ['SCI', '理学研究科', 'Graduate School of Science'],
  ['MED', '医学系研究科', 'Graduate School of Medicine'],
  ['AGR', '農学研究科', 'Graduate School of Agriculture'],
  ['INF', '情報学研究科', 'Graduate School of Informatics'],
  ['PHA', '薬学研究科', 'Graduate School of Pharmaceutical Sciences'],
  ['ECO', '経済学研究科', 'Graduate School of Economics'],
  ['LAW', '法学研究科', 'Graduate School of Law'],
  ['LET', '文学研究科', 'Graduate School of Letters'],
  ['EDU', '教育学研究科', 'Graduate School of Education'],
  ['ENV', '環境学研究科', 'Graduate School of Environmental Studies'],
  ['MAT', '材料科学系', 'Department of Materials Science'],
  ['AERO', '航空宇宙工学系', 'Department of Aeronautics and Astronautics'],
  ['NUC', '原子力工学系', 'Department of Nuclear Engineering'],
  ['ICR', '化学研究所', 'Institute for Chemical Research'],
];

export interface OrgSpec {
  name: string;
  country: string;
  weight: number;
  /** A watchlist entry reference this organisation matches, if any. */
  watch?: string;
}

const common = (names: string[], country: string, weight: number): OrgSpec[] => names.map((name) => ({ name, country, weight }));

export const ORGANISATIONS: OrgSpec[] = [
  ...common(['Japan Society for the Promotion of Science', '日本学術振興会', 'Japan Science and Technology Agency', '科学技術振興機構', 'AMED', 'NEDO'], 'JP', 30),
  ...common(['Toyota Motor Corporation', 'Hitachi, Ltd.', '株式会社日立製作所', 'Panasonic Holdings', 'Takeda Pharmaceutical', 'RIKEN', '理化学研究所'], 'JP', 8),
  ...common(['Stanford University', 'Massachusetts Institute of Technology', 'Harvard University', 'University of California, Berkeley', 'National Institutes of Health', 'National Science Foundation'], 'US', 6),
  ...common(['University of Oxford', 'University of Cambridge', 'Imperial College London', 'Wellcome Trust'], 'GB', 4),
  ...common(['ETH Zurich', 'Max Planck Society', 'Max-Planck-Gesellschaft', 'CNRS', 'European Research Council', 'KU Leuven'], 'DE', 4),
  ...common(['Seoul National University', 'KAIST', 'Korea Institute of Science and Technology', 'Samsung Electronics'], 'KR', 3),
  ...common(['National Taiwan University', 'Academia Sinica', 'TSMC'], 'TW', 2),
  ...common(['Tsinghua University', '清华大学', 'Peking University', '北京大学', 'Zhejiang University', 'Fudan University', 'Shanghai Jiao Tong University', 'Chinese Academy of Sciences'], 'CN', 2),
  ...common(['National University of Singapore', 'University of Melbourne', 'University of Toronto'], 'SG', 2),
  // Organisations of concern (SASTIND universities, Section 1286 / End User List entries), rare.
  { name: 'Beihang University', country: 'CN', weight: 0.5, watch: 'BUAA' },
  { name: '北京航空航天大学', country: 'CN', weight: 0.3, watch: 'BUAA' },
  { name: 'Beijing University of Aeronautics and Astronautics', country: 'CN', weight: 0.2, watch: 'BUAA' },
  { name: 'Beijing Institute of Technology', country: 'CN', weight: 0.5, watch: 'BIT' },
  { name: '北京理工大学', country: 'CN', weight: 0.3, watch: 'BIT' },
  { name: 'Harbin Institute of Technology', country: 'CN', weight: 0.4, watch: 'HIT' },
  { name: '哈尔滨工业大学', country: 'CN', weight: 0.2, watch: 'HIT' },
  { name: 'Harbin Engineering University', country: 'CN', weight: 0.2, watch: 'HEU' },
  { name: 'Northwestern Polytechnical University', country: 'CN', weight: 0.3, watch: 'NWPU' },
  { name: 'Nanjing University of Aeronautics and Astronautics', country: 'CN', weight: 0.2, watch: 'NUAA' },
  { name: 'Nanjing University of Science and Technology', country: 'CN', weight: 0.2, watch: 'NJUST' },
  { name: 'National University of Defense Technology', country: 'CN', weight: 0.1, watch: 'NUDT' },
  { name: 'China Academy of Engineering Physics', country: 'CN', weight: 0.05, watch: 'CAEP' },
  { name: 'Thousand Talents Plan', country: 'CN', weight: 0.15, watch: 'TTP' },
  { name: 'Sharif University of Technology', country: 'IR', weight: 0.05, watch: 'SUT' },
  { name: 'Moscow Institute of Physics and Technology', country: 'RU', weight: 0.08, watch: 'MIPT' },
];

/** Watchlist entries the organisations of concern match (reference → names). */
export const WATCH_ENTRIES: { reference: string; list: 'S1286' | 'METI_EUL' | 'SASTIND'; name: string; country: string }[] = [
  { reference: 'BUAA', list: 'SASTIND', name: 'Beihang University', country: 'CN' },
  { reference: 'BIT', list: 'SASTIND', name: 'Beijing Institute of Technology', country: 'CN' },
  { reference: 'HIT', list: 'S1286', name: 'Harbin Institute of Technology', country: 'CN' },
  { reference: 'HEU', list: 'SASTIND', name: 'Harbin Engineering University', country: 'CN' },
  { reference: 'NWPU', list: 'S1286', name: 'Northwestern Polytechnical University', country: 'CN' },
  { reference: 'NUAA', list: 'SASTIND', name: 'Nanjing University of Aeronautics and Astronautics', country: 'CN' },
  { reference: 'NJUST', list: 'SASTIND', name: 'Nanjing University of Science and Technology', country: 'CN' },
  { reference: 'NUDT', list: 'S1286', name: 'National University of Defense Technology', country: 'CN' },
  { reference: 'CAEP', list: 'METI_EUL', name: 'China Academy of Engineering Physics', country: 'CN' },
  { reference: 'TTP', list: 'S1286', name: 'Thousand Talents Plan', country: 'CN' },
  { reference: 'SUT', list: 'METI_EUL', name: 'Sharif University of Technology', country: 'IR' },
  { reference: 'MIPT', list: 'S1286', name: 'Moscow Institute of Physics and Technology', country: 'RU' },
];

export const RULES: { code: string; severity: 'INFO' | 'REVIEW' | 'FLAG'; titleEn: string; titleJa: string; citation: string }[] = [
  { code: 'TALENT_PROGRAMME_COC', severity: 'FLAG', titleEn: 'Talent programme of a country of concern', titleJa: '懸念国の人材登用プログラム', citation: 'CHIPS and Science Act §10632; 42 USC 19237' },
  { code: 'LISTED_ENTITY', severity: 'FLAG', titleEn: 'Organisation on a restricted list', titleJa: '規制リスト掲載機関', citation: 'METI End User List; DoD Section 1286 list' },
  { code: 'SASTIND_UNIVERSITY', severity: 'FLAG', titleEn: 'SASTIND-supervised university', titleJa: '国防科技工業局所管大学', citation: '研究インテグリティ確保に係る対応方針 (2021)' },
  { code: 'PAID_FOREIGN_APPOINTMENT', severity: 'REVIEW', titleEn: 'Paid foreign appointment', titleJa: '外国機関での有給の役職', citation: '競争的研究費の適正な執行に関する指針 §4' },
  { code: 'EFFORT_OVER_100', severity: 'REVIEW', titleEn: 'Total effort exceeds 100%', titleJa: 'エフォートの合計が100%を超過', citation: 'e-Rad エフォート管理' },
  { code: 'GRANT_OVERLAP', severity: 'REVIEW', titleEn: 'Possible overlap with a domestic grant', titleJa: '国内研究費との重複の可能性', citation: '不合理な重複・過度の集中の排除' },
  { code: 'LARGE_FOREIGN_FUNDING', severity: 'REVIEW', titleEn: 'Foreign funding above ¥10M', titleJa: '1,000万円を超える外国資金', citation: 'NSPM-33 §4(b)' },
  { code: 'SPONSORED_TRAVEL', severity: 'INFO', titleEn: 'Travel paid by a foreign entity', titleJa: '外国機関負担の旅費', citation: '研究インテグリティ チェックリスト 7' },
  { code: 'FOREIGN_GIFT', severity: 'INFO', titleEn: 'Gift or honorarium from abroad', titleJa: '外国からの贈与・謝金', citation: '研究インテグリティ チェックリスト 5' },
  { code: 'CONTRACT_MISSING', severity: 'INFO', titleEn: 'Appointment contract not attached', titleJa: '契約書の添付なし', citation: 'NIH NOT-OD-21-073' },
];
