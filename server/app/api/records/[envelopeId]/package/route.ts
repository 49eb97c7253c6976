import { z } from 'zod';
import { HOSPITAL_NAME } from '../../../../../src/app-context';
import { handle } from '../../../../../src/http/handle';
import { buildEnvelopeCourtReports } from '../../../../../src/services/court-report';
import { exportEvidencePackage } from '../../../../../src/services/records/export-evidence-package';
import { requireRecordsSession } from '../../../../../src/services/records/require-records-session';

export const dynamic = 'force-dynamic';

export const GET = handle<{ envelopeId: string }>(async (app, request, params) => {
  const { actor } = await requireRecordsSession(app, request);
  const trust = await app.trust();
  const reportDeps = {
    ...app,
    trust,
    hospitalName: HOSPITAL_NAME,
    publicUrl: app.config.publicUrl,
    fontPath: app.config.cjkFont,
  };
  // The package carries the sealed court report of the envelope's first (usually only) evidence bundle.
  const courtReport = async (envelopeId: string) =>
    (await buildEnvelopeCourtReports(reportDeps, envelopeId))[0]?.pdf ?? null;
  const file = await exportEvidencePackage({ ...app, trust, courtReport }, actor, z.uuid().parse(params.envelopeId));
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${file.filename}"`,
      'x-content-sha256': file.sha256,
    },
  });
});
