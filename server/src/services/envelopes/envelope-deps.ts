import { type AppContext, HOSPITAL_NAME } from '../../app-context';
import type { CreateEnvelopeDeps } from './create-envelope';

/** The launch use case's dependencies, taken from the process context (console and HIS API alike). */
export function envelopeDeps(app: AppContext): CreateEnvelopeDeps {
  return {
    db: app.db,
    clock: app.clock,
    push: app.push,
    blobs: app.blobs,
    log: app.log,
    hospitalName: HOSPITAL_NAME,
    fontPath: app.config.cjkFont,
    publicUrl: app.config.publicUrl,
  };
}
