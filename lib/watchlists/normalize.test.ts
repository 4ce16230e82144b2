import { describe, expect, it } from 'vitest';
import { foldCjkVariants, variantGroups } from './cjk-variants';
import { countryCode } from './countries';
import { namesFromList, splitName } from './name-parts';
import { acronymOf, entryKeys, normalizeName, searchTextOf } from './normalize';

const SEVEN_SONS = [
  // [English, simplified Chinese, traditional Chinese, Japanese]
  ['Beihang University', '北京航空航天大学', '北京航空航天大學', '北京航空航天大学'],
  ['Beijing Institute of Technology', '北京理工大学', '北京理工大學', '北京理工大学'],
  ['Harbin Institute of Technology', '哈尔滨工业大学', '哈爾濱工業大學', '哈爾浜工業大学'],
  ['Harbin Engineering University', '哈尔滨工程大学', '哈爾濱工程大學', '哈爾浜工程大学'],
  ['Northwestern Polytechnical University', '西北工业大学', '西北工業大學', '西北工業大学'],
  ['Nanjing University of Aeronautics and Astronautics', '南京航空航天大学', '南京航空航天大學', '南京航空航天大学'],
  ['Nanjing University of Science and Technology', '南京理工大学', '南京理工大學', '南京理工大学'],
] as const;

describe('normalizeName', () => {
  it('folds simplified, traditional and Japanese forms of each of the Seven Sons to one key', () => {
    const keys = SEVEN_SONS.map(([, simplified, traditional, japanese]) => {
      const k = normalizeName(simplified);
      expect(normalizeName(traditional)).toBe(k);
      expect(normalizeName(japanese)).toBe(k);
      return k;
    });
    // …and the seven stay seven different keys.
    expect(new Set(keys).size).toBe(7);
  });

  it('folds the CJK name pairs that the METI fixture itself gives for one entry', () => {
    // Rows of one EUL entry that write the same name in simplified and in Japanese/traditional script.
    const pairs = [
      ['湖北三江航天万山特种车辆有限公司', '湖北三江航天万山特種車輛有限公司'], // EUL492
      ['北京天海工业有限公司', '北京天海工業有限公司'], // EUL457
      ['上海天海复合气瓶有限公司', '上海天海複合気瓶有限公司'], // EUL517
      ['上海人创实业有限公司', '上海人創実業有限公司'], // EUL518
      ['上海新力機器廠有限公司', '上海新力机器厂有限公司'], // EUL519
    ];
    for (const [a, b] of pairs) expect(normalizeName(a!)).toBe(normalizeName(b!));
  });

  it('folds the characters named in the brief in every script', () => {
    const groups = ['學学', '國国', '東东', '華华', '電电', '機机', '業业', '軍军', '醫医', '藥药薬', '術术', '產産产', '發発发',
      '廣広广', '體体', '師师', '範范', '農农', '會会', '經経经', '濟済济', '灣湾', '區区', '門门', '開开', '關関关',
      '將将', '龍竜龙', '鐵鉄铁', '線线', '無无', '爾尔', '濱浜滨'];
    for (const g of groups) expect(new Set([...g].map(foldCjkVariants)).size, g).toBe(1);
  });

  it('never puts one character in two variant groups', () => {
    const owner = new Map<string, string>();
    for (const group of variantGroups()) {
      for (const ch of new Set(group)) {
        expect(owner.get(ch), `${ch} is in ${owner.get(ch)} and ${group.join('')}`).toBeUndefined();
        owner.set(ch, group.join(''));
      }
    }
    expect(owner.size).toBeGreaterThan(1500);
  });

  it('reads the kana and circle typed for kanji in EUL453 as kanji', () => {
    expect(normalizeName('第七○ニ研究所')).toBe(normalizeName('第七〇二研究所'));
    // Real katakana stays katakana.
    expect(normalizeName('ロケット産業省')).toContain('ロケット');
  });

  it('folds full-width letters, case, punctuation, ampersands and abbreviations', () => {
    expect(normalizeName('ＢＵＡＡ')).toBe('buaa');
    expect(normalizeName('Ｂｅｉｈａｎｇ Ｕｎｉｖｅｒｓｉｔｙ')).toBe(normalizeName('Beihang University'));
    expect(normalizeName('Beijing Univ. of Aeronautics & Astronautics')).toBe(
      normalizeName('BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS'),
    );
    expect(normalizeName('Harbin Inst. of Tech.')).toBe(normalizeName('Harbin Institute of Technology'));
    expect(normalizeName("Xi'an Jiaotong University")).toBe(normalizeName('Xi’an Jiaotong University'));
    expect(normalizeName('Institute of Solid-State Physics')).toBe(normalizeName('Institute of Solid State Physics'));
    expect(normalizeName('Army Institute of NBC Defence')).toBe(normalizeName('Army Institute of NBC Defense'));
    expect(normalizeName('E.K.T.')).toBe(normalizeName('EKT'));
  });

  it('removes accents in composed and decomposed form alike (EUL419)', () => {
    const decomposed = 'E\u0301TABLISSEMENTS INDUSTRIELS DE LA DE\u0301FENSE';
    expect(normalizeName(decomposed)).toBe(normalizeName('ÉTABLISSEMENTS INDUSTRIELS DE LA DÉFENSE'));
    expect(normalizeName(decomposed)).toBe('etablissements industriels de la defense');
  });

  it('drops legal forms at the ends but keeps every distinguishing word', () => {
    expect(normalizeName('Weichai Power Co., Ltd.')).toBe(normalizeName('WEICHAI POWER'));
    expect(normalizeName('北京天海工业有限公司')).toBe(normalizeName('北京天海工業'));
    expect(normalizeName('Beijing University')).not.toBe(normalizeName('Beijing'));
    expect(normalizeName('Tianjin University')).not.toBe(normalizeName('Tianjin University of Technology'));
    expect(normalizeName('北京大学')).not.toBe(normalizeName('北京'));
    expect(normalizeName('The Company')).not.toBe('');
  });
});

