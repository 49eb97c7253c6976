import QRCode from 'qrcode';
import { createDeviceEnrollment } from '../../../services/devices/devices';
import { roleProcedure } from '../init';
import { ZCreateEnrollmentInputSchema } from './create-enrollment.schema';

/** Admin only. Returns the one-time code and a QR (SVG) of the kiosk enrollment URL carrying it. */
export const createEnrollment = roleProcedure('admin')
  .input(ZCreateEnrollmentInputSchema)
  .mutation(async ({ ctx, input }) => {
    const result = await createDeviceEnrollment(ctx.app, ctx.actor, input);
    const url = `${ctx.app.config.publicUrl}/kiosk?enroll=${encodeURIComponent(result.code)}`;
    const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    return { ...result, url, qrSvg };
  });
