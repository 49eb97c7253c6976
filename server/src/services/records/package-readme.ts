export interface PackageReadmeInput {
  envelopeId: string;
  generatedAt: string;
  pdfs: { path: string; sha256: string }[];
  bundles: { path: string; sha256: string }[];
  hasCourtReport: boolean;
}

/**
 * README of the evidence package: what each file is and how to check it without inkproof (openssl for the CMS seal,
 * RFC 5652 §5.6; pdfsig with an NSS database for the PAdES signatures, ETSI EN 319 142-1). zh-CN first.
 */
export function packageReadme(input: PackageReadmeInput): string {
  const files = [
    ...input.pdfs.map((p) => `- \`${p.path}\`  SHA-256 ${p.sha256}`),
    ...input.bundles.map((b) => `- \`${b.path}\`  SHA-256 ${b.sha256}`),
  ].join('\n');
  const pdf = input.pdfs[0]?.path ?? 'documents/<file>.pdf';
  const bundle = input.bundles[0]?.path ?? 'bundles/<file>.zip';
  return `# 电子签署证据包 / Evidence package

签署 / Signing: ${input.envelopeId}
生成时间 / Generated: ${input.generatedAt}

## 内容 / Contents

${files}
- \`certs/*.pem\` 根证书与中间证书 / root and issuing certificates (root.pem is the trust anchor)
- \`verification-report.json\` 导出时的验证结果 / verification results at export time
${input.hasCourtReport ? '- `court-report.pdf` 出证报告 / court report\n' : ''}
## 独立验证 / Independent verification

### 1. 文件完整性 / File integrity

    sha256sum ${pdf} ${bundle}

与上面列出的 SHA-256 比对。 / Compare with the SHA-256 values above.

### 2. PDF 签名（pdfsig + NSS 证书库）/ PDF signatures (pdfsig with an NSS database)

    mkdir nssdb && certutil -N -d sql:nssdb --empty-password
    certutil -A -d sql:nssdb -n inkproof-root -t CT,C,C -i certs/root.pem
    pdfsig -nssdir sql:nssdb ${pdf}

每个签名应显示 "Signature is Valid" 与 "Certificate is Trusted"。
Every signature should read "Signature is Valid" and "Certificate is Trusted".

### 3. 证据包封印（openssl cms）/ Evidence bundle seal (openssl cms)

    mkdir bundle && cd bundle && unzip ../${bundle} && cd ..
    openssl cms -verify -binary -inform DER -in bundle/seal/manifest.p7s \\
      -content bundle/manifest.json -CAfile certs/root.pem -purpose any -out /dev/null

应输出 "Verification successful"（CMS 分离签名覆盖 manifest.json 的原始字节）。
Expect "Verification successful" (a detached CMS signature over the exact manifest.json bytes).

### 4. 封印时间戳（openssl ts）/ Seal time-stamp (openssl ts)

封印的 signature-time-stamp 属性（RFC 3161）可用 openssl 导出后验证：
The seal's signature-time-stamp attribute (RFC 3161) can be extracted and checked:

    openssl cms -cmsout -print -inform DER -in bundle/seal/manifest.p7s | grep -A2 id-smime-aa-timeStampToken
    # 将令牌保存为 token.der 后 / with the token saved as token.der:
    openssl ts -verify -in token.der -token_in -data <signature-value.bin> -CAfile certs/root.pem

### 5. 完整验证（inkproof 命令行）/ Full check (inkproof CLI)

    inkproof verify ${pdf} --trust certs/root.pem
    inkproof verify ${bundle} --trust certs/root.pem --json

证据包中的照片、身份证、指纹为加密项，仅托管私钥持有人可解密。
Photos, ID-card images and fingerprints inside the bundle are encrypted to the escrow key holder.
`;
}
