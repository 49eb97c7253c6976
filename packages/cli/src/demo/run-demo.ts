import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildEvidenceBundle,
  describeEvidence,
  MemoryTreeStore,
  renderCourtReport,
  sealCourtReport,
  TransparencyLog,
  verifyEvidenceBundle,
} from '@inkproof/evidence';
import { findBuiltinTemplate, pdfVerifierFor, renderConsentPdf, signPdf } from '@inkproof/pdf';
import type { BuiltinPki } from '@inkproof/pki';
import { CliError } from '../cli-error.js';
import { signerMeaning } from '../signer-meaning.js';
import { createDemoEscrowKey } from './create-demo-escrow-key.js';
import { appearanceStrokes, demoEvidenceCore } from './demo-evidence.js';
import type { DemoFixtures } from './read-demo-fixtures.js';

export interface DemoResult {
  files: Record<'signed' | 'evidence' | 'report' | 'escrowKey' | 'escrowCert' | 'root' | 'logKey' | 'consent', string>;
  bundleId: string;
  leafIndex: number;
  valid: boolean;
  steps: string[];
}

const pem = (label: string, der: Uint8Array) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der)
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END ${label}-----\n`;

/**
 * One complete signing without a server, as the sealing job does it (server/src/services/sealing): render the
 * consent form, fix the evidence digest, issue a one-time event certificate bound to it, sign PAdES B-LTA into the
 * patient's field with the handwriting, destroy the key, seal the bundle into a fresh in-memory transparency log,
 * verify it, and render + seal the court report.
 */
export async function runDemo(
  pki: BuiltinPki,
  f: DemoFixtures,
  out: string,
  log: (line: string) => void,
): Promise<DemoResult> {
  const template = findBuiltinTemplate(f.sitting.templateKey);
  if (!template) throw new CliError('INPUT_NOT_FOUND', `未知模板 / unknown template ${f.sitting.templateKey}`);
  const now = new Date();
  const envelopeId = randomUUID();
  const consent = await renderConsentPdf(template, f.sitting.formData, {
    hospitalName: f.sitting.hospitalName,
    documentId: envelopeId.slice(0, 8).toUpperCase(),
    createdAt: now,
  });
  const field = consent.signatureFields.find((s) => s.role === f.sitting.signer.role);
  if (!field)
    throw new CliError('UNSUPPORTED', `模板缺少签名域 / template has no ${f.sitting.signer.role} signature field`);
  log(`1. 渲染同意书 / rendered ${template.title.zh} (${consent.pageCount} pages, field ${field.name})`);

  const docId = template.key;
  const core = demoEvidenceCore(
    f,
    template,
    { id: docId, pdf: consent.pdf, pageCount: consent.pageCount },
    now,
    randomBytes(16),
  );
  const { evidenceDigest } = describeEvidence(core);
  const credential = await pki.issueEventCertificate({
    name: f.sitting.signer.name,
    role: f.sitting.signer.role,
    ...(f.sitting.signer.relationship ? { relationship: f.sitting.signer.relationship } : {}),
    idNumberHash: core.claims.idNumberHash,
    evidenceDigest: new Uint8Array(Buffer.from(evidenceDigest, 'hex')),
  });
  log(`2. 事件证书 / event certificate bound to evidence digest ${evidenceDigest.slice(0, 16)}…`);
  const meaning = signerMeaning(f.sitting.signer.role, f.sitting.signer.relationship);
  let signed: Uint8Array;
  try {
    signed = await signPdf(consent.pdf, {
      signer: credential.signer,
      certificate: credential.certificate,
      chain: credential.chain,
      level: 'B-LTA',
      tsa: pki.tsa,
      revocation: (certs) => pki.revocationData(certs),
      placement: { field: field.name },
      appearance: { strokes: appearanceStrokes(f.ink), name: f.sitting.signer.name, meaning, signedAt: now },
      signingTime: now,
      signerName: f.sitting.signer.name,
      reason: meaning,
      location: f.sitting.hospitalName,
    });
  } finally {
    // One key, one sitting: destroyed whether or not signing succeeded.
    await credential.destroy();
  }
  log('3. PAdES B-LTA 签名（含手写外观），事件私钥已销毁 / signed B-LTA with the handwriting; event key destroyed');

  const escrow = await createDemoEscrowKey(now);
  const logKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const tlog = new TransparencyLog({
    store: new MemoryTreeStore(),
    signer: logKey.privateKey,
    publicKey: logKey.publicKey,
    tsa: pki.tsa,
  });
  const bundleId = randomUUID();
  const bundle = await buildEvidenceBundle({
    ...core,
    bundleId,
    envelopeId,
    signerId: randomUUID(),
    documents: [{ id: docId, title: template.title.zh, before: consent.pdf, signed }],
    eventCertificate: credential.certificate,
    escrowCertificate: escrow.certificate,
    seal: { ...pki.evidenceSeal, tsa: pki.tsa },
    log: tlog,
  });
  log(`4. 证据包已封印并记入透明日志 / bundle sealed, log leaf ${bundle.logEntry.leafIndex}`);

  const logKeyDer = new Uint8Array(logKey.publicKey.export({ format: 'der', type: 'spki' }));
  const trustAnchors = [pki.rootCertificate];
  const report = await verifyEvidenceBundle(bundle.zip, {
    trustAnchors,
    pdfVerifier: pdfVerifierFor(trustAnchors),
    escrowKey: escrow.keyPem,
    trustedLogKeys: [logKeyDer],
  });
  const reportPdf = await sealCourtReport(
    await renderCourtReport({
      zip: bundle.zip,
      report,
      escrowKey: escrow.keyPem,
      hospitalName: f.sitting.hospitalName,
      trustAnchors,
    }),
    { ...pki.evidenceSeal, tsa: pki.tsa, revocation: (certs) => pki.revocationData(certs) },
  );
  log(
    `5. 出证报告已生成并封印 / court report rendered and sealed (B-LTA); bundle ${report.valid ? 'VALID' : 'NOT VALID'}`,
  );

  await mkdir(out, { recursive: true });
  const files: DemoResult['files'] = {
    consent: join(out, 'consent.pdf'),
    signed: join(out, 'signed.pdf'),
    evidence: join(out, 'evidence.zip'),
    report: join(out, 'report.pdf'),
    escrowKey: join(out, 'escrow-key.pem'),
    escrowCert: join(out, 'escrow-cert.pem'),
    root: join(out, 'root.pem'),
    logKey: join(out, 'log-key.pem'),
  };
  await writeFile(files.consent, consent.pdf);
  await writeFile(files.signed, signed);
  await writeFile(files.evidence, bundle.zip);
  await writeFile(files.report, reportPdf);
  await writeFile(files.escrowKey, escrow.keyPem, { mode: 0o600 });
  await writeFile(files.escrowCert, escrow.certificatePem);
  await writeFile(files.root, pki.rootPem);
  await writeFile(files.logKey, pem('PUBLIC KEY', logKeyDer));
  return {
    files,
    bundleId,
    leafIndex: bundle.logEntry.leafIndex,
    valid: report.valid,
    steps: report.steps.map((s) => `${s.step}:${s.status}`),
  };
}
