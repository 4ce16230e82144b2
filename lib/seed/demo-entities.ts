// Demo entries of the registry of foreign organisations, so that type-ahead finds them by any of their
// names: 北京航空航天大学, Beihang, BUAA, Beijing University of Aeronautics and Astronautics, …
import 'server-only';
import type { Tx } from '@/lib/db/client';
import type { EntityType } from '@/lib/generated/prisma/enums';
import { searchTextOf } from '@/lib/watchlists/normalize';

type DemoEntity = {
  key: string;
  type: EntityType;
  nameEn: string;
  nameJa?: string;
  nameZh?: string;
  aliases: string[];
  country: string;
};

export const DEMO_ENTITIES: readonly DemoEntity[] = [
  {
    key: 'beihang',
    type: 'UNIVERSITY',
    nameEn: 'Beihang University',
    nameJa: '北京航空航天大学',
    nameZh: '北京航空航天大学',
    aliases: ['Beijing University of Aeronautics and Astronautics', 'BUAA', 'Beijing Hangkong Hangtian Daxue', 'ペキン航空航天大学'],
    country: 'CN',
  },
  {
    key: 'bit',
    type: 'UNIVERSITY',
    nameEn: 'Beijing Institute of Technology',
    nameJa: '北京理工大学',
    nameZh: '北京理工大学',
    aliases: ['BIT', 'Beijing Ligong Daxue'],
    country: 'CN',
  },
  {
    key: 'hit',
    type: 'UNIVERSITY',
    nameEn: 'Harbin Institute of Technology',
    nameJa: 'ハルビン工業大学',
    nameZh: '哈尔滨工业大学',
    aliases: ['HIT', 'Harbin Gongye Daxue', '哈爾浜工業大学'],
    country: 'CN',
  },
  {
    key: 'heu',
    type: 'UNIVERSITY',
    nameEn: 'Harbin Engineering University',
    nameJa: 'ハルビン工程大学',
    nameZh: '哈尔滨工程大学',
    aliases: ['HEU', 'Harbin Gongcheng Daxue'],
    country: 'CN',
  },
  {
    key: 'npu',
    type: 'UNIVERSITY',
    nameEn: 'Northwestern Polytechnical University',
    nameJa: '西北工業大学',
    nameZh: '西北工业大学',
    aliases: ['NPU', 'NWPU', 'Xibei Gongye Daxue'],
    country: 'CN',
  },
  {
    key: 'tsinghua',
    type: 'UNIVERSITY',
    nameEn: 'Tsinghua University',
    nameJa: '清華大学',
    nameZh: '清华大学',
    aliases: ['Qinghua Daxue', 'THU'],
    country: 'CN',
  },
  {
    key: 'pku',
    type: 'UNIVERSITY',
    nameEn: 'Peking University',
    nameJa: '北京大学',
    nameZh: '北京大学',
    aliases: ['PKU', 'Beijing Daxue', 'Beida'],
    country: 'CN',
  },
  {
    key: 'cas',
    type: 'RESEARCH_INSTITUTE',
    nameEn: 'Chinese Academy of Sciences',
    nameJa: '中国科学院',
    nameZh: '中国科学院',
    aliases: ['CAS', 'Zhongguo Kexueyuan'],
    country: 'CN',
  },
  {
    key: 'ttp',
    type: 'TALENT_PROGRAMME',
    nameEn: 'Thousand Talents Plan',
    nameJa: '千人計画',
    nameZh: '千人计划',
    aliases: ['Recruitment Program of Global Experts', 'Qianren Jihua', '海外高层次人才引进计划'],
    country: 'CN',
  },
  {
    key: 'nsfc',
    type: 'FUNDER',
    nameEn: 'National Natural Science Foundation of China',
    nameJa: '中国国家自然科学基金委員会',
    nameZh: '国家自然科学基金委员会',
    aliases: ['NSFC', 'Guojia Ziran Kexue Jijin Weiyuanhui'],
    country: 'CN',
  },
  {
    key: 'msu',
    type: 'UNIVERSITY',
    nameEn: 'Lomonosov Moscow State University',
    nameJa: 'モスクワ大学',
    aliases: ['Moscow State University', 'MSU', 'Московский государственный университет имени М. В. Ломоносова', 'МГУ'],
    country: 'RU',
  },
  {
    key: 'nus',
    type: 'UNIVERSITY',
    nameEn: 'National University of Singapore',
    nameJa: 'シンガポール国立大学',
    nameZh: '新加坡国立大学',
    aliases: ['NUS'],
    country: 'SG',
  },
  {
    key: 'kaist',
    type: 'UNIVERSITY',
    nameEn: 'Korea Advanced Institute of Science and Technology',
    nameJa: '韓国科学技術院',
    aliases: ['KAIST', '한국과학기술원'],
    country: 'KR',
  },
  {
    // Looks like a Japanese trading house; registered and owned abroad.
    key: 'nihon-koki',
    type: 'COMPANY',
    nameEn: 'Nihon Koki Trading Co., Ltd.',
    nameJa: '日本光機貿易有限公司',
    nameZh: '日本光机贸易有限公司',
    aliases: ['Nihon Kōki Trading', 'NKT Hong Kong'],
    country: 'HK',
  },
];

/** Creates the registry entries; returns their ids by key. */
export async function seedDemoEntities(tx: Tx): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const e of DEMO_ENTITIES) {
    const row = await tx.foreignEntity.create({
      data: {
        type: e.type,
        nameEn: e.nameEn,
        nameJa: e.nameJa ?? null,
        nameZh: e.nameZh ?? null,
        aliases: e.aliases,
        country: e.country,
        searchText: searchTextOf({ name: e.nameEn, nameJa: e.nameJa, aliases: [...(e.nameZh ? [e.nameZh] : []), ...e.aliases] }),
        verified: true,
      },
      select: { id: true },
    });
    ids[e.key] = row.id;
  }
  return ids;
}
