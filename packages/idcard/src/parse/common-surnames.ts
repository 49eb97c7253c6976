/**
 * About 220 of the most frequent single-character surnames (national household-registration rankings), plus
 * common compound ones. Used only as a tie-breaker between OCR readings of the 姓名 field: the fast chi_sim model
 * confidently turns a surname into a look-alike (邱 → 印, 蒋 → 薪, 熊 → 能) that is rarely a surname itself.
 * Names with rarer surnames are still read; they just get no bonus.
 */
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇';
const COMPOUND = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '慕容',
  '皇甫',
  '尉迟',
  '公孙',
  '令狐',
  '长孙',
  '司徒',
  '夏侯',
  '宇文',
];

const SINGLE_SET = new Set([...SINGLE]);

/** True when the name starts with a common surname. */
export function hasCommonSurname(name: string): boolean {
  if (COMPOUND.some((c) => name.startsWith(c))) return true;
  const first = [...name][0];
  return first !== undefined && SINGLE_SET.has(first);
}

/**
 * Han names are two or three characters, four with a compound surname; longer readings usually carry a character
 * OCR inserted between glyphs (罗人金浩). Transliterated names with the middle dot are exempt.
 */
export function hasTypicalNameLength(name: string): boolean {
  if (name.includes('·')) return true;
  const length = [...name].length;
  const isCompound = COMPOUND.some((c) => name.startsWith(c));
  return isCompound ? length >= 3 && length <= 4 : length >= 2 && length <= 3;
}