describe('acronymOf', () => {
  it('takes the initials of the significant words', () => {
    expect(acronymOf('Beijing University of Aeronautics and Astronautics')).toBe('BUAA');
    expect(acronymOf('Harbin Inst. of Tech.')).toBe('HIT');
    expect(acronymOf('University of Electronic Science and Technology of China')).toBe('UESTC');
    expect(acronymOf('Sun Yat-sen University')).toBe('SYSU');
    expect(acronymOf('Harbin Institute of Technology (哈爾浜工業大学)')).toBe('HIT');
  });

  it('gives nothing for CJK names, two-word names and legal forms', () => {
    expect(acronymOf('北京航空航天大学')).toBeNull();
    expect(acronymOf('Beihang University')).toBeNull();
    expect(acronymOf('Weichai Power Co., Ltd.')).toBeNull();
  });
});

describe('searchTextOf / entryKeys', () => {
  it('holds one key per distinct name, plus the acronym, newline-joined', () => {
    const entry = { name: 'Beijing University of Aeronautics and Astronautics', nameJa: '北京航空航天大学', aliases: ['BUAA', 'Beihang University', 'Beijing Univ. of Aeronautics & Astronautics'] };
    expect(searchTextOf(entry).split('\n')).toEqual([
      'beijing univ aeronautics astronautics',
      normalizeName('北京航空航天大學'),
      'buaa',
      'beihang univ',
    ]);
    expect(entryKeys(entry).find((k) => k.key === 'buaa')?.acronym).toBe(false); // the alias came first
  });
});

describe('name parts', () => {
  it('peels bracketed CJK names and acronyms off list names', () => {
    expect(splitName('BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS (BUAA) (北京航空航天大学)')).toEqual({
      base: 'BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS',
      acronyms: ['BUAA'],
      cjk: ['北京航空航天大学'],
    });
    expect(splitName('K LOGISTICS (CHINA) LIMITED (快急送物流(中國)有限公司)').base).toBe('K LOGISTICS (CHINA) LIMITED');
    expect(splitName('EKT (KATRANGI BROS)').base).toBe('EKT (KATRANGI BROS)');
    expect(splitName('・GREEN PINE ASSOCIATED CORPORATION (青松連合)').base).toBe('GREEN PINE ASSOCIATED CORPORATION');
  });

  it('builds one entry from the names a list gives, dropping duplicates', () => {
    const e = namesFromList(["PEOPLE'S STEEL MILLS LTD.", 'PEOPLES STEEL MILLS', "PEOPLE'S STEEL MILLS LTD.", "PEOPLE'S STEEL MILLS"]);
    expect(e).toEqual({ name: "PEOPLE'S STEEL MILLS LTD.", nameJa: null, aliases: [] });
  });
});

describe('countryCode', () => {
  it('maps the names lists use to ISO codes', () => {
    expect(countryCode('China')).toBe('CN');
    expect(countryCode('Russia')).toBe('RU');
    expect(countryCode('Iran')).toBe('IR');
    expect(countryCode('Iran, Islamic Republic of')).toBe('IR');
    expect(countryCode('北朝鮮')).toBe('KP');
    expect(countryCode('中華人民共和国')).toBe('CN');
    expect(countryCode('CN')).toBe('CN');
    expect(countryCode('Narnia')).toBeNull();
    expect(countryCode('')).toBeNull();
  });
});
