import { deepEqual } from '../core/deep-equal.js';
import { fieldWidgets, listFields } from '../core/form-fields.js';
import type { SignatureEntry } from '../core/list-signatures.js';
import { isName, PdfString } from '../core/objects.js';
import type { PdfFile } from '../core/pdf-file.js';
import type { PdfIssue } from './report.js';

/** The FieldMDP lock of a signature (ISO 32000-1 §12.8.2.4, Table 256): which fields it freezes. */
export function fieldMdpLock(file: PdfFile, sig: SignatureEntry): ((name: string) => boolean) | undefined {
  const refs = file.resolve(sig.dict.get('Reference'));
  if (!Array.isArray(refs)) return undefined;
  for (const item of refs) {
    const ref = file.resolveDict(item);
    if (!ref || !isName(file.resolve(ref.get('TransformMethod')), 'FieldMDP')) continue;
    const params = file.resolveDict(ref.get('TransformParams'));
    const action = file.resolve(params?.get('Action'));
    const list = file.resolve(params?.get('Fields'));
    const names = new Set(
      (Array.isArray(list) ? list : [])
        .map((f) => file.resolve(f))
        .flatMap((f) => (f instanceof PdfString ? [f.toText()] : [])),
    );
    if (isName(action, 'All')) return () => true;
    if (isName(action, 'Include')) return (n) => names.has(n);
    if (isName(action, 'Exclude')) return (n) => !names.has(n);
  }
  return undefined;
}

/** Fields whose field or widget objects revision `rev` redefines with different content. */
function touchedFields(file: PdfFile, rev: number): string[] {
  const byNum = new Map<number, string>();
  for (const f of listFields(file, rev - 1)) {
    byNum.set(f.ref.num, f.fullName);
    for (const w of fieldWidgets(file, f, rev - 1)) byNum.set(w.num, f.fullName);
  }
  const out = new Set<string>();
  for (const n of file.revisions[rev]!.entries.keys()) {
    const name = byNum.get(n);
    if (name !== undefined && !deepEqual(file.getObject(n, rev - 1), file.getObject(n, rev))) out.add(name);
  }
  return [...out];
}

/** FIELDMDP_VIOLATION for every locked field a later revision changes. */
export function checkFieldLocks(file: PdfFile, sig: SignatureEntry, signedRevision: number): PdfIssue[] {
  const locked = fieldMdpLock(file, sig);
  if (!locked) return [];
  const issues: PdfIssue[] = [];
  for (let rev = signedRevision + 1; rev < file.revisions.length; rev++) {
    for (const name of touchedFields(file, rev)) {
      if (name !== sig.fieldName && locked(name)) {
        issues.push({
          code: 'FIELDMDP_VIOLATION',
          message: `field "${name}" is locked by this signature`,
          revision: rev,
        });
      }
    }
  }
  return issues;
}
