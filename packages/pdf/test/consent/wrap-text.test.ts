import { describe, expect, it } from 'vitest';
import { splitBreakUnits, wrapText } from '../../src/consent/wrap-text.js';

// Monospace model: CJK and full-width punctuation 2 units, everything else 1.
const measure = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);

describe('splitBreakUnits', () => {
  it('breaks CJK per character and keeps Latin words and numbers together', () => {
    expect(splitBreakUnits('拟行CT检查 2026-11-25')).toEqual(['拟', '行', 'CT', '检', '查 ', '2026-11-25']);
  });

  it('glues closing punctuation to the previous unit and opening punctuation to the next', () => {
    expect(splitBreakUnits('出血，感染。')).toEqual(['出', '血，', '感', '染。']);
    expect(splitBreakUnits('详见《麻醉》')).toEqual(['详', '见', '《麻', '醉》']);
  });
});

describe('wrapText', () => {
  it('fills lines up to the width without breaking inside a Latin word', () => {
    const lines = wrapText('患者需行 laparoscopic cholecystectomy 手术', 20, measure);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(20);
    expect(lines.join('|')).toContain('laparoscopic');
    expect(lines.join('|')).toContain('cholecystectomy');
    expect(lines.join('').replace(/\s/g, '')).toBe('患者需行laparoscopiccholecystectomy手术');
  });

  it('never starts a line with closing punctuation (kinsoku)', () => {
    const text = '术中、术后出血，严重时需要输血或再次手术止血；切口感染、裂开、延迟愈合。';
    for (let width = 6; width <= 30; width += 2) {
      for (const line of wrapText(text, width, measure)) expect(line).not.toMatch(/^[，。、；：！？）》」]/);
    }
  });

  it('breaks a unit wider than the line by character, and keeps hard newlines', () => {
    expect(wrapText('ABCDEFGHIJ', 4, measure)).toEqual(['ABCD', 'EFGH', 'IJ']);
    expect(wrapText('第一行\n第二行', 100, measure)).toEqual(['第一行', '第二行']);
  });
});
