import type { TConsentTemplate } from '../template-schema.js';
import { CONSENT_TEMPLATE_FORMAT, DOCTOR_SIGNER, PATIENT_FIELDS, SLOT } from './common-parts.js';

/**
 * 授权委托书 — the patient names an agent to receive disclosures and sign consents on their behalf
 * (《中华人民共和国民法典》第一千二百一十九条; 《医疗机构管理条例》第三十二条).
 */
export const powerOfAttorneyTemplate: TConsentTemplate = {
  format: CONSENT_TEMPLATE_FORMAT,
  key: 'power-of-attorney',
  version: 1,
  kind: 'power_of_attorney',
  title: { zh: '授权委托书', en: 'Power of Attorney for Medical Decisions' },
  fields: [
    ...PATIENT_FIELDS,
    {
      key: 'agentName',
      label: { zh: '受托人姓名', en: 'Agent name' },
      type: 'text',
      required: true,
      group: 'signer',
      maxLength: 40,
    },
    {
      key: 'agentRelation',
      label: { zh: '与患者关系', en: 'Relationship' },
      type: 'select',
      required: true,
      group: 'signer',
      options: [
        { value: '配偶', label: { zh: '配偶', en: 'Spouse' } },
        { value: '父母', label: { zh: '父母', en: 'Parent' } },
        { value: '子女', label: { zh: '子女', en: 'Child' } },
        { value: '兄弟姐妹', label: { zh: '兄弟姐妹', en: 'Sibling' } },
        { value: '其他近亲属', label: { zh: '其他近亲属', en: 'Other near relative' } },
        { value: '其他', label: { zh: '其他', en: 'Other' } },
      ],
    },
    {
      key: 'agentIdNumber',
      label: { zh: '受托人身份证号', en: 'Agent ID number' },
      type: 'text',
      required: true,
      group: 'signer',
      maxLength: 18,
    },
    {
      key: 'agentPhone',
      label: { zh: '受托人联系电话', en: 'Agent phone' },
      type: 'text',
      required: true,
      group: 'signer',
      maxLength: 20,
    },
    {
      key: 'validUntil',
      label: { zh: '委托期限至', en: 'Valid until' },
      type: 'date',
      required: false,
      group: 'other',
    },
  ],
  sections: [
    {
      id: 'grant',
      heading: { zh: '一、委托事项', en: 'Authority granted' },
      paragraphs: [
        '委托人（患者）{{patientName}}，住院号{{mrn}}，因“{{diagnosis}}”在{{ward}}住院治疗。根据《中华人民共和国民法典》第一千二百一十九条关于医疗知情同意的规定，本人在意识清楚、具有完全民事行为能力的情况下，委托{{agentName}}（与本人关系：{{agentRelation}}，身份证号：{{agentIdNumber}}，联系电话：{{agentPhone}}）为本人的授权委托人。',
        '受托人代为行使以下权利：听取医师对病情、诊疗方案、医疗风险及替代方案的说明；代为签署手术、麻醉、输血、特殊检查、特殊治疗等知情同意书及其他医疗文书；在紧急情况下代为作出医疗决定。',
        '委托期限：自签署之日起至本次住院结束止，或至{{validUntil}}止。',
      ],
    },
    {
      id: 'effect',
      heading: { zh: '二、法律后果及风险提示', en: 'Legal effect and risks' },
      paragraphs: [
        '受托人在委托权限内签署的医疗文书，与委托人本人签署具有同等效力，由此产生的后果由委托人承担。',
        '委托人应选择了解本人病情、意愿并能及时到院的人作为受托人。受托人作出的决定如与委托人意愿不符，可能影响诊疗选择；医院依据受托人意见实施的诊疗，视为已取得委托人的同意。',
        '本委托不影响委托人本人在意识清楚时直接作出决定；委托人可随时以书面形式撤销或变更本委托，撤销自医院收到书面通知时起生效。',
      ],
    },
  ],
  notices: [
    { id: 'voluntary', text: '本委托系本人真实意思表示，未受任何胁迫或误导。' },
    { id: 'scope', text: '本人已了解上述委托事项、期限及法律后果。' },
    { id: 'agent', text: '受托人{{agentName}}同意接受委托，并承诺如实向委托人转达医师的告知内容。' },
  ],
  reading: { minSeconds: 30, scrollToEnd: true },
  signers: [
    { role: 'patient', required: true, evidence: { idCard: 'required', photo: 'required', fingerprint: 'required' } },
    { role: 'agent', required: true, evidence: { idCard: 'required', photo: 'required', fingerprint: 'optional' } },
    DOCTOR_SIGNER,
  ],
  signatureFields: [
    {
      role: 'patient',
      meaning: { zh: '委托人（患者）签名', en: 'Principal (patient)' },
      page: 'last',
      rect: SLOT.upper[0],
    },
    { role: 'agent', meaning: { zh: '受托人签名', en: 'Agent' }, page: 'last', rect: SLOT.upper[1] },
    { role: 'doctor', meaning: { zh: '见证医师签名', en: 'Witnessing doctor' }, page: 'last', rect: SLOT.lower[0] },
  ],
};
