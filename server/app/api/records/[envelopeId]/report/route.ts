import { createHash } from 'node:crypto';
import { z } from 'zod';
import { HOSPITAL_NAME } from '../../../../../src/app-context';
import { AppError } from '../../../../../src/errors';
import { handle } from '../../../../../src/http/handle';
import { buildEnvelopeCourtReports } from '../../../../../src/services/court-report';
import { recordAudit } from '../../../../../src/services/records/record-audit';
import { requireRecordsSession } from '../../../../../src/services/records/require-records-session';

export const dynamic = 'force-dynamic';

/** The sealed court report (出证报告) of the envelope's first evidence bundle, for the records role (audited). */
export const GET = handle<{ envelopeId: string }>(async (app, request, params) => {
  const { actor } = await requireRecordsSession(app, request);
  const envelopeId = z.uuid().parse(params.envelopeId);
  const trust = await app.trust();
  const [report] = await buildEnvelopeCourtReports(
    { ...app, trust, hospitalName: HOSPITAL_NAME, publicUrl: app.config.publicUrl, fontPath: app.config.cjkFont },
    envelopeId,
  );
  if (!report) throw new AppError('NOT_FOUND', '尚无已封存的证据包 / No sealed evidence bundle yet');
  const sha256 = createHash('sha256').update(report.pdf).digest('hex');
  await recordAudit(
    app.db,
    actor,
    'records.exported',
    { type: 'envelope', id: envelopeId },
    { export: 'court-report', sha256 },
  );
  return new Response(new Uint8Array(report.pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="court-report-${envelopeId.slice(0, 8)}.pdf"`,
      'x-content-sha256': sha256,
    },
  });
});
