import type { TManifest } from '../manifest/manifest-schema.js';

export interface VerificationCommand {
  /** What the command proves (zh / en). */
  purpose: string;
  lines: string[];
}

/**
 * Commands an expert runs on their own machine with stock tools (OpenSSL, poppler, NSS certutil, jq) to check
 * the bundle without trusting this software: the seal over the manifest (RFC 5652 detached CMS), the log head's
 * RFC 3161 token, each signed PDF (PAdES) and the escrowed items' plaintext digests.
 */
export function verificationCommands(manifest: TManifest | undefined, bundleFile = 'evidence.zip') {
  const docs = manifest?.documents.map((d) => d.path) ?? ['documents/<document>.pdf'];
  const encrypted = manifest?.items.find((i) => i.encrypted);
  const commands: VerificationCommand[] = [
    {
      purpose: '解包证据包 / unpack the bundle (a plain zip)',
      lines: [`unzip ${bundleFile} -d bundle`],
    },
    {
      purpose: '验证封印（清单的 CMS 签名）/ verify the seal over manifest.json',
      lines: [
        'openssl cms -verify -binary -inform DER -in bundle/seal/manifest.p7s -content bundle/manifest.json -CAfile root.pem -purpose any -out /dev/null',
      ],
    },
    {
      purpose: '验证日志树头的 RFC 3161 时间戳 / verify the log tree head time-stamp (openssl ts -verify)',
      lines: [
        'jq -r .treeHead.timestampToken bundle/seal/log.json | base64 -d > sth.tst',
        'D=$(jq -r .treeHead.signature bundle/seal/log.json | base64 -d | sha256sum | cut -c1-64)',
        'openssl ts -verify -token_in -in sth.tst -digest "$D" -CAfile root.pem',
      ],
    },
    {
      purpose: '清单摘要（透明日志叶子数据）/ manifest digest (the transparency-log leaf data)',
      lines: ['sha256sum bundle/manifest.json'],
    },
    {
      purpose: '用 NSS 数据库信任根证书后验证 PDF 签名 / PDF signatures with pdfsig (NSS db trusting the root)',
      lines: [
        'mkdir nssdb && certutil -N -d sql:nssdb --empty-password',
        'certutil -A -d sql:nssdb -n inkproof-root -t "CT,C,C" -i root.pem',
        ...docs.map((p) => `pdfsig -nssdir sql:nssdb bundle/${p}`),
        'pdfsig -nssdir sql:nssdb report.pdf',
      ],
    },
    {
      purpose: '完整流水线（含修订分析与日志证明）/ the whole pipeline incl. revision analysis and the log proof',
      lines: [
        `inkproof bundle verify ${bundleFile} --trust root.pem --log-key log-key.pem [--escrow-key escrow-key.pem]`,
        ...docs.map((p) => `inkproof verify bundle/${p} --trust root.pem`),
      ],
    },
  ];
  if (encrypted?.encryption) {
    commands.push({
      purpose: '托管密钥持有人解密并核对明文摘要 / escrow-key holder: decrypt an item and compare its digest',
      lines: [
        `openssl cms -decrypt -binary -inform DER -in bundle/${encrypted.path} -inkey escrow-key.pem | sha256sum`,
        `# ${encrypted.sha256}`,
      ],
    });
  }
  return commands;
}
