import type { TConsentTemplate } from '../template-schema.js';
import {
  CONSENT_TEMPLATE_FORMAT,
  CONSENTER_NOTICE_SUFFIX,
  CONSENTER_SIGNERS,
  consenterSignatureFields,
  DOCTOR_SIGNER,
  PATIENT_FIELDS,
} from './common-parts.js';

/** 麻醉知情同意书 — risks follow the categories of the usual pre-anaesthesia consultation record. */
export const anesthesiaConsentTemplate: TConsentTemplate = {
  format: CONSENT_TEMPLATE_FORMAT,
  key: 'anesthesia-consent',
  version: 1,
  kind: 'informed_consent',
  title: { zh: '麻醉知情同意书', en: 'Informed Consent for Anaesthesia' },
  fields: [
    ...PATIENT_FIELDS,
    {
      key: 'procedureName',
      label: { zh: '拟行手术/操作', en: 'Planned operation' },
      type: 'text',
      required: true,
      group: 'procedure',
      maxLength: 100,
    },
    { key: 'procedureDate', label: { zh: '拟麻醉日期', en: 'Date' }, type: 'date', required: true, group: 'procedure' },
    {
      key: 'anesthesiaMethod',
      label: { zh: '拟麻醉方式', en: 'Planned anaesthesia' },
      type: 'select',
      required: true,
      group: 'procedure',
      options: [
        { value: '全身麻醉', label: { zh: '全身麻醉', en: 'General' } },
        { value: '椎管内麻醉', label: { zh: '椎管内麻醉', en: 'Neuraxial' } },
        { value: '神经阻滞麻醉', label: { zh: '神经阻滞麻醉', en: 'Nerve block' } },
        { value: '监护麻醉（镇静）', label: { zh: '监护麻醉（镇静）', en: 'Monitored anaesthesia care' } },
        { value: '复合麻醉', label: { zh: '复合麻醉', en: 'Combined' } },
      ],
    },
    {
      key: 'asaGrade',
      label: { zh: 'ASA分级', en: 'ASA class' },
      type: 'select',
      required: true,
      group: 'procedure',
      options: ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ'].map((v, i) => ({ value: v, label: { zh: `${v}级`, en: `ASA ${i + 1}` } })),
    },
    {
      key: 'comorbidities',
      label: { zh: '合并症及特殊情况', en: 'Comorbidities' },
      type: 'textarea',
      required: false,
      group: 'procedure',
      maxLength: 500,
    },
    {
      key: 'postopAnalgesia',
      label: { zh: '术后镇痛', en: 'Post-operative analgesia' },
      type: 'select',
      required: true,
      group: 'procedure',
      options: [
        { value: '同意', label: { zh: '同意', en: 'Accept' } },
        { value: '不同意', label: { zh: '不同意', en: 'Decline' } },
      ],
    },
    {
      key: 'anesthesiologist',
      label: { zh: '麻醉医师', en: 'Anaesthesiologist' },
      type: 'text',
      required: true,
      group: 'procedure',
      maxLength: 40,
    },
  ],
  sections: [
    {
      id: 'plan',
      heading: { zh: '一、拟行麻醉', en: 'Planned anaesthesia' },
      paragraphs: [
        '患者{{patientName}}因“{{diagnosis}}”拟于{{procedureDate}}行“{{procedureName}}”。经麻醉医师{{anesthesiologist}}术前访视评估，ASA分级{{asaGrade}}级，拟采用{{anesthesiaMethod}}。',
        '患者合并症及特殊情况：{{comorbidities}}',
        '麻醉的目的是消除手术疼痛、保障手术安全并为手术创造良好条件。麻醉医师将在麻醉期间全程监测生命体征，并根据手术需要和病情变化调整麻醉方案。',
      ],
    },
    {
      id: 'risks',
      heading: { zh: '二、麻醉风险及可能发生的并发症', en: 'Risks and complications' },
      paragraphs: [
        '由于个体差异和患者自身疾病，麻醉过程中及麻醉后可能发生包括但不限于以下情况：',
        '1. 麻醉药物过敏或特异质反应，严重者可发生过敏性休克；',
        '2. 呕吐、反流误吸，导致吸入性肺炎、窒息；',
        '3. 困难气道、气管插管困难或失败，插管时牙齿松动脱落、口唇及咽喉损伤、术后咽痛、声音嘶哑；',
        '4. 椎管内麻醉后头痛、腰背痛、尿潴留，神经损伤，硬膜外血肿或脓肿，全脊髓麻醉，严重者可致截瘫；',
        '5. 神经阻滞可致局麻药中毒、气胸、血肿及神经损伤；',
        '6. 术中血压剧烈波动、严重心律失常、心肌缺血或梗死、心搏骤停；',
        '7. 恶性高热、术中知晓；',
        '8. 术后苏醒延迟、呼吸抑制，需要延长呼吸支持或转入重症监护病房；',
        '9. 深静脉、动脉穿刺置管引起出血、血肿、气胸、感染或血栓；',
        '10. 术后恶心呕吐、寒战、皮肤瘙痒，以及其他难以预料的意外，严重时可导致残疾甚至死亡。',
      ],
    },
    {
      id: 'alternatives',
      heading: { zh: '三、可选择的麻醉方式', en: 'Alternatives' },
      paragraphs: [
        '根据手术部位和患者情况，可选择的麻醉方式包括全身麻醉、椎管内麻醉、神经阻滞、局部浸润麻醉及监护麻醉等，各有利弊。麻醉医师已说明推荐上述方案的理由；术中如原方案不能满足手术需要，将改用其他麻醉方式。',
      ],
    },
  ],
  notices: [
    { id: 'informed', text: '麻醉医师已向我告知麻醉方案、风险及可选择的其他麻醉方式，我已充分理解。' },
    { id: 'fasting', text: '我已知晓术前须按医嘱禁食、禁饮，否则可能因反流误吸危及生命。' },
    { id: 'history', text: '我已如实告知既往病史、过敏史、用药史及牙齿松动、假牙等情况。' },
    { id: 'analgesia', text: '对于术后镇痛，我的意见是：{{postopAnalgesia}}。' },
    { id: 'consent', text: `我同意实施上述麻醉，并同意麻醉医师根据术中情况调整麻醉方式。${CONSENTER_NOTICE_SUFFIX}` },
  ],
  comprehension: {
    question: { zh: '麻醉前为什么需要禁食、禁饮？', en: 'Why must the patient fast before anaesthesia?' },
    options: [
      { value: 'aspiration', label: { zh: '防止反流误吸', en: 'To prevent aspiration' } },
      { value: 'weight', label: { zh: '为了减轻体重', en: 'To lose weight' } },
    ],
    answer: 'aspiration',
  },
  reading: { minSeconds: 60, scrollToEnd: true },
  signers: [...CONSENTER_SIGNERS, DOCTOR_SIGNER],
  signatureFields: consenterSignatureFields({ zh: '麻醉医师签名', en: 'Anaesthesiologist' }),
};
