import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { levelAtLeast, PADES_LEVELS, type PadesLevel, PdfFile, type SignaturePlacement, signPdf } from '@inkproof/pdf';
import { CliError } from '../cli-error.js';
import type { CliIo, Command } from '../command.js';
import { openPki } from '../open-pki.js';
import { parseOptions } from '../parse-options.js';
import { readInkFile } from '../read-ink-file.js';
import { isSignerRole, SIGNER_ROLES, signerMeaning } from '../signer-meaning.js';

const USAGE = `inkproof sign IN.pdf OUT.pdf [--level B-B|B-T|B-LT|B-LTA] [--name NAME]
    [--role ${SIGNER_ROLES.join('|')}] [--relationship TEXT] [--field NAME | --page N --rect x,y,w,h]
    [--ink samples.json] [--fingerprint image.png|jpg] [--certify 1|2|3] [--lock all|NAME,NAME…]
    [--sm2] [--data-dir DIR]
  Signs with a fresh one-time event certificate from the built-in CA in <data-dir>/pki (default ./data/pki)
  and time-stamps with the in-process TSA. Default level B-LTA; an already signed PDF gets one more signature.`;

const OPTIONS = {
  level: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  relationship: { type: 'string' },
  field: { type: 'string' },
  page: { type: 'string' },
  rect: { type: 'string' },
  ink: { type: 'string' },
  fingerprint: { type: 'string' },
  certify: { type: 'string' },
  lock: { type: 'string' },
  sm2: { type: 'boolean' },
  'data-dir': { type: 'string' },
} as const;

export const signCommand: Command = {
  name: 'sign',
  summary: '签署 PDF（PAdES）/ sign a PDF (PAdES B-B … B-LTA)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values: o, positionals } = parseOptions(args, OPTIONS);
    const [input, output] = positionals;
    if (!input || !output || positionals.length > 2)
      throw new CliError('USAGE', '需要 IN.pdf 和 OUT.pdf / IN.pdf and OUT.pdf are required');
    const level = (o.level ?? 'B-LTA') as PadesLevel;
    if (!PADES_LEVELS.includes(level)) throw new CliError('USAGE', `--level must be one of ${PADES_LEVELS.join(', ')}`);
    const role = o.role ?? 'patient';
    if (!isSignerRole(role)) throw new CliError('USAGE', `--role must be one of ${SIGNER_ROLES.join(', ')}`);
    const placement = parsePlacement(o.field, o.page, o.rect);
    const certify = o.certify === undefined ? undefined : Number(o.certify);
    if (certify !== undefined && certify !== 1 && certify !== 2 && certify !== 3)
      throw new CliError('USAGE', '--certify must be 1, 2 or 3');
    const name = o.name ?? '签署人';
    const pdf = await readInput(io, input);
    // Refuse unreadable or encrypted input before a certificate is issued for it.
    PdfFile.parse(pdf);
    const strokes = o.ink ? await readInkFile(resolve(io.cwd, o.ink)) : undefined;
    const fingerprint = o.fingerprint ? await readInput(io, o.fingerprint) : undefined;
    if (o.sm2) {
      io.stderr(
        '注意：SM2 PAdES 签名目前无法被常见 PDF 验证器（pdfsig、Adobe）识别，请同时使用 OFD 或 inkproof verify 验证。\n' +
          'Note: SM2 PAdES signatures are not supported by common PDF validators (pdfsig, Adobe); verify with inkproof verify.\n',
      );
    }
    const pki = await openPki(io, o['data-dir']);
    const cred = await pki.issueEventCertificate({
      name,
      role,
      relationship: o.relationship,
      algorithm: o.sm2 ? 'SM2' : 'ECDSA-P256',
    });
    const signedAt = new Date();
    try {
      const out = await signPdf(pdf, {
        signer: cred.signer,
        certificate: cred.certificate,
        chain: cred.chain,
        level,
        tsa: levelAtLeast(level, 'B-T') ? pki.tsa : undefined,
        revocation: (certs) => pki.revocationData(certs),
        placement,
        appearance: { name, meaning: signerMeaning(role, o.relationship), signedAt, strokes, fingerprint },
        signingTime: signedAt,
        signerName: name,
        reason: signerMeaning(role, o.relationship),
        certify: certify as 1 | 2 | 3 | undefined,
        lockFields: o.lock === undefined ? undefined : o.lock === 'all' ? 'all' : o.lock.split(',').filter(Boolean),
      });
      await writeFile(resolve(io.cwd, output), out);
    } finally {
      // The event key signs exactly once (issue 3: destroyed right after signing).
      await cred.destroy();
    }
    io.stdout(`已签署 / signed: ${output} (${level}${o.sm2 ? ', SM2' : ''}, ${describe(placement)})\n`);
    return 0;
  },
};

function parsePlacement(field?: string, page?: string, rect?: string): SignaturePlacement {
  if (field && (page || rect)) throw new CliError('USAGE', '--field cannot be combined with --page/--rect');
  if (field) return { field };
  if (!page && !rect) return { invisible: true };
  const n = Number(page ?? '1');
  const parts = (rect ?? '').split(',').map(Number);
  if (!Number.isInteger(n) || n < 1) throw new CliError('INVALID_RECT', '--page must be a positive integer');
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p)) || parts[2]! <= 0 || parts[3]! <= 0) {
    throw new CliError('INVALID_RECT', '--rect must be x,y,w,h in PDF points with positive width and height');
  }
  return { page: n, rect: parts as [number, number, number, number] };
}

function describe(p: SignaturePlacement): string {
  if ('field' in p) return `field ${p.field}`;
  if ('page' in p) return `page ${p.page} [${p.rect.join(',')}]`;
  return 'invisible';
}

async function readInput(io: CliIo, path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(resolve(io.cwd, path)));
  } catch (e) {
    throw new CliError('INPUT_NOT_FOUND', `无法读取文件 / cannot read ${path}`, { cause: e });
  }
}
