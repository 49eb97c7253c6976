import {
  CONSENT_TEMPLATE_FORMAT,
  type TConsentField,
  type TConsentSigner,
  type TSignatureFieldDef,
} from '../template-schema.js';

export { CONSENT_TEMPLATE_FORMAT };

/** Patient block shared by every built-in form (the patient info table). */
export const PATIENT_FIELDS: TConsentField[] = [
  {
    key: 'patientName',
    label: { zh: '姓名', en: 'Name' },
    type: 'text',
    required: true,
    group: 'patient',
    maxLength: 40,
  },
  {
    key: 'sex',
    label: { zh: '性别', en: 'Sex' },
    type: 'select',
    required: true,
    group: 'patient',
    options: [
      { value: 'male', label: { zh: '男', en: 'Male' } },
      { value: 'female', label: { zh: '女', en: 'Female' } },
    ],
  },
  { key: 'age', label: { zh: '年龄', en: 'Age' }, type: 'text', required: true, group: 'patient', maxLength: 10 },
  { key: 'mrn', label: { zh: '住院号', en: 'MRN' }, type: 'text', required: true, group: 'patient', maxLength: 32 },
  { key: 'ward', label: { zh: '科室病区', en: 'Ward' }, type: 'text', required: true, group: 'patient', maxLength: 40 },
  { key: 'bed', label: { zh: '床号', en: 'Bed' }, type: 'text', required: true, group: 'patient', maxLength: 10 },
  {
    key: 'diagnosis',
    label: { zh: '临床诊断', en: 'Diagnosis' },
    type: 'textarea',
    required: true,
    group: 'patient',
    maxLength: 200,
  },
];

const ID_PHOTO: TConsentSigner['evidence'] = { idCard: 'required', photo: 'required', fingerprint: 'optional' };
const STAFF: TConsentSigner['evidence'] = { idCard: 'none', photo: 'none', fingerprint: 'none' };

/** Patient, or else a guardian (minor / no capacity) or an authorised agent, consents; one of them must sign. */
export const CONSENTER_SIGNERS: TConsentSigner[] = [
  { role: 'patient', required: false, alternativeGroup: 'consenter', evidence: ID_PHOTO },
  { role: 'guardian', required: false, alternativeGroup: 'consenter', evidence: ID_PHOTO },
  { role: 'agent', required: false, alternativeGroup: 'consenter', evidence: ID_PHOTO },
];
export const DOCTOR_SIGNER: TConsentSigner = { role: 'doctor', required: true, evidence: STAFF };

// Signature boxes in a 2 × 2 grid at the foot of the last page (A4, 56 pt side margins).
const BOX = { width: 230, height: 56 };
const LEFT = 56;
const RIGHT = 595.28 - 56 - BOX.width;
export const SLOT = {
  topLeft: { x: LEFT, y: 160, ...BOX },
  topRight: { x: RIGHT, y: 160, ...BOX },
  bottomLeft: { x: LEFT, y: 66, ...BOX },
  bottomRight: { x: RIGHT, y: 66, ...BOX },
} as const;

/** Signature fields for the consenter roles plus the doctor, with the doctor's printed meaning. */
export function consenterSignatureFields(doctorMeaning: { zh: string; en: string }): TSignatureFieldDef[] {
  return [
    {
      role: 'patient',
      meaning: { zh: '患者本人签名', en: 'Patient' },
      page: 'last',
      rect: SLOT.topLeft,
    },
    {
      role: 'guardian',
      meaning: { zh: '监护人签名', en: 'Guardian' },
      page: 'last',
      rect: SLOT.topRight,
    },
    {
      role: 'agent',
      meaning: { zh: '授权委托人签名', en: 'Authorised agent' },
      page: 'last',
      rect: SLOT.bottomLeft,
    },
    { role: 'doctor', meaning: doctorMeaning, page: 'last', rect: SLOT.bottomRight },
  ];
}

export const CONSENTER_NOTICE_SUFFIX =
  '患者本人不能或不宜签字时，由监护人或授权委托人签字，并在签名时注明与患者的关系。';
