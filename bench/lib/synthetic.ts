// Synthetic organisation names shaped like restricted-party lists, shared by the benchmarks.
// Deterministic for a seed.

export const CITIES = ['Harbin', 'Xian', 'Nanjing', 'Chengdu', 'Wuhan', 'Tianjin', 'Dalian', 'Shenyang', 'Changsha', 'Hefei', 'Jinan', 'Qingdao', 'Taiyuan', 'Lanzhou', 'Kunming', 'Guiyang', 'Nanchang', 'Fuzhou', 'Xiamen', 'Suzhou', 'Wuxi', 'Ningbo', 'Hangzhou', 'Zhengzhou', 'Luoyang', 'Baotou', 'Urumqi', 'Hohhot', 'Shijiazhuang', 'Tangshan', 'Mianyang', 'Zigong', 'Yibin', 'Xiangtan', 'Zhuzhou', 'Anshan', 'Fushun', 'Jilin', 'Changchun', 'Qiqihar', 'Daqing', 'Yantai', 'Weihai', 'Zibo', 'Xuzhou', 'Changzhou', 'Nantong', 'Yangzhou', 'Zhenjiang', 'Huainan'];
const FIELDS = ['Applied Optics', 'Electronic Engineering', 'Marine Engineering', 'Aerospace Materials', 'Precision Machinery', 'Radio Measurement', 'Propulsion Technology', 'Special Alloys', 'Automation Control', 'Nuclear Physics', 'Chemical Engineering', 'Computing Technology', 'Microelectronics', 'Composite Materials', 'Laser Technology', 'Acoustics', 'Navigation Systems', 'Power Machinery', 'Electromechanical Engineering', 'Ship Design', 'Semiconductor Devices', 'Vacuum Technology', 'Energy Storage', 'Information Security', 'Remote Sensing', 'Explosives Research', 'Fluid Mechanics', 'Radar Systems', 'Space Electronics', 'Control Instruments', 'Biological Products', 'Metrology', 'Cryogenics', 'Antenna Design', 'Satellite Communications', 'Robotics', 'Ceramics', 'Thermal Engineering', 'Structural Mechanics', 'Optoelectronics'];
const KINDS = ['Research Institute of', 'University of', 'Institute of', 'Academy of'];
export const SYLLABLES = ['zhong', 'hai', 'bei', 'nan', 'xin', 'kai', 'da', 'tong', 'hua', 'guo', 'ming', 'long', 'feng', 'jin', 'tian', 'an', 'yuan', 'xing', 'sheng', 'hong', 'li', 'wei', 'chang', 'de', 'fu', 'bao', 'rui', 'jia', 'tai', 'heng', 'kang', 'sen', 'yu', 'peng', 'lian', 'qi', 'shun', 'ke', 'mei', 'rong'];
const INDUSTRIES = ['Electronics', 'Trading', 'Technology', 'Machinery', 'Aviation', 'Optics', 'Materials', 'Instruments', 'Shipbuilding', 'Chemical', 'Industrial', 'Communication', 'Equipment', 'Precision', 'Engineering', 'Semiconductor', 'Energy', 'Import and Export', 'Logistics', 'Software'];
const SUFFIXES = ['Co., Ltd.', 'Company', 'Corporation', 'Limited', 'Group', 'Factory', 'Trading House', 'Enterprise'];

/**
 * Synthetic entries shaped like restricted-party lists: mostly companies with a place, a brand of two
 * syllables, an industry and a legal form, and a share of research institutes. Deterministic.
 */
export function syntheticNames(count: number): string[] {
  const r = rng(7);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const word = () => {
    const w = pick(SYLLABLES) + pick(SYLLABLES);
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const out = new Set<string>();
  while (out.size < count) {
    out.add(r() < 0.7 ? `${pick(CITIES)} ${word()} ${pick(INDUSTRIES)} ${pick(SUFFIXES)}` : `${pick(CITIES)} ${pick(KINDS)} ${pick(FIELDS)} ${word()}`);
  }
  return [...out];
}

export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function misspell(name: string, r: () => number): string {
  const words = name.split(' ');
  const i = words.findIndex((w) => w.length >= 8);
  if (i < 0) return name;
  const w = words[i]!;
  const at = 2 + Math.floor(r() * (w.length - 3));
  words[i] = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
  return words.join(' ');
}

