/** Every failure @inkproof/pdf throws carries one of these codes; callers and tests switch on the code. */
export type PdfErrorCode =
  | 'MALFORMED_PDF'
  | 'XREF_NOT_FOUND'
  | 'ENCRYPTED_PDF'
  | 'OBJECT_NOT_FOUND'
  | 'INVALID_PAGE_TREE'
  | 'PAGE_NOT_FOUND'
  | 'FIELD_NOT_FOUND'
  | 'FIELD_ALREADY_SIGNED'
  | 'FIELD_NOT_SIGNATURE'
  | 'PLACEHOLDER_TOO_SMALL'
  | 'NOT_LTA'
  | 'FONT_UNAVAILABLE'
  | 'INVALID_ARGUMENT'
  | 'SIGNING_FAILED';

const MESSAGES: Record<PdfErrorCode, string> = {
  MALFORMED_PDF: 'PDF 文件结构损坏 / The PDF structure is malformed',
  XREF_NOT_FOUND: '找不到交叉引用表，文件无法安全追加签名 / The cross-reference table cannot be located',
  ENCRYPTED_PDF: '不支持加密的 PDF，请先解密 / Encrypted PDFs are not supported; decrypt the file first',
  OBJECT_NOT_FOUND: 'PDF 对象不存在 / A referenced PDF object does not exist',
  INVALID_PAGE_TREE: '页面树无效 / The page tree is invalid',
  PAGE_NOT_FOUND: '页码超出范围 / The page number is out of range',
  FIELD_NOT_FOUND: '找不到签名域 / The signature field does not exist',
  FIELD_ALREADY_SIGNED: '该签名域已签名 / The signature field is already signed',
  FIELD_NOT_SIGNATURE: '该表单域不是签名域 / The form field is not a signature field',
  PLACEHOLDER_TOO_SMALL: '签名占位空间不足 / The signature placeholder is too small',
  NOT_LTA: '文件不是 PAdES B-LTA，无法追加存档时间戳 / The file is not PAdES B-LTA',
  FONT_UNAVAILABLE: '无法加载中文字体 / The CJK font cannot be loaded',
  INVALID_ARGUMENT: '参数无效 / Invalid argument',
  SIGNING_FAILED: '签名失败 / Signing failed',
};

export class PdfError extends Error {
  override readonly name = 'PdfError';
  readonly code: PdfErrorCode;
  constructor(code: PdfErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${MESSAGES[code]}: ${detail}` : MESSAGES[code], options);
    this.code = code;
  }
}

export function isPdfError(e: unknown, code?: PdfErrorCode): e is PdfError {
  return e instanceof PdfError && (code === undefined || e.code === code);
}
