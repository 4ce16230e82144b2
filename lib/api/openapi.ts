// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Static: written by hand beside
// the endpoints (lib/api/endpoints.ts); a test checks that every implemented route is described.

const filterParams = [
  { name: 'fiscalYear', in: 'query', description: 'Fiscal year of the cycles (default: the newest with disclosures in scope).', schema: { type: 'integer', minimum: 2000, maximum: 2100 } },
  { name: 'institutionId', in: 'query', description: 'Narrow the scope to these institutions (repeatable); ids outside your scope select nothing.', schema: { type: 'array', items: { type: 'string', format: 'uuid' } }, style: 'form', explode: true },
  { name: 'publication', in: 'query', description: 'Publication variant: no names, counts below the configured minimum withheld.', schema: { type: 'boolean' } },
] as const;

const figureParams = [
  { name: 'status', in: 'query', schema: { type: 'string', enum: ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED', 'RESUBMITTED', 'APPROVED', 'FLAGGED'] } },
  { name: 'severity', in: 'query', description: 'Highest finding severity; NONE: submitted without findings.', schema: { type: 'string', enum: ['FLAG', 'REVIEW', 'INFO', 'NONE'] } },
  { name: 'institution', in: 'query', description: 'One institution (a figure of a breakdown).', schema: { type: 'string', format: 'uuid' } },
  { name: 'country', in: 'query', description: 'Names an organisation in this country (ISO 3166-1 alpha-2).', schema: { type: 'string', pattern: '^[A-Z]{2}$' } },
  { name: 'programme', in: 'query', description: 'Names this talent programme (normalised name, as in the report).', schema: { type: 'string' } },
  { name: 'rule', in: 'query', description: 'A current finding of this rule code.', schema: { type: 'string' } },
  { name: 'flagged', in: 'query', description: 'Escalated, or with a finding of severity FLAG.', schema: { type: 'boolean' } },
  { name: 'submitted', in: 'query', schema: { type: 'boolean' } },
  { name: 'talent', in: 'query', description: 'any: in a talent programme; grants: … with domestic grants over the threshold; group: … at an institution of the group list; watchlist: … matched to a watchlist.', schema: { type: 'string', enum: ['any', 'grants', 'group', 'watchlist'] } },
  { name: 'entry', in: 'query', description: 'With talent=group: one institution (entry) of the group list.', schema: { type: 'string', format: 'uuid' } },
  { name: 'watchlist', in: 'query', description: 'With talent=watchlist: one watchlist code.', schema: { type: 'string' } },
] as const;

const talentParams = [
  { name: 'threshold', in: 'query', description: 'Yen; grants must total more than this (default 100000000).', schema: { type: 'integer', minimum: 0 } },
  { name: 'window', in: 'query', description: 'Fiscal years of grants, ending with fiscalYear (default 10).', schema: { type: 'integer', minimum: 1, maximum: 30 } },
  { name: 'group', in: 'query', description: 'Code of the GROUP watchlist (default: setting reports.groupWatchlist, the SASTIND sample).', schema: { type: 'string' } },
] as const;

const errors = {
  '400': { description: 'Invalid parameters', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '401': { description: 'No credential, or a token that is unknown, revoked or expired', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '404': { description: 'Not found, or not in your scope (the same answer)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};

const figure = {
  type: 'object',
  properties: {
    count: { type: ['integer', 'null'], description: 'null when withheld (publication variant)' },
    suppressed: { type: 'boolean' },
    records: { type: ['string', 'null'], description: 'The list of records behind the figure' },
  },
  required: ['count', 'suppressed', 'records'],
};

const amount = { type: ['string', 'null'], pattern: '^\\d+$', description: 'Yen, as a decimal string; null when none or withheld' };

const talentFigures = {
  type: 'object',
  properties: {
    talent: { $ref: '#/components/schemas/Figure' },
    aboveThreshold: { $ref: '#/components/schemas/Figure' },
    aboveTotalJpy: amount,
    aboveLargestJpy: amount,
    atGroup: { $ref: '#/components/schemas/Figure' },
    onWatchlist: { $ref: '#/components/schemas/Figure' },
  },
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Kaiji read API',
    version: '1.0.0',
    description:
      'Read-only JSON for ministry and university systems. Authenticate with a personal access token issued by a Kaiji administrator (Authorization: Bearer kaiji_pat_…). A token has a role (AUDITOR: read for oversight; OFFICER: read the institution’s disclosures) and a scope (institutions, or all), and reads exactly what a person with that role and scope reads in the web app. Anything outside the scope answers 404, the same as something that does not exist. Lists use keyset pagination: pass nextCursor back as cursor.',
  },
  servers: [{ url: '/' }],
  security: [{ bearerAuth: [] }],
  paths: {
    '/api/v1/institutions': {
      get: {
        operationId: 'listInstitutions',
        summary: 'Institutions in your scope',
        responses: {
          '200': { description: 'Institutions', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Institution' } } }, required: ['data'] } } } },
          '401': errors['401'],
          '404': errors['404'],
        },
      },
    },
    '/api/v1/disclosures': {
      get: {
        operationId: 'listDisclosures',
        summary: 'Disclosures (one per researcher and cycle) in your scope, filtered like a report figure',
        parameters: [
          ...filterParams,
          ...figureParams,
          ...talentParams,
          { name: 'cursor', in: 'query', description: 'nextCursor of the previous page', schema: { type: 'string', format: 'uuid' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
        ],
        responses: {
          '200': {
            description: 'One page of disclosures, by researcher name',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    fiscalYear: { type: 'integer' },
                    data: { type: 'array', items: { $ref: '#/components/schemas/DisclosureSummary' } },
                    nextCursor: { type: ['string', 'null'] },
                    links: { type: 'object', properties: { next: { type: ['string', 'null'] } } },
                  },
                  required: ['fiscalYear', 'data', 'nextCursor'],
                },
              },
            },
          },
          ...errors,
        },
      },
    },
    '/api/v1/disclosures/{id}': {
      get: {
        operationId: 'getDisclosure',
        summary: 'One disclosure: summary, latest submitted version and its current findings',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: {
          '200': { description: 'The disclosure', content: { 'application/json': { schema: { type: 'object', properties: { data: { $ref: '#/components/schemas/DisclosureDetail' } }, required: ['data'] } } } },
          '401': errors['401'],
          '404': errors['404'],
        },
      },
    },
    '/api/v1/reports/talent-grants': {
      get: {
        operationId: 'talentGrantsReport',
        summary: 'Researchers in foreign talent programmes; domestic grants above a threshold over a window; at institutions of a group; matched to watchlists',
        parameters: [...filterParams, ...talentParams],
        responses: {
          '200': {
            description: 'The report',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    fiscalYear: { type: 'integer' },
                    thresholdJpy: { type: 'string', pattern: '^\\d+$' },
                    window: { type: 'integer' },
                    windowFiscalYears: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
                    publication: { type: 'boolean' },
                    publicationMinimum: { type: 'integer' },
                    group: { type: 'object', properties: { code: { type: 'string' }, found: { type: 'boolean' }, nameEn: { type: 'string' }, nameJa: { type: 'string' }, isSample: { type: 'boolean' } } },
                    totals: { $ref: '#/components/schemas/TalentFigures' },
                    byInstitution: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/TalentFigures' }, { type: 'object', properties: { institution: { type: 'object', properties: { id: { type: 'string' }, nameJa: { type: 'string' }, nameEn: { type: 'string' } } } } }] } },
                    byGroupEntry: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/Figure' }, { type: 'object', properties: { entryId: { type: 'string' }, name: { type: 'string' }, nameJa: { type: ['string', 'null'] } } }] } },
                    byWatchlist: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/Figure' }, { type: 'object', properties: { code: { type: 'string' }, nameEn: { type: 'string' }, nameJa: { type: 'string' }, isSample: { type: 'boolean' } } }] } },
                  },
                },
              },
            },
          },
          ...errors,
        },
      },
    },
    '/api/v1/openapi.json': {
      get: {
        operationId: 'openApi',
        summary: 'This document',
        security: [],
        responses: { '200': { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  },
  components: {
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'kaiji_pat_<43 base64url characters>' } },
    schemas: {
      Error: { type: 'object', properties: { error: { type: 'string' }, message: { type: 'string' } }, required: ['error'] },
      Figure: figure,
      TalentFigures: talentFigures,
      Institution: {
        type: 'object',
        properties: { id: { type: 'string', format: 'uuid' }, slug: { type: 'string' }, nameJa: { type: 'string' }, nameEn: { type: 'string' }, country: { type: 'string' }, retired: { type: 'boolean' } },
        required: ['id', 'slug', 'nameJa', 'nameEn'],
      },
      DisclosureSummary: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          fiscalYear: { type: 'integer' },
          institution: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } } },
          researcherName: { type: ['string', 'null'], description: 'null in the publication variant' },
          eradNumber: { type: ['string', 'null'] },
          status: { type: 'string' },
          maxSeverity: { type: ['string', 'null'] },
          findingCount: { type: 'integer' },
          pendingMatches: { type: 'integer' },
          version: { type: ['integer', 'null'], description: 'Latest submitted version; null for a draft' },
          lastSubmittedAt: { type: ['string', 'null'], format: 'date-time' },
          talentProgrammes: { type: 'integer' },
          grantTotalJpy: { type: 'string', description: 'With talent filters: domestic grants in the window, yen' },
        },
        required: ['id', 'fiscalYear', 'institution', 'status'],
      },
      DisclosureDetail: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          fiscalYear: { type: 'integer' },
          institution: { type: 'object', properties: { id: { type: 'string' }, nameJa: { type: 'string' }, nameEn: { type: 'string' } } },
          researcherName: { type: ['string', 'null'] },
          eradNumber: { type: ['string', 'null'] },
          status: { type: 'string' },
          maxSeverity: { type: ['string', 'null'] },
          findingCount: { type: 'integer' },
          pendingMatches: { type: 'integer' },
          lastSubmittedAt: { type: ['string', 'null'], format: 'date-time' },
          decidedAt: { type: ['string', 'null'], format: 'date-time' },
          latestVersion: {
            type: ['object', 'null'],
            properties: {
              number: { type: 'integer' },
              kind: { type: 'string' },
              certifiedAt: { type: 'string', format: 'date-time' },
              formVersion: { type: 'integer' },
              items: { type: 'object', additionalProperties: { type: 'integer' } },
              talentProgrammes: { type: 'integer' },
              organisations: { type: 'array', items: { type: 'object', properties: { section: { type: 'string' }, name: { type: 'string' }, country: { type: ['string', 'null'] } } } },
            },
          },
          findings: { type: 'array', items: { type: 'object', properties: { rule: { type: 'string' }, severity: { type: 'string' }, itemRef: { type: ['string', 'null'] }, messageJa: { type: 'string' }, messageEn: { type: 'string' } } } },
        },
        required: ['id', 'fiscalYear', 'institution', 'status', 'findings'],
      },
    },
  },
} as const;
