import { resolve } from 'node:path';
import { CliError } from '../cli-error.js';
import type { CliIo, Command } from '../command.js';
import { readDemoFixtures } from '../demo/read-demo-fixtures.js';
import { runDemo } from '../demo/run-demo.js';
import { openPki, pkiDir } from '../open-pki.js';
import { parseOptions } from '../parse-options.js';

const USAGE = `inkproof demo --out DIR [--data-dir DIR]
  Runs one complete signing without a server from the fixture data in packages/cli/fixtures/demo (surgery consent,
  recorded ink trace, face photo, ID-card image): built-in PKI in <data-dir>/pki (default ./data/pki), consent PDF,
  event certificate bound to the evidence digest, PAdES B-LTA signature with the handwriting, sealed evidence bundle
  in an in-memory transparency log, sealed court report. Writes DIR/signed.pdf, DIR/evidence.zip, DIR/report.pdf,
  DIR/escrow-key.pem (DEMO escrow key, generated per run), DIR/root.pem, DIR/log-key.pem.`;

const OPTIONS = { out: { type: 'string' }, 'data-dir': { type: 'string' } } as const;

export const demoCommand: Command = {
  name: 'demo',
  summary: '演示完整签署流程 / run one complete signing from demo fixtures',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values: o, positionals } = parseOptions(args, OPTIONS);
    if (!o.out || positionals.length > 0) throw new CliError('USAGE', '需要 --out DIR / --out DIR is required');
    const out = resolve(io.cwd, o.out);
    const fixtures = await readDemoFixtures();
    const pki = await openPki(io, o['data-dir']);
    io.stdout(`内置 PKI / built-in PKI: ${pkiDir(io, o['data-dir'])}\n`);
    const r = await runDemo(pki, fixtures, out, (line) => io.stdout(`${line}\n`));
    io.stdout(
      [
        '',
        `已写出 / wrote (${o.out}):`,
        `  signed.pdf      已签署同意书 / signed consent (PAdES B-LTA)`,
        `  evidence.zip    证据包 / evidence bundle ${r.bundleId} (log leaf ${r.leafIndex})`,
        `  report.pdf      出证报告（已封印）/ court report (sealed B-LTA)`,
        `  escrow-key.pem  演示托管私钥，仅供演示 / DEMO escrow key — demo only, never for patient data`,
        `  escrow-cert.pem, root.pem, log-key.pem, consent.pdf (unsigned original)`,
        `验证 / verify: ${r.valid ? 'VALID' : 'NOT VALID'} (${r.steps.join(', ')})`,
        `  inkproof bundle verify ${o.out}/evidence.zip --escrow-key ${o.out}/escrow-key.pem --trust ${o.out}/root.pem --log-key ${o.out}/log-key.pem`,
        `  inkproof verify ${o.out}/signed.pdf --trust ${o.out}/root.pem`,
        '',
      ].join('\n'),
    );
    return r.valid ? 0 : 1;
  },
};
