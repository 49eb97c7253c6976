import type { SignatureEntry } from '../core/list-signatures.js';
import type { PdfFile } from '../core/pdf-file.js';
import type { Coverage, PdfIssue } from './report.js';

export interface CoverageResult {
  coverage: Coverage;
  /** Revision whose end the signed data reaches (or the revision holding its end for partial coverage). */
  revision: number;
  /** The signed bytes (concatenated ranges), when the byte range is usable at all. */
  signedData?: Uint8Array;
  issues: PdfIssue[];
}

const isHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/**
 * ISO 32000-1 §12.8.1 / ETSI EN 319 142-1 §5.1: /ByteRange must be [0 a b c], the gap [a, b) must be exactly the
 * /Contents hex string, and b + c must end a revision (ENTIRE_REVISION) or the file (ENTIRE_FILE). Anything else
 * leaves bytes unsigned and is reported.
 */
export function checkCoverage(file: PdfFile, sig: SignatureEntry): CoverageResult {
  const bytes = file.bytes;
  const br = sig.byteRange;
  const issues: PdfIssue[] = [];
  const lastRev = file.revisions.length - 1;
  if (!br || br.length % 2 !== 0 || br.length === 0 || br.some((n) => !Number.isInteger(n) || n < 0)) {
    return {
      coverage: 'UNCLEAR',
      revision: lastRev,
      issues: [{ code: 'BYTE_RANGE_INVALID', message: 'malformed /ByteRange' }],
    };
  }
  const end = br[br.length - 2]! + br[br.length - 1]!;
  if (end > bytes.length) {
    return {
      coverage: 'UNCLEAR',
      revision: lastRev,
      issues: [{ code: 'BYTE_RANGE_INVALID', message: '/ByteRange beyond end of file' }],
    };
  }
  const parts: Uint8Array[] = [];
  for (let i = 0; i < br.length; i += 2) parts.push(bytes.subarray(br[i]!, br[i]! + br[i + 1]!));
  const signedData = Buffer.concat(parts);
  const revIndex = file.revisions.findIndex((r) => r.end === end);
  const holding =
    revIndex >= 0
      ? revIndex
      : Math.max(
          0,
          file.revisions.findIndex((r) => r.end >= end),
        );
  if (br.length !== 4 || br[0] !== 0) {
    issues.push({ code: 'BYTE_RANGE_INVALID', message: `/ByteRange must be [0 a b c], got [${br.join(' ')}]` });
    return { coverage: 'UNCLEAR', revision: holding, signedData, issues };
  }
  const [, a, b] = br as [number, number, number, number];
  const gapOk =
    b > a + 1 &&
    bytes[a] === 0x3c &&
    bytes[b - 1] === 0x3e &&
    (b - a - 2) % 2 === 0 &&
    (b - a - 2) / 2 === sig.contents.length;
  let allHex = gapOk;
  for (let i = a + 1; allHex && i < b - 1; i++) allHex = isHex(bytes[i]!);
  if (!allHex) {
    issues.push({ code: 'COVERAGE_GAP', message: `the unsigned gap [${a}, ${b}) is not exactly the /Contents string` });
    return { coverage: 'UNCLEAR', revision: holding, signedData, issues };
  }
  if (end === bytes.length) return { coverage: 'ENTIRE_FILE', revision: lastRev, signedData, issues };
  if (revIndex >= 0) return { coverage: 'ENTIRE_REVISION', revision: revIndex, signedData, issues };
  issues.push({ code: 'COVERAGE_PARTIAL', message: `signed data ends at ${end}, not at the end of a revision` });
  return { coverage: 'CONTIGUOUS_BLOCK_FROM_START', revision: holding, signedData, issues };
}
