import { acceptSubmission } from '../../src/services/device-flow/accept-submission';
import { getDeviceEnvelope } from '../../src/services/device-flow/get-device-envelope';
import { sealSubmission } from '../../src/services/sealing/seal-submission';
import { buildSubmission, setUpDeviceEnvelope } from '../helpers/device-fixture';
import type { TestApp } from '../helpers/test-app';

const noPush = { publish: async () => {} };

/** A signing sealed through the real device flow and sealing job (guardian, face photo, synthetic ink). */
export async function createSealedSigning(t: TestApp) {
  const { device, envelope, patient } = await setUpDeviceEnvelope(t);
  const view = await getDeviceEnvelope({ ...t.app, hospitalName: 'h' }, device.deviceId, envelope.id);
  const body = buildSubmission(envelope.id, view.signers[0]!.id, view.documents[0]!.id);
  const accepted = await acceptSubmission(
    { ...t.app, push: noPush },
    device.deviceId,
    body,
    new TextEncoder().encode(JSON.stringify(body)),
  );
  const trust = await t.app.trust();
  await sealSubmission({ ...t.app, push: noPush, trust, hospitalName: '测试医院' }, accepted.body.submissionId);
  return { envelopeId: envelope.id, patient, submissionId: accepted.body.submissionId, body };
}
