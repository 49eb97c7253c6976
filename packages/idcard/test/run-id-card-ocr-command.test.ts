import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticCard, maskIdNumber, runIdCardOcrCommand, type SyntheticCard } from '../src/index';

function captureIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd }, out, err };
}

let directory: string;
let card: SyntheticCard;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'idcard-cli-'));
  card = await generateSyntheticCard(11, { level: 'clean' });
  await writeFile(join(directory, 'card.jpg'), card.jpeg);
  await writeFile(join(directory, 'broken.jpg'), 'not a jpeg');
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('inkproof idcard ocr', () => {
  it('prints one JSON object per image, in order, and exits 1 when one image fails', async () => {
    const { io, out } = captureIo(directory);
    const code = await runIdCardOcrCommand(['ocr', 'card.jpg', 'broken.jpg', '--json'], io);
    expect(code).toBe(1);
    const entries = JSON.parse(out.join('')) as Record<string, unknown>[];
    expect(entries).toHaveLength(2);
    expect(Object.keys(entries[0] ?? {})).toEqual(
      expect.arrayContaining([
        'file',
        'name',
        'sex',
        'ethnicity',
        'birthDate',
        'address',
        'idNumber',
        'idNumberValid',
        'confidence',
      ]),
    );
    expect(entries[0]).toMatchObject({
      file: 'card.jpg',
      idNumber: card.identity.idNumber,
      idNumberValid: true,
      name: card.identity.name,
    });
    expect(entries[1]).toMatchObject({
      file: 'broken.jpg',
      idNumber: null,
      idNumberValid: false,
      error: { code: 'IMAGE_UNREADABLE' },
    });
  }, 60_000);

  it('masks the number in text output and exits 0 when all images are read', async () => {
    const { io, out } = captureIo(directory);
    const code = await runIdCardOcrCommand(['ocr', join(directory, 'card.jpg')], io);
    expect(code).toBe(0);
    const text = out.join('');
    expect(text).toContain(maskIdNumber(card.identity.idNumber));
    expect(text).not.toContain(card.identity.idNumber);
    expect(text).toContain(card.identity.name);
  }, 60_000);

  it('takes the text model directory from --text-lang-path and exits 1 when it holds no chi_sim', async () => {
    const { io, out, err } = captureIo(directory);
    const code = await runIdCardOcrCommand(['ocr', 'card.jpg', '--text-lang-path', directory], io);
    expect(code).toBe(1);
    expect(out.join('')).toBe('');
    expect(err.join('')).toContain('chi_sim');
  });

  it.each([[[]], [['ocr']], [['scan', 'card.jpg']], [['ocr', 'card.jpg', '--bogus']]])(
    'exits 2 with usage for %j',
    async (args) => {
      const { io, err } = captureIo(directory);
      expect(await runIdCardOcrCommand(args, io)).toBe(2);
      expect(err.join('')).toContain('inkproof idcard ocr');
    },
  );
});
