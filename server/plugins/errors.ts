// Errors plugin: every failure becomes application/problem+json (RFC 9457) with a stable `code`.
// Database errors map by SQLSTATE (PostgREST's table; PTxxx means HTTP xxx); nothing of the
// SQL, the stack or another tenant's data reaches the client.
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isDatabaseUnavailable } from '../db_faults.ts';

/** An error the HTTP layer raises itself (authentication, webhooks...). */
declare module 'fastify' {
  interface FastifyRequest {
    /** The code of the problem the request was answered with, for its access line. */
    problemCode: string | null;
  }
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The stored answer of an earlier request with the same Idempotency-Key, sent again as it was. */
export class ReplayedResponse extends Error {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string>,
    readonly contentType: string | null,
    readonly body: string | null,
  ) {
    super('replayed response');
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance: string;
  errors?: Array<{ path: string; message: string }>;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

interface DatabaseErrorLike {
  code: string;
  message: string;
  hint?: string;
  severity?: string;
}

function isDatabaseError(error: unknown): error is DatabaseErrorLike {
  const candidate = error as Partial<DatabaseErrorLike>;
  return (
    typeof candidate?.code === 'string' &&
    /^[0-9A-Z]{5}$/.test(candidate.code) &&
    typeof candidate.severity === 'string'
  );
}

/** Fastify's own refusals under stable codes of ours (the others: their FST_ERR_ code in lower case). */
const FASTIFY_CODES: Record<string, { code: string; detail: string }> = {
  FST_ERR_BAD_URL: { code: 'invalid_url', detail: 'the URL is not validly encoded' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'invalid_url', detail: 'a path parameter is too long' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', detail: 'the body must be application/json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', detail: "the body is larger than this route's limit" },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', detail: 'the body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', detail: 'the body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_content_length',
    detail: 'the Content-Length does not match the body',
  },
};

/** HTTP status and stable code for a SQLSTATE, after PostgREST's mapping. */
export function statusForSqlState(sqlState: string): { status: number; code: string } {
  const custom = /^PT(\d{3})$/.exec(sqlState);
  if (custom) return { status: Number(custom[1]), code: 'error' };
  if (sqlState === '23505') return { status: 409, code: 'conflict' };
  if (sqlState === '23503') return { status: 409, code: 'reference_conflict' };
  if (sqlState === '42501') return { status: 403, code: 'permission_denied' };
  if (sqlState === 'P0001') return { status: 400, code: 'rejected' };
  if (sqlState === '42883' || sqlState === '42P01') return { status: 404, code: 'not_found' };
  if (sqlState === '25006') return { status: 405, code: 'read_only' };
  // statement_timeout (or a cancel), lock_timeout, idle_in_transaction_session_timeout: retry later.
  if (sqlState === '57014') return { status: 503, code: 'query_timeout' };
  if (sqlState === '55P03') return { status: 503, code: 'lock_timeout' };
  if (sqlState === '25P03') return { status: 503, code: 'database_unavailable' };
  // The server shut down (admin, crash) or is still starting: another connection will do, later.
  if (sqlState === '57P01' || sqlState === '57P02' || sqlState === '57P03')
    return { status: 503, code: 'database_unavailable' };
  if (sqlState.startsWith('40')) return { status: 503, code: 'transaction_conflict' };
  const prefix = sqlState.slice(0, 2);
  if (prefix === '08' || prefix === '53') return { status: 503, code: 'database_unavailable' };
  if (prefix === '54') return { status: 413, code: 'too_large' };
  if (prefix === '22' || prefix === '23') return { status: 400, code: 'invalid_input' };
  if (prefix === '28' || prefix === '0L' || prefix === '0P') return { status: 403, code: 'permission_denied' };
  return { status: 500, code: 'internal_error' };
}

/** The most validation errors one problem lists (Ajv collects them all: `allErrors`). */
export const MAX_VALIDATION_ERRORS = 20;

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** The request's part as the API names it (Fastify says `querystring`). */
const PARTS: Record<string, string> = { querystring: 'query', body: 'body', params: 'params', headers: 'headers' };

/** A JSON pointer into the request as a field path in the request's own spelling: `body.details.modelYear`. */
function fieldPath(part: string, pointer: string, key?: unknown): string {
  const steps = pointer
    .split('/')
    .slice(1)
    .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (typeof key === 'string') steps.push(key);
  return steps.reduce((path, step) => (/^[0-9]+$/.test(step) ? `${path}[${step}]` : `${path}.${step}`), part);
}

/**
 * Ajv's errors (all of them) as the problem's `errors[]`: one per field, each naming the field as
 * sent. A union (`anyOf`/`oneOf`) is one error, not one per branch; an unknown key is named.
 */
export function describeValidation(issues: readonly ValidationIssue[], context: string) {
  const part = PARTS[context] ?? context;
  // The branches of a failed union: their own errors are replaced by the union's.
  const unions = issues.filter((issue) => issue.keyword === 'anyOf' || issue.keyword === 'oneOf');
  const inUnion = (issue: ValidationIssue) =>
    unions.some((union) => union !== issue && issue.schemaPath.startsWith(`${union.schemaPath}/`));
  const described: Array<{ path: string; message: string }> = [];
  for (const issue of issues) {
    // A misspelled key: its pattern's error has no key; the propertyNames error names it.
    if (inUnion(issue) || issue.schemaPath.includes('/propertyNames/')) continue;
    const params = issue.params ?? {};
    let path = fieldPath(part, issue.instancePath);
    let message = issue.message ?? 'is invalid';
    if (issue.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      path = fieldPath(part, issue.instancePath, params.additionalProperty);
      message = `unknown field ${params.additionalProperty}`;
    } else if (typeof params.propertyName === 'string') {
      // A key spelled otherwise than the API spells it is named as it was sent.
      path = fieldPath(part, issue.instancePath, params.propertyName);
      message = `unknown field ${params.propertyName} (fields are spelled in camelCase)`;
    } else if (issue.keyword === 'required' && typeof params.missingProperty === 'string') {
      path = fieldPath(part, issue.instancePath, params.missingProperty);
      message = 'is required';
    } else if (issue.keyword === 'discriminator' && typeof params.tag === 'string') {
      // The field that picks a union's branch (assetType): missing, or no branch has its value.
      path = fieldPath(part, issue.instancePath, params.tag);
      message =
        params.error === 'mapping' ? `no such ${params.tag}: ${JSON.stringify(params.tagValue)}` : 'is required';
    } else if (issue.keyword === 'anyOf' || issue.keyword === 'oneOf') {
      const branches = issues.filter((other) => other.schemaPath.startsWith(`${issue.schemaPath}/`));
      // Literals: the values allowed; types only: the types allowed; else the closest branch's
      // own complaint (a nullable string too long is "too long", not "must be null").
      const closest = branches.find((other) => other.keyword !== 'type' && other.keyword !== 'const');
      if (branches.length && branches.every((other) => other.keyword === 'const'))
        message = `must be one of ${branches.map((other) => JSON.stringify(other.params.allowedValue)).join(', ')}`;
      else if (closest) message = closest.message ?? message;
      else if (branches.length)
        message = `must be ${[...new Set(branches.map((other) => String(other.params.type)))].join(' or ')}`;
    }
    // One error per field.
    if (!described.some((seen) => seen.path === path)) described.push({ path, message });
    if (described.length === MAX_VALIDATION_ERRORS) break;
  }
  return described;
}

/** The problem document for any error (request id as instance). */
export function toProblem(error: unknown, requestId: string): { problem: Problem; headers: Record<string, string> } {
  const base = (status: number, code: string, detail?: string): Problem => ({
    type: 'about:blank',
    title: TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
    status,
    code,
    ...(detail ? { detail } : {}),
    instance: `urn:request:${requestId}`,
  });

  if (error instanceof HttpProblem)
    return { problem: base(error.status, error.code, error.message), headers: error.headers };

  // A lost or refused connection (a restart, a failover): the request was rolled back; retry it.
  if (isDatabaseUnavailable(error))
    return {
      problem: base(503, 'database_unavailable', 'the database is not reachable; retry later'),
      headers: { 'retry-after': '1' },
    };

  if (isDatabaseError(error)) {
    const { status, code } = statusForSqlState(error.code);
    // Procedures put their stable code in HINT; their messages are written for clients. Other
    // database messages (constraint names, types) stay in the log.
    const fromProcedure = Boolean(error.hint && /^[a-z][a-z0-9_]*$/.test(error.hint));
    return {
      problem: base(
        status,
        fromProcedure ? error.hint! : code,
        status < 500 && fromProcedure ? error.message : undefined,
      ),
      headers: status === 503 ? { 'retry-after': '1' } : {},
    };
  }

  const fastifyError = error as FastifyError;
  if (fastifyError?.validation) {
    const errors = describeValidation(fastifyError.validation, fastifyError.validationContext ?? 'body');
    // Asset details have their own code, whether the schema or the database refuses them.
    const inDetails = errors.every((error) => error.path === 'body.details' || error.path.startsWith('body.details.'));
    const problem = inDetails
      ? base(400, 'invalid_details', 'the details do not match the asset type')
      : base(400, 'invalid_request', 'the request does not match the schema');
    problem.errors = errors;
    return { problem, headers: {} };
  }
  const status = typeof fastifyError?.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status >= 400 && status < 500) {
    const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
    if (known) return { problem: base(status, known.code, known.detail), headers: {} };
    const code = fastifyError.code ? fastifyError.code.replace(/^FST_(ERR_)?/, '').toLowerCase() : 'bad_request';
    return { problem: base(status, code, fastifyError.message), headers: {} };
  }
  return { problem: base(500, 'internal_error'), headers: {} };
}

function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string>) {
  return reply.code(problem.status).headers(headers).type('application/problem+json; charset=utf-8').send(problem);
}

