// The OpenAPI 3.1 document of /api/v1, generated (zod-openapi) from the same zod schemas that parse the
// requests (query-schemas.ts) and describe the answers (response-schemas.ts), so the two cannot disagree.
// Served at /api/v1/openapi.json; the contract test validates it and every real answer against it.
import { z } from 'zod';
import { type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, createDocument } from 'zod-openapi';
import { API_LIMITS } from './limits';
import { type OperationSpec, operations } from './operations';
import { problemSchema } from './problem';

const rateLimitHeaders = z.object({
  'RateLimit-Policy': z.string().meta({ description: 'The limit of this token: requests;w=seconds', example: `${API_LIMITS.perToken.max};w=${API_LIMITS.perToken.windowSeconds}` }),
  'RateLimit-Limit': z.string().meta({ description: 'Requests allowed in the window', example: String(API_LIMITS.perToken.max) }),
  'RateLimit-Remaining': z.string().meta({ description: 'Requests left in the current window', example: '598' }),
  'RateLimit-Reset': z.string().meta({ description: 'Seconds until the window ends', example: '42' }),
});

const problem = (description: string, headers?: z.ZodObject) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
  ...(headers ? { headers } : {}),
});

const errorResponses = {
  '400': problem(
    'A parameter is invalid, repeated (only institutionId repeats), or not a parameter of this operation (unknown parameters are refused, not ignored); a cursor is not one of this query and token. errors names each parameter.',
  ),
  '401': problem('No Authorization header, or a token that is unknown, revoked or expired. Only bearer tokens authenticate: a browser session cookie does not.', z.object({ 'WWW-Authenticate': z.string().meta({ example: 'Bearer realm="kaiji"' }) })),
  '404': problem('Not found, or outside your scope (the same answer), or the token’s owner no longer holds its role.'),
  '429': problem(
    `Over the rate limit: ${API_LIMITS.perToken.max} requests per ${API_LIMITS.perToken.windowSeconds} s per token, or ${API_LIMITS.badTokensPerAddress.max} requests with a bad token per ${API_LIMITS.badTokensPerAddress.windowSeconds / 60} min per client address. Retry-After says when to try again.`,
    z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait', example: '30' }) }),
  ),
  default: problem('Any other error (405 for a method other than GET/HEAD, with Allow; 500), always RFC 9457 problem details.'),
};

function operationObject(op: OperationSpec): ZodOpenApiOperationObject {
  const headers = op.etag ? rateLimitHeaders.extend({ ETag: z.string().meta({ description: 'Send back in If-None-Match', example: '"Xb2cY0PpX2q9m2JgWmR3uA7yH1kLx0aZ"' }) }) : rateLimitHeaders;
  return {
    operationId: op.operationId,
    tags: op.tags,
    summary: op.summary,
    description: op.description,
    requestParams: {
      query: op.query,
      ...(op.pathSchema ? { path: op.pathSchema } : {}),
      ...(op.etag ? { header: z.object({ 'If-None-Match': z.string().optional().meta({ description: 'The ETag of a copy you hold: 304 if it is current' }) }) } : {}),
    },
    responses: {
      '200': { description: op.summary, headers, content: { 'application/json': { schema: op.response, example: op.example } } },
      ...(op.etag ? { '304': { description: 'Not modified: the copy whose ETag you sent is current', headers } } : {}),
      ...errorResponses,
    },
  };
}

const paths: ZodOpenApiPathsObject = {};
for (const op of Object.values(operations) as OperationSpec[]) paths[op.path] = { get: operationObject(op) };
paths['/api/v1/openapi.json'] = {
  get: {
    operationId: 'getOpenApiDocument',
    tags: ['Meta'],
    summary: 'This document',
    description: 'The OpenAPI 3.1 description of this API. Public (it holds no data); answers with an ETag and honours If-None-Match.',
    security: [],
    responses: {
      '200': {
        description: 'The OpenAPI 3.1 document',
        headers: z.object({ ETag: z.string() }),
        content: { 'application/json': { schema: z.looseObject({ openapi: z.literal('3.1.0') }), example: { openapi: '3.1.0', info: { title: 'Kaiji read API', version: '1.1.0' } } } },
      },
      '304': { description: 'Not modified' },
      default: errorResponses.default,
    },
  },
};

const DESCRIPTION = `Read-only JSON for ministry and university systems.

**Authentication.** Only a personal access token authenticates: \`Authorization: Bearer kaiji_pat_…\`, issued by a Kaiji system administrator. Browser session cookies are not accepted here. A token has a role (AUDITOR: read for oversight; OFFICER: read its institution's disclosures) and a scope (some institutions, or all), and reads exactly what a person with that role and scope reads in the web app. Anything outside the scope answers 404, the same as something that does not exist.

**Parameters.** Every parameter is described with its limits; anything else is refused with 400 — including parameters an operation does not have (they are not ignored), repeated parameters (only institutionId repeats) and booleans other than the words \`true\` and \`false\`.

**Errors.** Every error is \`application/problem+json\` (RFC 9457) with \`type\`, \`title\`, \`status\`, \`detail\`, \`instance\` and, for 400, \`errors\` naming each parameter. Unknown paths under /api/v1 answer 404 and other methods than GET/HEAD 405 with \`Allow\`, in the same format.

**Pagination.** Lists use keyset pages: pass \`nextCursor\` back as \`cursor\` with the same other parameters, or follow \`links.next\`. Cursors are opaque and bound to their query and token; any other cursor is refused (400).

**Rate limits.** ${API_LIMITS.perToken.max} requests per ${API_LIMITS.perToken.windowSeconds} seconds per token (\`RateLimit-*\` headers on every answer), and ${API_LIMITS.badTokensPerAddress.max} requests with a bad token per ${API_LIMITS.badTokensPerAddress.windowSeconds / 60} minutes per client address; over them, 429 with \`Retry-After\`.

**Caching.** The document and single disclosures carry an \`ETag\`; send it back in \`If-None-Match\` for 304.

**Amounts** in yen are decimal strings (they can exceed 2^53). Times are ISO 8601 in UTC.`;

export function buildOpenApiDocument() {
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'Kaiji read API',
        version: '1.1.0',
        description: DESCRIPTION,
        contact: { name: 'The Kaiji system administrators of this deployment (they issue the tokens)' },
        license: { name: 'Proprietary: for the institutions and ministry that operate this deployment', identifier: 'LicenseRef-Kaiji-Deployment' },
      },
      servers: [{ url: '/', description: 'This Kaiji server' }],
      security: [{ bearerAuth: [] }],
      tags: [
        { name: 'Scope', description: 'What your token may read: institutions and fiscal years' },
        { name: 'Disclosures', description: 'Disclosures, one per researcher and cycle' },
        { name: 'Reports', description: 'Aggregate reports; each figure links to its records' },
        { name: 'Meta', description: 'This description' },
      ],
      paths,
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'kaiji_pat_<43 base64url characters>', description: 'A personal access token. Nothing else (no cookie) authenticates.' },
        },
      },
    },
    {
      // Dates leave as ISO strings (JSON.stringify).
      override: ({ jsonSchema, zodSchema, io }) => {
        if (zodSchema._zod.def.type === 'date' && io === 'output') Object.assign(jsonSchema, { type: 'string', format: 'date-time' });
      },
    },
  );
}

let cached: { text: string; document: ReturnType<typeof buildOpenApiDocument> } | null = null;

/** The document and its JSON text (built once per process: it depends on nothing at run time). */
export function openApiDocument() {
  if (!cached) {
    const document = buildOpenApiDocument();
    cached = { document, text: JSON.stringify(document) };
  }
  return cached;
}
