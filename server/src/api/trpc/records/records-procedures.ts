import { compareSignatures } from './compare-signatures';
import { decryptEvidenceItem } from './decrypt-evidence-item';
import { getSigning } from './get-signing';
import { listAuditTrail } from './list-audit-trail';
import { searchSignings } from './search-signings';
import { verifySigning } from './verify-signing';

/** Every records procedure, spread into `records: router({...})` in router.ts. */
export const recordsProcedures = {
  searchSignings,
  getSigning,
  verifySigning,
  decryptEvidenceItem,
  listAuditTrail,
  compareSignatures,
};
