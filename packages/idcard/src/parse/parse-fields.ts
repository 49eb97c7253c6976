import type { Sex } from '../id-number/validate-id-number';
import { ETHNICITIES } from './ethnicities';

const NON_NAME = /[^\u3400-\u9fff·]/gu;

/** The 姓名 value: CJK characters (and the middle dot of transliterated names), at least two. */
export function parseName(text: string): string | null {
  const name = text.replace(NON_NAME, '');
  return [...name].length >= 2 ? name : null;
}

/** The 性别 / 民族 row, read as one line: "男 民族 汉". */
export function parseSexEthnicity(text: string): { sex: Sex | null; ethnicity: string | null } {
  const compact = text.replace(/\s+/g, '');
  const sexChar = /[男女]/u.exec(compact);
  const sex: Sex | null = sexChar === null ? null : sexChar[0] === '男' ? 'male' : 'female';
  const labelEnd = compact.search(/[族旅挨]/u);
  const afterSex = sexChar === null ? compact : compact.slice(sexChar.index + 1);
  const tail = (labelEnd >= 0 ? compact.slice(labelEnd + 1) : afterSex.replace(/^民/u, '')).replace(
    /[^\u3400-\u9fff]/gu,
    '',
  );
  return { sex, ethnicity: matchEthnicity(tail) };
}

/**
 * Exact name, else the unique one within one edit (OCR confuses single strokes), else the exact name after one
 * leading character: the gap after the 民族 label is sometimes read as a dash that is a CJK character (一汉).
 */
function matchEthnicity(text: string): string | null {
  if (text === '') return null;
  if (ETHNICITIES.includes(text)) return text;
  const close = ETHNICITIES.filter((e) => editDistance(e, text) <= 1 && e.length > 1 === text.length > 1);
  if (close.length === 1) return close[0] ?? null;
  const rest = [...text].slice(1).join('');
  return close.length === 0 && ETHNICITIES.includes(rest) ? rest : null;
}

/** The 出生 value "1990 年 1 月 1 日" as ISO `YYYY-MM-DD`, or null when it is not a calendar date. */
export function parseBirthDate(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  // A lone "1" is sometimes read as 工 or a bar, 0 as 〇/O; but 工 also appears as a stray mark next to a real digit
  // ("1工日" for "1 日"), so the substitution is only a fallback when the text as read is not a date.
  return matchDate(compact) ?? matchDate(compact.replace(/[工丨|lI]/gu, '1').replace(/[〇Oo]/gu, '0'));
}

function matchDate(text: string): string | null {
  const match = /(\d{4})\D{0,3}?(\d{1,2})\D{1,3}?(\d{1,2})/u.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900) return null;
  return date.toISOString().slice(0, 10);
}

/** The 住址 value: the lines joined without the spaces OCR puts between CJK characters. */
export function parseAddress(text: string): string | null {
  const address = text.replace(/\s+/g, '').replace(/[|_~`'"‘’“”]/gu, '');
  return [...address].length >= 4 ? address : null;
}

function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}
