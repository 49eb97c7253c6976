import { PDFRef as LibRef, PDFDocument, type PDFFont, type PDFName, type PDFObject } from 'pdf-lib';
import { loadCjkFont } from '../consent/load-cjk-font.js';
import { PdfError } from '../errors.js';
import type { UpdateObject } from '../write/incremental-update.js';
import { cachedFontkit } from './cached-fontkit.js';
import { type InkStrokes, inkOutlinePath } from './ink-outline-path.js';

/** What a visible signature shows (21 CFR 11.50-style manifestation: who, when, and what the signature means). */
export interface SignatureAppearance {
  strokes?: InkStrokes;
  /** Printed name of the signer. */
  name: string;
  /** Meaning, e.g. "患者本人签名" or "监护人签名（关系：女儿）". */
  meaning: string;
  signedAt: Date;
  /** IANA zone used to print the date (default Asia/Shanghai). */
  timeZone?: string;
  /** PNG or JPEG bytes of a fingerprint. */
  fingerprint?: Uint8Array;
  /** sfnt bytes of a TrueType-outline CJK font; defaults to WenQuanYi Zen Hei face 0. */
  font?: Uint8Array;
}

export interface AppearanceObjects {
  /** Object number of the /AP /N form XObject. */
  apNum: number;
  objects: UpdateObject[];
  /** First object number not used by the appearance. */
  nextNum: number;
}

/**
 * Builds the appearance form XObject (ISO 32000-1 §12.7.4.5, §8.10) with pdf-lib in a scratch document whose
 * object numbers start at `firstNum`, so its objects can be appended to the target file unchanged.
 */
export async function buildAppearance(
  firstNum: number,
  width: number,
  height: number,
  look: SignatureAppearance,
): Promise<AppearanceObjects> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachedFontkit);
  doc.context.largestObjectNumber = firstNum - 1;
  let font: PDFFont;
  try {
    font = await doc.embedFont(look.font ?? (await loadCjkFont()), { subset: true });
  } catch (e) {
    throw new PdfError('FONT_UNAVAILABLE', String(e), { cause: e });
  }
  const textH = Math.min(height * 0.34, 30);
  const fp = look.fingerprint ? await embedImage(doc, look.fingerprint) : undefined;
  const fpW = fp ? Math.min(height, width * 0.3) : 0;
  const ops: string[] = ['q'];
  const ink = look.strokes
    ? inkOutlinePath(look.strokes, { x: 0, y: textH, width: width - fpW, height: height - textH })
    : '';
  if (ink) ops.push('0.05 0.1 0.45 rg', ink, 'f');
  if (fp) ops.push('q', `${fpW - 4} 0 0 ${fpW - 4} ${width - fpW + 2} ${height - fpW + 2} cm`, '/Fp Do', 'Q');
  const line = textH / 2;
  const size = Math.max(4, Math.min(line * 0.8, 10));
  const when = formatDate(look.signedAt, look.timeZone ?? 'Asia/Shanghai');
  ops.push('0 0 0 rg', 'BT');
  ops.push(...textOps(font, look.meaning, 2, line + (line - size) / 2 + 1, size, width - 4));
  ops.push(...textOps(font, `${look.name}  ${when}`, 2, (line - size) / 2 + 1, size, width - 4));
  ops.push('ET', 'Q');
  const resources = doc.context.obj({
    Font: { F1: font.ref },
    ...(fp ? { XObject: { Fp: fp } } : {}),
  });
  const stream = doc.context.stream(ops.join('\n'), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Resources: resources,
  });
  const apRef = doc.context.register(stream);
  await doc.flush();
  const objects = collect(doc, apRef, firstNum);
  return { apNum: apRef.objectNumber, objects, nextNum: doc.context.largestObjectNumber + 1 };
}

function textOps(font: PDFFont, text: string, x: number, y: number, size: number, maxWidth: number): string[] {
  const w = font.widthOfTextAtSize(text, size);
  const s = w > maxWidth ? (size * maxWidth) / w : size;
  return [`/F1 ${s.toFixed(2)} Tf`, `1 0 0 1 ${x} ${y.toFixed(2)} Tm`, `${font.encodeText(text).toString()} Tj`];
}

async function embedImage(doc: PDFDocument, bytes: Uint8Array): Promise<LibRef> {
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50;
  const img = isPng ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
  return img.ref;
}

/** Serialises every object reachable from `root` that the scratch document created (numbers ≥ firstNum). */
function collect(doc: PDFDocument, root: LibRef, firstNum: number): UpdateObject[] {
  const out: UpdateObject[] = [];
  const seen = new Set<number>();
  const visit = (obj: PDFObject | undefined): void => {
    if (!obj) return;
    if (obj instanceof LibRef) {
      if (obj.objectNumber < firstNum || seen.has(obj.objectNumber)) return;
      seen.add(obj.objectNumber);
      const target = doc.context.lookup(obj);
      if (!target) return;
      const raw = new Uint8Array(target.sizeInBytes());
      target.copyBytesInto(raw, 0);
      out.push({ num: obj.objectNumber, raw });
      visit(target);
      return;
    }
    const anyObj = obj as unknown as {
      dict?: unknown;
      asArray?: () => PDFObject[];
      entries?: () => [PDFName, PDFObject][];
    };
    if (typeof anyObj.asArray === 'function') for (const v of anyObj.asArray()) visit(v);
    if (typeof anyObj.entries === 'function') for (const [, v] of anyObj.entries()) visit(v);
    if (anyObj.dict) visit(anyObj.dict as PDFObject);
  };
  visit(root);
  return out.sort((a, b) => a.num - b.num);
}

function formatDate(d: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZoneName: 'shortOffset',
  }).formatToParts(d);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')} ${get('timeZoneName')}`;
}