/** Refusals Node's HTTP parser makes before any request exists (Fastify's clientErrorHandler). */
const CLIENT_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'headers_too_large', detail: 'the request headers are too large' },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'request_timeout',
    detail: 'the request was not received in time',
  },
};

/**
 * The answer to a connection whose request Node's parser refused (headers too large, a timeout
 * while receiving it, malformed HTTP): problem+json written on the socket, which is then closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = (error.code && CLIENT_ERRORS[error.code]) || {
    status: 400,
    code: 'bad_request',
    detail: 'the request is not valid HTTP',
  };
  const body = JSON.stringify({
    type: 'about:blank',
    title: TITLES[known.status],
    status: known.status,
    code: known.code,
    detail: known.detail,
    instance: `urn:request:${randomUUID()}`,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${known.status} ${TITLES[known.status]}\r\nConnection: close\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** Fastify's routing refusals (a URL that is not validly %-encoded...) as problems: `frameworkErrors`. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { problem, headers } = toProblem(error, request.id);
  return sendProblem(reply, problem, headers);
}

export default fp(
  async (fastify) => {
    fastify.decorateRequest('problemCode', null);
    fastify.setErrorHandler((error, request: FastifyRequest, reply) => {
      if (error instanceof ReplayedResponse) {
        reply.code(error.status).headers(error.headers);
        if (error.contentType) reply.type(error.contentType);
        return reply.send(error.body ?? undefined);
      }
      const { problem, headers } = toProblem(error, request.id);
      // A refusal's code goes on the request's one access line (server/app.ts); a failure in full.
      if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
      request.problemCode = problem.code;
      return sendProblem(reply, problem, headers);
    });
    fastify.setNotFoundHandler((request, reply) => {
      request.problemCode = 'route_not_found';
      return sendProblem(
        reply,
        toProblem(new HttpProblem(404, 'route_not_found', 'no such route'), request.id).problem,
        {},
      );
    });
  },
  { name: 'errors' },
);
