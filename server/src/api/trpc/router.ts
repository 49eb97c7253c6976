import { getMe } from './auth/get-me';
import { createEnrollment } from './devices/create-enrollment';
import { listDevices } from './devices/list-devices';
import { revokeDevice } from './devices/revoke-device';
import { cancelEnvelope } from './envelopes/cancel-envelope';
import { createEnvelope } from './envelopes/create-envelope';
import { listEnvelopes } from './envelopes/list-envelopes';
import { resendEnvelope } from './envelopes/resend-envelope';
import { router } from './init';
import { getPatient } from './patients/get-patient';
import { recordsProcedures } from './records/records-procedures';
import { getStaffSigning } from './signing/get-staff-signing';
import { listTemplates } from './templates/list-templates';
import { listWards } from './wards/list-wards';

export const appRouter = router({
  auth: router({ getMe }),
  wards: router({ listWards }),
  patients: router({ getPatient }),
  templates: router({ listTemplates }),
  envelopes: router({ createEnvelope, listEnvelopes, cancelEnvelope, resendEnvelope }),
  devices: router({ listDevices, createEnrollment, revokeDevice }),
  records: router({ ...recordsProcedures }),
  signing: router({ getStaffSigning }),
});

export type AppRouter = typeof appRouter;
