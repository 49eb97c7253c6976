import { buildOpenApiDocument } from '../../../../src/api/rest/openapi';
import { handle, json } from '../../../../src/http/handle';

export const dynamic = 'force-dynamic';

export const GET = handle(async (app) => json(buildOpenApiDocument(app.config.publicUrl)));
