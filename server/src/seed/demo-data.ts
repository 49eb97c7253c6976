/**
 * Demo ward, staff, patients and integration client seeded on an empty database. The ID numbers are fictitious
 * but checksum-valid (GB 11643), so identity checks behave as they would with real cards.
 */
export const DEMO_WARD = { code: 'CTS-1', name: '心胸外科一病区' };
export const DEMO_BEDS = ['01', '02', '03', '04', '05', '06', '07', '08'];

export const DEMO_STAFF = [
  { username: 'nurse', password: 'nurse-demo-2026', displayName: '王芳（护士）', roles: ['nurse'] as const },
  { username: 'doctor', password: 'doctor-demo-2026', displayName: '李明（医师）', roles: ['doctor'] as const },
  { username: 'records', password: 'records-demo-2026', displayName: '赵静（病案室）', roles: ['records'] as const },
  { username: 'admin', password: 'admin-demo-2026', displayName: '系统管理员', roles: ['admin'] as const },
];

export const DEMO_PATIENTS = [
  { mrn: 'ZY2026001', name: '张建国', sex: 'male', birthDate: '1949-12-31', idNumber: '110105194912310038', bed: '01' },
  {
    mrn: 'ZY2026002',
    name: '刘秀英',
    sex: 'female',
    birthDate: '1956-03-08',
    idNumber: '310104195603082428',
    bed: '02',
  },
  { mrn: 'ZY2026003', name: '陈志强', sex: 'male', birthDate: '1978-07-15', idNumber: '440106197807154412', bed: '03' },
  {
    mrn: 'ZY2026004',
    name: '杨丽华',
    sex: 'female',
    birthDate: '1990-11-02',
    idNumber: '510107199011023429',
    bed: '05',
  },
  { mrn: 'ZY2026005', name: '黄小宝', sex: 'male', birthDate: '2019-05-20', idNumber: '330106201905204536', bed: '06' },
] as const;

/** Demo HIS client key — printed by `npm start`; never seeded when INKPROOF_SEED_DEMO=never. */
export const DEMO_API_CLIENT = { name: 'HIS 演示接口', key: 'ink_demo_0f3c9a7e5b1d4c2a8e6f0b9d7c5a3e1f' };
