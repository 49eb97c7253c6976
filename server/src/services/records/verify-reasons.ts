/** Readable zh-CN / English explanations of the engines' finding codes, for the public verify page. */
const REASONS: Record<string, [string, string]> = {
  UNREADABLE: ['文件无法解析为 PDF。', 'The file cannot be read as a PDF.'],
  NO_SIGNATURES: ['文件中没有电子签名。', 'The file contains no electronic signature.'],
  DIGEST_MISMATCH: [
    '签名后文件内容被修改：签名所覆盖字节的摘要与签名记录的摘要不一致。',
    'The file was changed after signing: the digest of the signed bytes does not match the signature.',
  ],
  SIGNATURE_INVALID: ['签名值校验失败。', 'The signature value does not verify.'],
  CMS_INVALID: ['签名数据结构损坏。', 'The signature container (CMS) is damaged.'],
  BYTE_RANGE_INVALID: ['签名覆盖范围无效。', 'The signed byte range is invalid.'],
  COVERAGE_GAP: ['签名未覆盖文件的全部内容。', 'The signature does not cover the whole file.'],
  COVERAGE_PARTIAL: ['签名只覆盖文件的一部分。', 'The signature covers only part of the file.'],
  TRAILING_BYTES: ['签名后文件末尾被追加了未签名的数据。', 'Unsigned data was appended after the signed revisions.'],
  CHAIN_INVALID: ['签名证书无法链接到受信任的根证书。', 'The signer certificate does not chain to a trusted root.'],
  CERT_EXPIRED: ['签名时证书已过期。', 'The certificate had expired at signing time.'],
  CERT_NOT_YET_VALID: ['签名时证书尚未生效。', 'The certificate was not yet valid at signing time.'],
  CERT_REVOKED: ['签名证书已被吊销。', 'The signer certificate is revoked.'],
  REVOCATION_UNKNOWN: ['无法确定证书吊销状态。', 'The revocation status could not be determined.'],
  TIMESTAMP_INVALID: ['时间戳无效。', 'The time-stamp is invalid.'],
  SIGNATURE_REMOVED: ['后续修订删除了签名。', 'A later revision removed a signature.'],
  DOCMDP_VIOLATION: ['签名后进行了不允许的修改。', 'The document was modified in a way the signature forbids.'],
  FIELDMDP_VIOLATION: ['签名后锁定的表单字段被修改。', 'A field locked by the signature was changed.'],
  SIGNATURE_CHANGED: ['后续修订替换了签名。', 'A later revision replaced a signature.'],
  REVISION_PAGE_CONTENT_CHANGED: [
    '签名后页面内容被修改（增量更新覆盖了已签名内容）。',
    'Page content was changed after signing (an incremental update overrides signed content).',
  ],
  REVISION_PAGE_CHANGED: ['签名后页面被修改。', 'A page was changed after signing.'],
  REVISION_ANNOTATION_ADDED: ['签名后添加了批注或图层。', 'An annotation was added after signing.'],
  REVISION_ANNOTATION_REMOVED: ['签名后删除了批注。', 'An annotation was removed after signing.'],
  REVISION_FIELD_ADDED: ['签名后添加了表单字段。', 'A form field was added after signing.'],
  REVISION_FIELD_REMOVED: ['签名后删除了表单字段。', 'A form field was removed after signing.'],
  REVISION_FORM_CHANGED: ['签名后表单被修改。', 'The form was changed after signing.'],
  REVISION_CATALOG_CHANGED: ['签名后文档结构被修改。', 'The document catalog was changed after signing.'],
  REVISION_OBJECT_REPLACED: [
    '签名后有对象被替换（可能是影子攻击）。',
    'An object was replaced after signing (possible shadow attack).',
  ],
  REVISION_OBJECT_REMOVED: ['签名后有对象被删除。', 'An object was removed after signing.'],
  REVISION_SHARED_APPEARANCE: ['签名外观被共享或替换。', 'A signature appearance is shared or swapped.'],
  CONTAINER_NOT_ZIP: ['证据包不是有效的 ZIP 文件。', 'The evidence bundle is not a valid ZIP file.'],
  ITEM_DIGEST_MISMATCH: ['证据项内容与清单记录的摘要不一致。', 'An evidence item does not match its recorded digest.'],
  SEAL_INVALID: ['证据包封印签名无效。', 'The evidence bundle seal does not verify.'],
  SEAL_MISSING: ['证据包缺少封印。', 'The evidence bundle has no seal.'],
  DOCUMENT_DIGEST_MISMATCH: ['证据包中的文书与清单不一致。', 'A document in the bundle does not match the manifest.'],
  DOCUMENT_SIGNATURE_INVALID: ['证据包中的文书签名无效。', 'A document in the bundle fails verification.'],
  LOG_INCLUSION_INVALID: ['透明日志包含证明无效。', 'The transparency-log inclusion proof is invalid.'],
  LOG_KEY_UNTRUSTED: ['透明日志签名密钥不受信任。', 'The transparency-log key is not trusted.'],
  EVENT_DIGEST_MISMATCH: [
    '事件证书绑定的证据摘要与证据包不一致。',
    'The event certificate is bound to different evidence.',
  ],
  TOO_LARGE: ['文件超过大小限制。', 'The file exceeds the size limit.'],
  UNSUPPORTED_FILE: ['仅支持 PDF 或证据包（ZIP）。', 'Only PDF files and evidence bundles (ZIP) are supported.'],
};

export interface Reason {
  code: string;
  zh: string;
  en: string;
  /** The engine's own wording, for experts. */
  detail?: string;
}

export function reasonOf(code: string, detail?: string): Reason {
  const known = REASONS[code];
  return {
    code,
    zh: known?.[0] ?? detail ?? code,
    en: known?.[1] ?? detail ?? code,
    ...(detail ? { detail } : {}),
  };
}
