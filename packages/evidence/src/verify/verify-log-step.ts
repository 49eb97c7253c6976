import { verifyTimestampToken } from '@inkproof/pki';
import { MEMBER } from '../container/member-names.js';
import { hashLeaf } from '../merkle/hash.js';
import { parseLogEntryBytes } from '../merkle/log-entry.js';
import { logIdOf, treeHeadTimestampImprint, verifyTreeHeadSignature } from '../merkle/tree-head.js';
import { verifyInclusion } from '../merkle/verify-inclusion.js';
import { bytesEqual, fromBase64, sha256, toBase64 } from '../util/bytes.js';
import { carriedCertificates, findUnverifiableCertificates } from './seal-certificates.js';
import { StepRecorder } from './step-result.js';
import type { VerificationContext, VerificationStep } from './verification-report.js';

/**
 * Step 8: seal/log.json proves the manifest is in the transparency log — leaf = hashLeaf(SHA-256(manifest.json)),
 * RFC 9162 §2.1.3.2 inclusion against the signed tree head, head signature by the (pinned) log key, head timestamp.
 */
export async function verifyLogStep(ctx: VerificationContext): Promise<VerificationStep> {
  const r = new StepRecorder('log');
  const member = ctx.container!.member(MEMBER.log);
  if (!member) {
    r.fail({ code: 'LOG_ENTRY_INVALID', message: `${MEMBER.log} is missing`, member: MEMBER.log });
    return r.result();
  }
  try {
    const entry = parseLogEntryBytes(member.bytes);
    const leafHash = fromBase64(entry.leafHash);
    if (!bytesEqual(leafHash, hashLeaf(sha256(ctx.container!.manifestBytes)))) {
      r.fail({ code: 'LOG_LEAF_MISMATCH', message: 'the log entry is for another manifest', member: MEMBER.log });
    }
    const head = entry.treeHead;
    const logKey = fromBase64(entry.logPublicKey);
    try {
      verifyTreeHeadSignature(head, logKey);
    } catch (e) {
      r.fail({ code: 'LOG_TREE_HEAD_INVALID', message: (e as Error).message, member: MEMBER.log });
    }
    const pinned = ctx.options.trustedLogKeys;
    if (pinned && !pinned.some((k) => bytesEqual(logIdOf(k), fromBase64(head.logId)))) {
      r.fail({ code: 'LOG_KEY_UNTRUSTED', message: 'the tree head is not from a trusted log', member: MEMBER.log });
    }
    r.facts.logKeyPinned = pinned !== undefined;
    if (head.timestampToken) {
      const ts = await verifyTimestampToken(fromBase64(head.timestampToken), treeHeadTimestampImprint(head), {
        trustAnchors: ctx.options.trustAnchors,
      }).catch((e: unknown) => ({ valid: false, genTime: undefined, errors: [e] }));
      // As for the seal: spare certificates in the token must verify too.
      const token = fromBase64(head.timestampToken);
      const spare = ts.valid ? findUnverifiableCertificates(carriedCertificates(token), ctx.options.trustAnchors) : 0;
      if (!ts.valid || spare > 0) {
        r.fail({ code: 'LOG_TIMESTAMP_INVALID', message: 'tree head timestamp does not verify', member: MEMBER.log });
      } else if (ts.genTime) r.facts.treeHeadTimestamp = ts.genTime.toISOString();
    }
    try {
      verifyInclusion({
        leafIndex: entry.leafIndex,
        treeSize: head.treeSize,
        leafHash,
        proof: entry.inclusionProof.map(fromBase64),
        rootHash: fromBase64(head.rootHash),
      });
    } catch (e) {
      r.fail({ code: 'LOG_INCLUSION_INVALID', message: (e as Error).message, member: MEMBER.log });
    }
    r.facts.leafIndex = entry.leafIndex;
    r.facts.treeSize = head.treeSize;
    r.facts.rootHash = head.rootHash;
    r.facts.logId = toBase64(fromBase64(head.logId));
  } catch (e) {
    r.failWith(e, MEMBER.log);
  }
  return r.result();
}
