import type { TConsentTemplate } from '../template-schema.js';
import {
  CONSENT_TEMPLATE_FORMAT,
  CONSENTER_NOTICE_SUFFIX,
  CONSENTER_SIGNERS,
  consenterSignatureFields,
  DOCTOR_SIGNER,
  PATIENT_FIELDS,
  SLOT,
} from './common-parts.js';

/** 输血治疗知情同意书 — includes the pre-transfusion tests required by 《临床输血技术规范》 §6. */
export const transfusionConsentTemplate: TConsentTemplate = {
  format: CONSENT_TEMPLATE_FORMAT,
  key: 'transfusion-consent',
  version: 1,
  kind: 'informed_consent',
  title: { zh: '输血治疗知情同意书', en: 'Informed Consent for Blood Transfusion' },
  fields: [
    ...PATIENT_FIELDS,
    {
      key: 'bloodType',
      label: { zh: 'ABO血型', en: 'ABO group' },
      type: 'select',
      required: true,
      group: 'procedure',
      options: ['A', 'B', 'O', 'AB'].map((v) => ({ value: v, label: { zh: `${v}型`, en: v } })),
    },
    {
      key: 'rhType',
      label: { zh: 'Rh(D)血型', en: 'Rh(D)' },
      type: 'select',
      required: true,
      group: 'procedure',
      options: [
        { value: '阳性', label: { zh: '阳性', en: 'Positive' } },
        { value: '阴性', label: { zh: '阴性', en: 'Negative' } },
      ],
    },
    {
      key: 'components',
      label: { zh: '拟输血液成分', en: 'Components' },
      type: 'text',
      required: true,
      group: 'procedure',
      maxLength: 100,
    },
    {
      key: 'indication',
      label: { zh: '输血指征', en: 'Indication' },
      type: 'textarea',
      required: true,
      group: 'procedure',
      maxLength: 300,
    },
    {
      key: 'preTransfusionTests',
      label: { zh: '输血前检查', en: 'Pre-transfusion tests' },
      type: 'textarea',
      required: true,
      group: 'procedure',
      maxLength: 300,
    },
    {
      key: 'transfusionHistory',
      label: { zh: '既往输血史', en: 'Previous transfusion' },
      type: 'select',
      required: true,
      group: 'procedure',
      options: [
        { value: '有', label: { zh: '有', en: 'Yes' } },
        { value: '无', label: { zh: '无', en: 'No' } },
      ],
    },
  ],
  sections: [
    {
      id: 'plan',
      heading: { zh: '一、输血目的及方案', en: 'Purpose and plan' },
      paragraphs: [
        '患者{{patientName}}，临床诊断“{{diagnosis}}”，ABO血型{{bloodType}}型，Rh(D){{rhType}}，既往输血史：{{transfusionHistory}}。',
        '输血指征：{{indication}}。拟输注{{components}}，具体种类和数量将根据病情变化及检验结果调整。',
        '输血前检查结果（肝功能、乙肝、丙肝、艾滋病、梅毒等）：{{preTransfusionTests}}。',
      ],
    },
    {
      id: 'risks',
      heading: { zh: '二、输血风险', en: 'Risks' },
      paragraphs: [
        '所用血液均由卫生行政部门批准的采供血机构提供，并已按国家标准检测合格。但由于检测技术存在“窗口期”等局限，输血仍可能发生包括但不限于以下不良反应：',
        '1. 发热反应、过敏反应，严重者可发生过敏性休克；',
        '2. 溶血反应，严重者可致急性肾功能衰竭、弥散性血管内凝血；',
        '3. 经血液传播的疾病，如乙型肝炎、丙型肝炎、艾滋病、梅毒、巨细胞病毒感染、疟疾等；',
        '4. 输血相关急性肺损伤、输血相关循环超负荷；',
        '5. 大量输血引起凝血功能障碍、枸橼酸中毒、高钾血症、低体温；',
        '6. 输血后紫癜、输血相关移植物抗宿主病；',
        '7. 产生同种抗体，致再次输血时配血困难；',
        '8. 其他难以预料的不良反应，严重时可危及生命。',
      ],
    },
    {
      id: 'alternatives',
      heading: { zh: '三、替代方案', en: 'Alternatives' },
      paragraphs: [
        '可供选择的替代方案包括：自体输血（术前贮存式、急性等容稀释式、术中回收式）、药物治疗（铁剂、促红细胞生成素、止血药物等）及暂缓输血密切观察。医师已说明各方案的适用条件和局限性；拒绝输血可能导致病情加重甚至危及生命。',
      ],
    },
  ],
  notices: [
    { id: 'informed', text: '医师已向我说明输血的必要性、可能的风险及替代方案，我已充分理解。' },
    { id: 'tests', text: '我已知晓输血前检查的目的和结果。' },
    {
      id: 'consent',
      text: `我同意在本次住院期间根据病情需要接受输血治疗（含多次输血）。${CONSENTER_NOTICE_SUFFIX}`,
    },
  ],
  comprehension: {
    question: { zh: '输血是否可能传播疾病？', en: 'Can a transfusion transmit infections?' },
    options: [
      { value: 'possible', label: { zh: '可能，存在窗口期风险', en: 'Yes, because of the window period' } },
      { value: 'never', label: { zh: '绝对不会', en: 'Never' } },
    ],
    answer: 'possible',
  },
  reading: { minSeconds: 60, scrollToEnd: true },
  signers: [
    ...CONSENTER_SIGNERS,
    {
      role: 'near_relative',
      required: false,
      alternativeGroup: 'consenter',
      evidence: { idCard: 'required', photo: 'required', fingerprint: 'optional' },
    },
    DOCTOR_SIGNER,
  ],
  signatureFields: [
    ...consenterSignatureFields({ zh: '经治医师签名', en: 'Attending doctor' }),
    {
      role: 'near_relative',
      meaning: { zh: '近亲属签名', en: 'Near relative' },
      page: 'last',
      rect: SLOT.lower[1],
    },
  ],
};
