import { computeCheckChar } from '../id-number/compute-check-char';
import type { Sex } from '../id-number/validate-id-number';
import { ETHNICITIES } from '../parse/ethnicities';
import type { SeededRandom } from './seeded-random';

/** The printed content of a card front (人像面). */
export interface SyntheticIdentity {
  readonly name: string;
  readonly sex: Sex;
  readonly ethnicity: string;
  /** ISO `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly address: string;
  readonly idNumber: string;
}

/** Real county-level GB/T 2260 codes with the address prefix printed for them. */
const REGIONS: readonly (readonly [string, string])[] = [
  ['110105', '北京市朝阳区'],
  ['110108', '北京市海淀区'],
  ['120101', '天津市和平区'],
  ['310104', '上海市徐汇区'],
  ['320102', '江苏省南京市玄武区'],
  ['330106', '浙江省杭州市西湖区'],
  ['350102', '福建省福州市鼓楼区'],
  ['370102', '山东省济南市历下区'],
  ['420106', '湖北省武汉市武昌区'],
  ['430104', '湖南省长沙市岳麓区'],
  ['440106', '广东省广州市天河区'],
  ['450103', '广西壮族自治区南宁市青秀区'],
  ['500103', '重庆市渝中区'],
  ['510107', '四川省成都市武侯区'],
  ['530102', '云南省昆明市五华区'],
  ['610113', '陕西省西安市雁塔区'],
  ['210102', '辽宁省沈阳市和平区'],
  ['650102', '新疆维吾尔自治区乌鲁木齐市天山区'],
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '慕容'];
const GIVEN_CHARS =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红文辉玉金荣林海波宁佳欣怡晨宇浩然子轩梓涵雨萱博文思远嘉颖晓东春梅秋菊冬雪立新振华德明永庆光明天佑瑞祥安康婷雅琪瑶鹏飞俊峰凯旋';
const STREETS = [
  '建国路',
  '人民路',
  '中山路',
  '解放大道',
  '和平街',
  '长江路',
  '黄河路',
  '新华街',
  '朝阳北路',
  '学院路',
  '复兴路',
  '光明巷',
];

export function generateSyntheticIdentity(
  random: SeededRandom,
  now: Date = new Date('2026-01-01T00:00:00Z'),
): SyntheticIdentity {
  const [regionCode, prefix] = random.pick(REGIONS);
  const sex: Sex = random.next() < 0.5 ? 'male' : 'female';
  const birth = randomBirthDate(random, now);
  const sequence = random.int(0, 99) * 10 + random.int(0, 4) * 2 + (sex === 'male' ? 1 : 0);
  const first17 = `${regionCode}${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return {
    name: randomName(random),
    sex,
    ethnicity: random.next() < 0.5 ? '汉' : random.pick(ETHNICITIES),
    birthDate: birth,
    address: randomAddress(random, prefix),
    idNumber: `${first17}${computeCheckChar(first17)}`,
  };
}

function randomName(random: SeededRandom): string {
  const surname = random.next() < 0.08 ? random.pick(COMPOUND_SURNAMES) : random.pick([...SURNAMES]);
  const givenLength = random.next() < 0.3 ? 1 : 2;
  let given = '';
  for (let i = 0; i < givenLength; i++) given += random.pick([...GIVEN_CHARS]);
  return surname + given;
}

function randomBirthDate(random: SeededRandom, now: Date): string {
  const earliest = Date.UTC(1930, 0, 1);
  const latest = now.getTime() - 18 * 365.25 * 86_400_000;
  const date = new Date(earliest + Math.floor(random.next() * (latest - earliest)));
  return date.toISOString().slice(0, 10);
}

function randomAddress(random: SeededRandom, prefix: string): string {
  const building =
    random.next() < 0.6
      ? `${random.int(1, 30)}号楼${random.int(1, 6)}单元${random.int(1, 28)}0${random.int(1, 6)}室`
      : '';
  const street = `${prefix}${random.pick(STREETS)}${random.int(1, 999)}号`;
  // Three printed lines hold at most 42 characters; the truth must equal what is printed.
  return [...street].length + [...building].length <= 42 ? street + building : street;
}
