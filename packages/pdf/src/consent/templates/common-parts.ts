import {
  CONSENT_TEMPLATE_FORMAT,
  type TConsentField,
  type TConsentSigner,
  type TPdfRect,
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

// Signature boxes in a 3-column grid at the foot of the last page (A4, 56 pt side margins, 15 pt gutters):
// consenters on the upper row, staff and witnesses on the lower one.
const BOX = { width: 151, height: 50 };
const column = (i: number) => 56 + i * (BOX.width + 15);
const UPPER = 150;
const LOWER = 66;
export const SLOT = {
  upper: [0, 1, 2].map((i) => ({ x: column(i), y: UPPER, ...BOX })) as [TPdfRect, TPdfRect, TPdfRect],
  lower: [0, 1, 2].map((i) => ({ x: column(i), y: LOWER, ...BOX })) as [TPdfRect, TPdfRect, TPdfRect],
} as const;

/** Signature fields for the consenter roles plus the doctor, with the doctor's printed meaning. */
export function consenterSignatureFields(doctorMeaning: { zh: string; en: string }): TSignatureFieldDef[] {
  return [
    {
      role: 'patient',
      meaning: { zh: '患者本人签名', en: 'Patient' },
      page: 'last',
      rect: SLOT.upper[0],
    },
    {
      role: 'guardian',
      meaning: { zh: '监护人签名', en: 'Guardian' },
      page: 'last',
      rect: SLOT.upper[1],
    },
    {
      role: 'agent',
      meaning: { zh: '授权委托人签名', en: 'Authorised agent' },
      page: 'last',
      rect: SLOT.upper[2],
    },
    { role: 'doctor', meaning: doctorMeaning, page: 'last', rect: SLOT.lower[0] },
  ];
}

export const CONSENTER_NOTICE_SUFFIX =
  '患者本人不能或不宜签字时，由监护人或授权委托人签字，并在签名时注明与患者的关系。';
