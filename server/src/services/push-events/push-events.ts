/** Push channel names and event shapes shared by the console, the devices and the REST/webhook layer. */
export const STAFF_CHANNEL = 'staff';
export const deviceChannel = (deviceId: string) => `device:${deviceId}`;

export type PushEvent =
  | { type: 'envelope.status'; envelopeId: string; patientId: string; status: string; at: string }
  | { type: 'envelope.pushed'; envelopeId: string; at: string }
  | { type: 'envelope.withdrawn'; envelopeId: string; at: string }
  | { type: 'device.revoked'; deviceId: string; at: string };

/** The slice of the push bus the services need: ids only, never patient data (payloads travel through NOTIFY). */
export interface PushPublisher {
  publish(channel: string, event: PushEvent): Promise<void>;
}
