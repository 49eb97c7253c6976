// Public surface of the consent-form module (re-exported by @inkproof/pdf).
export { builtinTemplates, findBuiltinTemplate } from './builtin-templates.js';
export { ConsentError, isConsentError, type TConsentErrorCode, type TConsentIssue } from './consent-error.js';
export { displayValues } from './display-values.js';
export { qrModulesPath, type TVerificationMark } from './draw-verification-mark.js';
export { countTtcFaces, extractTtcFace } from './extract-ttc-face.js';
export { fillPlaceholders, listPlaceholders } from './list-placeholders.js';
export { clearCjkFontCache, DEFAULT_CJK_FONT_PATH, loadCjkFont } from './load-cjk-font.js';
export { parseConsentTemplate } from './parse-consent-template.js';
export {
  renderConsentPdf,
  type TRenderConsentOptions,
  type TRenderedConsent,
  type TRenderedSignatureField,
} from './render-consent-pdf.js';
export { renderConsentText, type TRenderConsentTextOptions } from './render-consent-text.js';
export {
  CONSENT_SIGNER_ROLES,
  CONSENT_TEMPLATE_FORMAT,
  CONSENT_TEMPLATE_KINDS,
  signatureFieldName,
  type TConsentField,
  type TConsentFormData,
  type TConsentSection,
  type TConsentSigner,
  type TConsentSignerRole,
  type TConsentTemplate,
  type TConsentTemplateKind,
  type TPdfRect,
  type TSignatureFieldDef,
  ZConsentFormDataSchema,
  ZConsentTemplateSchema,
} from './template-schema.js';
export {
  collectConsentDataIssues,
  type TValidateConsentDataOptions,
  validateConsentData,
} from './validate-consent-data.js';
