import { CARD_HEIGHT, CARD_WIDTH, PRINT } from '../card-layout';
import type { SeededRandom } from './seeded-random';
import type { SyntheticIdentity } from './synthetic-identity';

/** Fonts found through fontconfig: WenQuanYi Zen Hei (/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc) for the 黑体
 * text, DejaVu Sans Mono as the closest installed face to the OCR-B digits printed for the number. */
const CJK_FONT = "'WenQuanYi Zen Hei', sans-serif";
const DIGIT_FONT = "'DejaVu Sans Mono', monospace";
const LABEL_COLOR = '#2f6aa3';
const INK_COLOR = '#161616';

/** SVG of the card front at 10 px/mm; the background pattern varies with `random`. */
export function renderCardSvg(identity: SyntheticIdentity, random: SeededRandom): string {
  const [y, m, d] = identity.birthDate.split('-').map(Number);
  const lines = splitAddress(identity.address, PRINT.addressCharsPerLine);
  const hue = random.int(170, 210);
  const waves = Array.from({ length: 9 }, (_, i) => {
    const base = 40 + i * 58 + random.range(-8, 8);
    const amp = random.range(6, 16);
    return `<path d="M0 ${base} C 200 ${base - amp}, 400 ${base + amp}, 856 ${base}" stroke="hsl(${hue},40%,84%)" stroke-width="1.5" fill="none"/>`;
  }).join('');
  const label = (x: number, baseline: number, text: string) =>
    `<text x="${x}" y="${baseline}" font-family="${CJK_FONT}" font-size="22" fill="${LABEL_COLOR}">${text}</text>`;
  const value = (x: number, baseline: number, text: string, size = 28) =>
    `<text x="${x}" y="${baseline}" font-family="${CJK_FONT}" font-size="${size}" fill="${INK_COLOR}">${escapeXml(text)}</text>`;
  const { photo } = PRINT;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}">`,
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">`,
    `<stop offset="0" stop-color="hsl(${hue},35%,95%)"/><stop offset="1" stop-color="hsl(${hue + 20},30%,90%)"/>`,
    `</linearGradient></defs>`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="32" fill="url(#bg)"/>`,
    waves,
    `<rect x="${photo.left}" y="${photo.top}" width="${photo.width}" height="${photo.height}" fill="hsl(${hue},15%,88%)"/>`,
    `<ellipse cx="${photo.left + photo.width / 2}" cy="${photo.top + 120}" rx="62" ry="78" fill="#6b6b6b"/>`,
    `<path d="M${photo.left + 20} ${photo.top + photo.height} Q ${photo.left + photo.width / 2} ${photo.top + 170} ${photo.left + photo.width - 20} ${photo.top + photo.height} Z" fill="#4a4a4a"/>`,
    label(PRINT.labelX, PRINT.nameBaseline - 2, '姓 名'),
    value(PRINT.valueX, PRINT.nameBaseline, identity.name, 30),
    label(PRINT.labelX, PRINT.sexBaseline, '性 别'),
    value(PRINT.valueX, PRINT.sexBaseline, identity.sex === 'male' ? '男' : '女'),
    label(PRINT.ethnicityLabelX, PRINT.sexBaseline, '民 族'),
    value(PRINT.ethnicityValueX, PRINT.sexBaseline, identity.ethnicity),
    label(PRINT.labelX, PRINT.birthBaseline, '出 生'),
    value(PRINT.valueX, PRINT.birthBaseline, `${y} 年 ${m} 月 ${d} 日`),
    label(PRINT.labelX, PRINT.addressBaselines[0], '住 址'),
    ...lines.map((line, i) => value(PRINT.valueX, PRINT.addressBaselines[i] ?? 0, line, 26)),
    label(PRINT.numberLabelX, PRINT.numberBaseline, '公民身份号码'),
    `<text x="${PRINT.numberX}" y="${PRINT.numberBaseline + 2}" font-family="${DIGIT_FONT}" font-size="34" letter-spacing="3" fill="${INK_COLOR}">${identity.idNumber}</text>`,
    '</svg>',
  ].join('');
}

/** Address lines as printed: fixed characters per line, at most three lines. */
export function splitAddress(address: string, perLine: number): string[] {
  const chars = [...address];
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < 3; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
  return lines;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
