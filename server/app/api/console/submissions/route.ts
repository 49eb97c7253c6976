import { clientAddress } from '../../../../src/http/cookies';
import { handle, json } from '../../../../src/http/handle';
import { JSON_TYPE, parseJsonBytes, readBody } from '../../../../src/http/read-json';
import { requireStaffMutation } from '../../../../src/http/staff-session';
import { SUBMISSION_LIMIT_BYTES } from '../../../../src/services/device-flow/accept-submission';
import { acceptStaffSubmission } from '../../../../src/services/staff-signing/accept-staff-submission';

export const dynamic = 'force-dynamic';

/** A doctor's or witness's signature made in the console (the staff session is the signer's identity). */
export const POST = handle(async (app, request) => {
  const session = await requireStaffMutation(app, request);
  const raw = await readBody(request, SUBMISSION_LIMIT_BYTES, JSON_TYPE);
  const result = await acceptStaffSubmission(app, session, parseJsonBytes(raw), raw, {
    address: clientAddress(request),
  });
  return json(result.body, result.status);
});
