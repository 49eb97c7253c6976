import { and, eq, gt, isNull } from 'drizzle-orm';
import { sha256Hex } from '../../crypto/tokens';
import { appendAudit } from '../../db/audit/append-audit';
import type { Db } from '../../db/db';
import { beds, devices, wards } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../deps';
import { deviceChannel, type PushPublisher } from '../push-events/push-events';
import { newDeviceCredential, newEnrollmentCode, normaliseEnrollmentCode } from './device-credentials';

interface Deps {
  db: Db;
  clock: () => Date;
}

/** Admin creates a pending device for a ward/bed and gets a one-time enrollment code (shown once, stored hashed). */
export async function createDeviceEnrollment(
  deps: Deps,
  actor: Actor,
  input: { name: string; wardId: string; bedId?: string | undefined; validHours?: number },
) {
  const now = deps.clock();
  const [ward] = await deps.db.select().from(wards).where(eq(wards.id, input.wardId));
  if (!ward) throw new AppError('NOT_FOUND', '病区不存在 / Ward not found', { entity: 'ward' });
  if (input.bedId) {
    const [bed] = await deps.db
      .select()
      .from(beds)
      .where(and(eq(beds.id, input.bedId), eq(beds.wardId, ward.id)));
    if (!bed) throw new AppError('NOT_FOUND', '床位不存在 / Bed not found', { entity: 'bed' });
  }
  const code = newEnrollmentCode();
  const expiresAt = new Date(now.getTime() + (input.validHours ?? 24) * 3_600_000);
  const device = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(devices)
      .values({
        name: input.name,
        wardId: ward.id,
        bedId: input.bedId ?? null,
        enrollmentCodeHash: sha256Hex(code),
        enrollmentExpiresAt: expiresAt,
        status: 'pending',
      })
      .returning();
    await appendAudit(tx, {
      actorType: actor.type,
      actorId: actor.id,
      action: 'device.enrollment_created',
      subjectType: 'device',
      subjectId: row!.id,
      at: now,
    });
    return row!;
  });
  return { deviceId: device.id, code, expiresAt };
}

/** A device exchanges its code for a long random credential; the code is burned in the same statement. */
export async function enrollDevice(deps: Deps, input: { code: string }) {
  const now = deps.clock();
  const codeHash = sha256Hex(normaliseEnrollmentCode(input.code));
  const credential = newDeviceCredential();
  const row = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(devices)
      .set({
        status: 'active',
        credentialHash: sha256Hex(credential),
        enrollmentCodeHash: null,
        enrolledAt: now,
        lastSeenAt: now,
      })
      .where(
        and(
          eq(devices.enrollmentCodeHash, codeHash),
          eq(devices.status, 'pending'),
          gt(devices.enrollmentExpiresAt, now),
        ),
      )
      .returning();
    if (!updated) return null;
    await appendAudit(tx, {
      actorType: 'device',
      actorId: updated.id,
      action: 'device.enrolled',
      subjectType: 'device',
      subjectId: updated.id,
      at: now,
    });
    return updated;
  });
  if (!row) {
    const [stale] = await deps.db
      .select({ id: devices.id })
      .from(devices)
      .where(eq(devices.enrollmentCodeHash, codeHash));
    throw stale
      ? new AppError('TOKEN_EXPIRED', '注册码已过期，请重新生成 / Enrollment code expired, create a new one')
      : new AppError('NOT_FOUND', '注册码无效或已使用 / Unknown or used enrollment code', {
          entity: 'enrollment_code',
        });
  }
  return { deviceId: row.id, credential, name: row.name, wardId: row.wardId, bedId: row.bedId };
}

/** Resolves a device credential; revoked or unknown credentials are rejected. Updates last-seen. */
export async function authenticateDevice(deps: Deps, credential: string | null | undefined) {
  if (!credential || credential.length > 200) throw new AppError('UNAUTHENTICATED', '设备未注册 / Device not enrolled');
  const [device] = await deps.db
    .select()
    .from(devices)
    .where(eq(devices.credentialHash, sha256Hex(credential)));
  if (!device) throw new AppError('UNAUTHENTICATED', '设备凭据无效 / Unknown device credential');
  if (device.status !== 'active')
    throw new AppError('FORBIDDEN', '设备已被吊销，请联系管理员 / Device revoked; contact an administrator');
  return device;
}

export async function touchDevice(deps: Deps, deviceId: string) {
  await deps.db.update(devices).set({ lastSeenAt: deps.clock() }).where(eq(devices.id, deviceId));
}

export async function revokeDevice(deps: Deps & { push: PushPublisher }, actor: Actor, deviceId: string) {
  const now = deps.clock();
  const row = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(devices)
      .set({ status: 'revoked', revokedAt: now, enrollmentCodeHash: null })
      .where(and(eq(devices.id, deviceId), isNull(devices.revokedAt)))
      .returning();
    if (!updated) return null;
    await appendAudit(tx, {
      actorType: actor.type,
      actorId: actor.id,
      action: 'device.revoked',
      subjectType: 'device',
      subjectId: deviceId,
      at: now,
    });
    return updated;
  });
  if (!row)
    throw new AppError('NOT_FOUND', '设备不存在或已吊销 / Device not found or already revoked', { entity: 'device' });
  await deps.push.publish(deviceChannel(deviceId), { type: 'device.revoked', deviceId, at: now.toISOString() });
  return row;
}
