import { beforeAll, describe, expect, it } from 'vitest';
import { findBuiltinTemplate, renderConsentPdf } from '../../src/consent/index.js';
import { createPkiFixture, type PkiFixture } from '../support/pki-fixture.js';
import { createNssDb, pdfsig } from '../support/tools.js';
import { qpdfCheck, writeTempPdf } from './pdf-tools.js';
import { SAMPLE_DATA } from './sample-data.js';

// End to end with the package's own signer: the rendered form's empty /Sig fields are filled by name, as
// incremental updates, and poppler validates both signatures.
describe('signing into a rendered consent form', () => {
  let fx: PkiFixture;
  let nss: string;
  beforeAll(async () => {
    fx = await createPkiFixture();
    nss = createNssDb(fx.rootPemPath);
  });

  it('signs sig_patient then sig_doctor by name; pdfsig reports both valid', async () => {
    const t = findBuiltinTemplate('surgery-consent')!;
    const { pdf } = await renderConsentPdf(t, SAMPLE_DATA[t.key], { hospitalName: '示范市第一人民医院' });
    const once = await fx.sign(pdf, 'B-B', { placement: { field: 'sig_patient' }, role: 'patient' });
    const twice = await fx.sign(once, 'B-B', { placement: { field: 'sig_doctor' }, role: 'doctor' });
    expect(Buffer.from(twice.subarray(0, pdf.byteLength)).equals(Buffer.from(pdf))).toBe(true);

    const entries = pdfsig(twice, nss);
    const byField = Object.fromEntries(entries.map((e) => [e.field, e]));
    for (const name of ['sig_patient', 'sig_doctor']) {
      expect(byField[name]?.signature).toBe('Signature is Valid.');
      expect(byField[name]?.certificate).toBe('Certificate is Trusted.');
    }
    // The other consenter fields stay empty and available.
    expect(byField.sig_guardian?.signature).toBe('');
    expect(byField.sig_agent?.signature).toBe('');
    expect(qpdfCheck(writeTempPdf(twice)).ok).toBe(true);
  });
});
