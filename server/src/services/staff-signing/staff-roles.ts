import type { TStaffRole } from '../../db/schema';

/** Signer slots filled by hospital staff from the console (their login is their identity), not at the bedside. */
export const STAFF_SIGNER_ROLES = ['doctor', 'witness'] as const;
export type TStaffSignerRole = (typeof STAFF_SIGNER_ROLES)[number];

export const isStaffSignerRole = (role: string): role is TStaffSignerRole =>
  (STAFF_SIGNER_ROLES as readonly string[]).includes(role);

/**
 * Who may fill a staff slot: the doctor's signature (告知医师) only a doctor; a witness signature a doctor or a nurse.
 * Administrators and records staff sign nothing — they run the system, they are not party to the consent.
 */
export function maySignAs(userRoles: readonly TStaffRole[], slotRole: string): boolean {
  if (slotRole === 'doctor') return userRoles.includes('doctor');
  if (slotRole === 'witness') return userRoles.includes('doctor') || userRoles.includes('nurse');
  return false;
}
