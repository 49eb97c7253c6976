import { z } from 'zod';
import { WEBHOOK_EVENTS } from '../../services/webhooks/webhooks';
import { ZProblemSchema, ZRestCreateEnvelopeSchema, ZRestDocumentSchema, ZRestEnvelopeSchema } from './schemas';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const idParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });

/** OpenAPI 3.1 for the HIS/EMR API, generated from the zod schemas the handlers validate with. */
export function buildOpenApiDocument(serverUrl: string) {
  const registry = z.registry<{ id: string }>();
  for (const schema of [ZRestCreateEnvelopeSchema, ZRestEnvelopeSchema, ZRestDocumentSchema, ZProblemSchema]) {
    registry.add(schema, { id: String(schema.meta()?.id) });
  }
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Record<string, unknown>> };
  for (const schema of Object.values(schemas)) delete schema.$schema;
  const ok = (ref: string, description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'inkproof HIS/EMR API',
      version: '1.0.0',
      description:
        '发起与查询知情同意签署 / Launch and track consent signings. Auth: `Authorization: Bearer <API key>`.',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'Per-integration API key' } },
      schemas,
    },
    paths: {
      '/webhooks': {
        post: {
          operationId: 'registerWebhook',
          summary: 'Receive envelope events (completed, declined, expired, cancelled, failed)',
          description:
            'Each delivery is a POST with `x-inkproof-timestamp` (unix seconds) and `x-inkproof-signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`; reject timestamps more than 300 s from your clock. Failed deliveries are retried with exponential backoff.',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['url', 'events'],
                  properties: {
                    url: { type: 'string', format: 'uri' },
                    events: { type: 'array', minItems: 1, items: { type: 'string', enum: [...WEBHOOK_EVENTS] } },
                  },
                },
              },
            },
          },
          responses: {
            '201': { description: 'Registered; the response carries `secret`, shown only once' },
            '400': problem('Invalid input'),
            '401': problem('Missing or invalid API key'),
          },
        },
      },
      '/webhooks/{id}/deliveries': {
        get: {
          operationId: 'listWebhookDeliveries',
          parameters: [idParam('id')],
          responses: { '200': { description: 'Delivery log, newest first' }, '404': problem('Not found') },
        },
      },
      '/envelopes': {
        post: {
          operationId: 'createEnvelope',
          summary: 'Launch forms for a patient',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', maxLength: 200 },
              description: 'Retrying with the same key returns the first result; a different body → 422',
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateEnvelope' } } },
          },
          responses: {
            '201': ok('Envelope', 'Created'),
            '200': ok('Envelope', 'Replay of an earlier request with the same Idempotency-Key'),
            '400': problem('Invalid input (every failing field path in `errors`)'),
            '401': problem('Missing or invalid API key'),
            '404': problem('Unknown patient, template or device'),
            '413': problem('Body too large'),
            '422': problem('Idempotency-Key reused with a different body'),
          },
        },
      },
      '/envelopes/{id}': {
        get: {
          operationId: 'getEnvelope',
          parameters: [idParam('id')],
          responses: { '200': ok('Envelope', 'Status, signers and documents'), '404': problem('Not found') },
        },
      },
      '/envelopes/{id}/documents': {
        get: {
          operationId: 'listDocuments',
          parameters: [idParam('id')],
          responses: {
            '200': {
              description: 'Documents of the envelope',
              content: {
                'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Document' } } },
              },
            },
            '404': problem('Not found'),
          },
        },
      },
      '/envelopes/{id}/bundles/{bundleId}': {
        get: {
          operationId: 'downloadEvidenceBundle',
          parameters: [idParam('id'), idParam('bundleId')],
          responses: {
            '200': {
              description: 'The sealed evidence bundle (zip)',
              content: { 'application/vnd.inkproof.evidence+zip': {} },
            },
            '404': problem('Not found'),
          },
        },
      },
      '/envelopes/{id}/documents/{documentId}': {
        get: {
          operationId: 'downloadDocument',
          parameters: [idParam('id'), idParam('documentId')],
          responses: {
            '200': { description: 'The PDF (signed once sealed)', content: { 'application/pdf': {} } },
            '404': problem('Not found'),
          },
        },
      },
    },
  };
}
