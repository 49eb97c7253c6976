/** Signer roles the CLI knows, with the meaning printed under the signature (21 CFR 11.50-style manifestation). */
export const SIGNER_ROLES = ['patient', 'guardian', 'agent', 'witness', 'doctor'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

const MEANING: Record<SignerRole, string> = {
  patient: '患者本人签名',
  guardian: '监护人签名',
  agent: '委托代理人签名',
  witness: '见证人签名',
  doctor: '医生签名',
};

export const isSignerRole = (s: string): s is SignerRole => (SIGNER_ROLES as readonly string[]).includes(s);

/** e.g. "监护人签名（关系：女儿）". */
export function signerMeaning(role: SignerRole, relationship?: string): string {
  return relationship ? `${MEANING[role]}（关系：${relationship}）` : MEANING[role];
}
