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

/** 有创操作知情同意书 — bedside punctures and catheterisation (胸腔/腰椎/骨髓穿刺、中心静脉置管 …). */
export const invasiveProcedureConsentTemplate: TConsentTemplate = {
  format: CONSENT_TEMPLATE_FORMAT,
  key: 'invasive-procedure-consent',
  version: 1,
  kind: 'informed_consent',
  title: { zh: '有创操作知情同意书', en: 'Informed Consent for an Invasive Procedure' },
  fields: [
    ...PATIENT_FIELDS,
    {
      key: 'procedureName',
      label: { zh: '操作名称', en: 'Procedure' },
      type: 'text',
      required: true,
      group: 'procedure',
      maxLength: 100,
    },
    {
      key: 'procedureSite',
      label: { zh: '操作部位', en: 'Site' },
      type: 'text',
      required: true,
      group: 'procedure',
      maxLength: 60,
    },
    { key: 'procedureDate', label: { zh: '操作日期', en: 'Date' }, type: 'date', required: true, group: 'procedure' },
    {
      key: 'purpose',
      label: { zh: '操作目的', en: 'Purpose' },
      type: 'textarea',
      required: true,
      group: 'procedure',
      maxLength: 300,
    },
    {
      key: 'operator',
      label: { zh: '操作医师', en: 'Operator' },
      type: 'text',
      required: true,
      group: 'procedure',
      maxLength: 40,
    },
    {
      key: 'alternatives',
      label: { zh: '替代方案', en: 'Alternatives' },
      type: 'textarea',
      required: true,
      group: 'procedure',
      maxLength: 300,
    },
  ],
  sections: [
    {
      id: 'plan',
      heading: { zh: '一、拟行操作', en: 'Planned procedure' },
      paragraphs: [
        '患者{{patientName}}，临床诊断“{{diagnosis}}”。根据病情需要，拟于{{procedureDate}}在局部麻醉下于{{procedureSite}}行“{{procedureName}}”，操作医师{{operator}}。',
        '操作目的：{{purpose}}。',
      ],
    },
    {
      id: 'risks',
      heading: { zh: '二、操作风险及可能发生的并发症', en: 'Risks and complications' },
      paragraphs: [
        '有创操作存在一定风险，可能发生包括但不限于以下情况：',
        '1. 局部麻醉药物过敏或中毒反应；',
        '2. 穿刺部位出血、血肿，凝血功能异常者风险更高；',
        '3. 穿刺部位或深部感染，严重时可致败血症；',
        '4. 损伤邻近血管、神经或脏器，如气胸、血胸、腹腔脏器损伤、神经根损伤；',
        '5. 迷走神经反射、胸膜反应、晕厥，诱发心律失常或心脑血管意外；',
        '6. 腰椎穿刺后低颅压头痛，颅内压增高者可诱发脑疝；',
        '7. 置管后导管堵塞、移位、脱出、断裂或导管相关血栓、感染；',
        '8. 因解剖变异或病情原因穿刺失败，需要再次穿刺或改用其他方法；',
        '9. 其他难以预料的意外情况，严重时可危及生命。',
      ],
    },
    {
      id: 'alternatives',
      heading: { zh: '三、替代方案', en: 'Alternatives' },
      paragraphs: ['可供选择的其他方案：{{alternatives}}。如不接受本操作，可能影响诊断的明确或治疗的效果。'],
    },
  ],
  notices: [
    { id: 'informed', text: '医师已向我说明该操作的目的、风险及替代方案，我已充分理解。' },
    { id: 'cooperate', text: '我将在操作过程中按医师要求配合体位和呼吸，有不适及时告知。' },
    { id: 'consent', text: `我同意接受“{{procedureName}}”。${CONSENTER_NOTICE_SUFFIX}` },
  ],
  reading: { minSeconds: 45, scrollToEnd: true },
  signers: [
    ...CONSENTER_SIGNERS,
    DOCTOR_SIGNER,
    { role: 'witness', required: false, evidence: { idCard: 'optional', photo: 'optional', fingerprint: 'none' } },
  ],
  signatureFields: [
    ...consenterSignatureFields({ zh: '操作医师签名', en: 'Operator' }),
    {
      role: 'witness',
      meaning: { zh: '见证人签名', en: 'Witness' },
      page: 'last',
      rect: SLOT.lower[1],
    },
  ],
};
