export { ZCreateEnvelopeInputSchema } from '../../../services/envelopes/envelope-input';
