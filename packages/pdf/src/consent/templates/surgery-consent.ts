import type { TConsentTemplate } from '../template-schema.js';
import {
  CONSENT_TEMPLATE_FORMAT,
  CONSENTER_NOTICE_SUFFIX,
  CONSENTER_SIGNERS,
  consenterSignatureFields,
  DOCTOR_SIGNER,
  PATIENT_FIELDS,
} from './common-parts.js';

/** 手术知情同意书 — wording follows the usual structure of Chinese hospital forms (diagnosis, risks, alternatives). */
export const surgeryConsentTemplate: TConsentTemplate = {
  format: CONSENT_TEMPLATE_FORMAT,
  key: 'surgery-consent',
  version: 1,
  kind: 'informed_consent',
  title: { zh: '手术知情同意书', en: 'Informed Consent for Surgery' },
  fields: [
    ...PATIENT_FIELDS,
    {
      key: 'procedureName',
      label: { zh: '拟行手术名称', en: 'Planned operation' },
      type: 'text',
      required: true,
      group: 'procedure',
      maxLength: 100,
    },
    {
      key: 'procedureDate',
      label: { zh: '拟手术日期', en: 'Planned date' },
      type: 'date',
      required: true,
      group: 'procedure',
    },
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
        { value: '局部麻醉', label: { zh: '局部麻醉', en: 'Local' } },
      ],
    },
    {
      key: 'surgeon',
      label: { zh: '主刀医师', en: 'Surgeon' },
      type: 'text',
      required: true,
      group: 'procedure',
      maxLength: 40,
    },
    {
      key: 'alternatives',
      label: { zh: '替代治疗方案', en: 'Alternatives' },
      type: 'textarea',
      required: true,
      group: 'procedure',
      maxLength: 500,
    },
    {
      key: 'specialRisks',
      label: { zh: '本患者特殊风险', en: 'Patient-specific risks' },
      type: 'textarea',
      required: false,
      group: 'procedure',
      maxLength: 1000,
    },
  ],
  sections: [
    {
      id: 'plan',
      heading: { zh: '一、术前诊断及拟行手术', en: 'Diagnosis and planned operation' },
      paragraphs: [
        '患者{{patientName}}，因“{{diagnosis}}”在我院{{ward}}住院治疗。经主管医师检查评估，具备手术指征，拟于{{procedureDate}}在{{anesthesiaMethod}}下行“{{procedureName}}”，主刀医师为{{surgeon}}。',
        '手术的目的是明确诊断、去除病灶或改善症状。医师已向患者及家属说明手术的必要性、基本过程、预期效果及术后注意事项。',
      ],
    },
    {
      id: 'risks',
      heading: { zh: '二、手术风险及可能发生的并发症', en: 'Risks and complications' },
      paragraphs: [
        '手术是一种有创性的诊疗手段。由于医学科学的局限性和患者个体差异，即使医师严格遵守诊疗规范，手术仍存在一定风险，可能发生包括但不限于以下情况：',
        '1. 麻醉意外及麻醉相关并发症，严重者可致呼吸、心跳骤停（详见《麻醉知情同意书》）；',
        '2. 术中、术后出血，严重时需要输血或再次手术止血；',
        '3. 术中损伤邻近的血管、神经、脏器或组织，导致相应的功能障碍；',
        '4. 切口感染、裂开、延迟愈合、瘢痕形成，或胸腔、腹腔等深部感染；',
        '5. 术后心脑血管意外，如心律失常、心肌梗死、心力衰竭、脑梗死、脑出血；',
        '6. 下肢深静脉血栓形成、肺栓塞，严重者可危及生命；',
        '7. 肺部感染、肺不张、呼吸功能衰竭，泌尿系统感染，肝、肾功能损害；',
        '8. 术中根据探查情况需要改变手术方式，扩大或缩小手术范围；',
        '9. 术后病理诊断可能与术前诊断不符，病变残留或复发，需要进一步治疗；',
        '10. 其他难以预料的意外情况，严重时可导致残疾甚至死亡。',
        '针对本患者的特殊风险：{{specialRisks}}',
      ],
    },
    {
      id: 'alternatives',
      heading: { zh: '三、替代治疗方案', en: 'Alternatives' },
      paragraphs: [
        '除手术治疗外，可供选择的其他方案有：{{alternatives}}。医师已说明各方案的利弊。如拒绝或推迟手术，病情可能进展，延误最佳治疗时机。',
      ],
    },
    {
      id: 'commitment',
      heading: { zh: '四、医师承诺', en: "Doctor's commitment" },
      paragraphs: [
        '医师将严格遵守医疗卫生管理法律、法规和诊疗护理规范，认真施行手术，尽力降低风险；一旦发生上述情况，将积极采取相应的救治措施。',
      ],
    },
  ],
  notices: [
    {
      id: 'informed',
      text: '医师已向我详细告知病情、手术的必要性、风险和替代方案，我已充分理解并有机会提问，所提问题均已得到解答。',
    },
    { id: 'history', text: '我已如实提供病史及相关信息，未有隐瞒。' },
    {
      id: 'intraop-change',
      text: '我同意术中根据病情需要由医师决定改变手术方式或处理方案；紧急情况下为抢救生命，医师可先行处置。',
    },
    { id: 'specimen', text: '我同意手术切除的组织、器官由医院按照规定进行病理检查和处置。' },
    {
      id: 'consent',
      text: `经慎重考虑，我同意接受“{{procedureName}}”，并自愿承担上述风险。${CONSENTER_NOTICE_SUFFIX}`,
    },
  ],
  comprehension: {
    question: {
      zh: '以下哪一项是本次手术可能发生的风险？',
      en: 'Which of these is a possible risk of this operation?',
    },
    options: [
      { value: 'bleeding', label: { zh: '术中、术后出血', en: 'Bleeding during or after surgery' } },
      { value: 'none', label: { zh: '手术没有任何风险', en: 'The operation has no risk' } },
    ],
    answer: 'bleeding',
  },
  reading: { minSeconds: 90, scrollToEnd: true },
  signers: [...CONSENTER_SIGNERS, DOCTOR_SIGNER],
  signatureFields: consenterSignatureFields({ zh: '谈话医师签名', en: 'Consenting doctor' }),
};
