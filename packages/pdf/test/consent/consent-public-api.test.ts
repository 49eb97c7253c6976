import { expect, it } from 'vitest';
import * as consent from '../../src/consent/index.js';

it('pins the public surface of the consent module', () => {
  expect(Object.keys(consent).sort()).toEqual(
    [
      'CONSENT_SIGNER_ROLES',
      'CONSENT_TEMPLATE_FORMAT',
      'CONSENT_TEMPLATE_KINDS',
      'ConsentError',
      'DEFAULT_CJK_FONT_PATH',
      'ZConsentFormDataSchema',
      'ZConsentTemplateSchema',
      'builtinTemplates',
      'clearCjkFontCache',
      'collectConsentDataIssues',
      'countTtcFaces',
      'displayValues',
      'extractTtcFace',
      'fillPlaceholders',
      'findBuiltinTemplate',
      'isConsentError',
      'listPlaceholders',
      'loadCjkFont',
      'parseConsentTemplate',
      'qrModulesPath',
      'renderConsentPdf',
      'renderConsentText',
      'signatureFieldName',
      'validateConsentData',
    ].sort(),
  );
});
