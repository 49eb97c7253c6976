import type { TConsentFormData } from '../../src/consent/index.js';

const PATIENT = {
  patientName: '王秀英',
  sex: 'female',
  age: '67岁',
  mrn: 'ZY2026004417',
  ward: '普通外科二病区',
  bed: '23',
  diagnosis: '结肠癌（乙状结肠）',
};

/** Realistic, fictitious form data per built-in template key. */
export const SAMPLE_DATA: Record<string, TConsentFormData> = {
  'surgery-consent': {
    ...PATIENT,
    procedureName: '腹腔镜乙状结肠癌根治术',
    procedureDate: '2026-11-25',
    anesthesiaMethod: '全身麻醉',
    surgeon: '李明 主任医师',
    alternatives: '新辅助化疗后再手术、开腹乙状结肠切除术、姑息性治疗',
    specialRisks: '患者高血压病史10年，围手术期心脑血管事件风险增高。',
  },
  'anesthesia-consent': {
    ...PATIENT,
    procedureName: '腹腔镜乙状结肠癌根治术',
    procedureDate: '2026-11-25',
    anesthesiaMethod: '全身麻醉',
    asaGrade: 'Ⅱ',
    comorbidities: '高血压2级，口服氨氯地平控制良好',
    postopAnalgesia: '同意',
    anesthesiologist: '陈静',
  },
  'transfusion-consent': {
    ...PATIENT,
    bloodType: 'A',
    rhType: '阳性',
    components: '悬浮红细胞 2U',
    indication: '术前血红蛋白 68 g/L，合并乏力、心悸',
    preTransfusionTests: 'ALT 23 U/L，HBsAg 阴性，抗-HCV 阴性，抗-HIV 阴性，梅毒抗体阴性',
    transfusionHistory: '无',
  },
  'invasive-procedure-consent': {
    ...PATIENT,
    procedureName: '右侧颈内静脉穿刺中心静脉置管术',
    procedureSite: '右侧颈部',
    procedureDate: '2026-11-24',
    purpose: '术中及术后输液、监测中心静脉压',
    operator: '赵磊',
    alternatives: '经外周置入中心静脉导管（PICC）、外周静脉留置针',
  },
  'power-of-attorney': {
    ...PATIENT,
    agentName: '李建国',
    agentRelation: '配偶',
    agentIdNumber: '11010519491231002X',
    agentPhone: '13800138000',
  },
};

/** A phrase from the body of each form that must survive text extraction. */
export const KEY_PHRASES: Record<string, string[]> = {
  'surgery-consent': ['腹腔镜乙状结肠癌根治术', '下肢深静脉血栓形成', '新辅助化疗后再手术'],
  'anesthesia-consent': ['反流误吸', '术后镇痛', 'ASA分级Ⅱ级'],
  'transfusion-consent': ['悬浮红细胞', '窗口期', 'ABO血型A型'],
  'invasive-procedure-consent': ['右侧颈内静脉穿刺中心静脉置管术', '导管相关血栓'],
  'power-of-attorney': ['李建国', '第一千二百一十九条', '与本人关系：配偶'],
};
