// The one error format of /api/v1: RFC 9457 problem details (application/problem+json). Every refusal
// under /api/v1 — bad parameters, bad credentials, not found, wrong method, too many requests — is one
// of these, and the OpenAPI document declares it as every operation's `default` response.
import { z } from 'zod';

export const PROBLEM_TYPES = {
  'bad-request': { status: 400, title: 'Invalid request parameters' },
  unauthorized: { status: 401, title: 'Authentication required' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  'server-error': { status: 500, title: 'Unexpected error' },
} as const;
export type ProblemType = keyof typeof PROBLEM_TYPES;

/** Problem types are URNs: stable names that promise no web page behind them. */
export const PROBLEM_TYPE_BASE = 'urn:kaiji:problem:';

export interface ParameterError {
  /** The public name of the parameter, as the document spells it (never an internal path). */
  parameter: string;
  message: string;
}

export const problemSchema = z
  .object({
    type: z.string().meta({ description: 'A URI naming the kind of problem', example: `${PROBLEM_TYPE_BASE}bad-request` }),
    title: z.string().meta({ description: 'Short summary of the kind of problem', example: PROBLEM_TYPES['bad-request'].title }),
    status: z.int().min(400).max(599).meta({ description: 'The HTTP status code', example: 400 }),
    detail: z.string().meta({ description: 'What went wrong with this request', example: 'publication: must be true or false' }),
    instance: z.string().meta({ description: 'The path of the request', example: '/api/v1/disclosures' }),
    errors: z
      .array(
        z.object({
          parameter: z.string().meta({ description: 'The query or path parameter, by its public name', example: 'publication' }),
          message: z.string().meta({ example: 'must be true or false' }),
        }),
      )
      .optional()
      .meta({ description: 'With status 400: each invalid parameter' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details, the answer to every refused request' });

export type Problem = z.infer<typeof problemSchema>;

export function problemBody(type: ProblemType, detail: string, instance: string, errors?: ParameterError[]): Problem {
  const { status, title } = PROBLEM_TYPES[type];
  return { type: `${PROBLEM_TYPE_BASE}${type}`, title, status, detail, instance, ...(errors ? { errors } : {}) };
}

export function problemResponse(type: ProblemType, detail: string, instance: string, o: { errors?: ParameterError[]; headers?: Record<string, string> } = {}): Response {
  const body = problemBody(type, detail, instance, o.errors);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store', ...o.headers },
  });
}
