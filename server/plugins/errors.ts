// Errors plugin: every failure becomes application/problem+json (RFC 9457) with a stable `code`.
// Database errors map by SQLSTATE (PostgREST's table; PTxxx means HTTP xxx); nothing of the
// SQL, the stack or another tenant's data reaches the client.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** An error the HTTP layer raises itself (authentication, webhooks...). */
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
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
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
  if (sqlState === '57014') return { status: 503, code: 'query_timeout' };
  if (sqlState.startsWith('40')) return { status: 503, code: 'transaction_conflict' };
  const prefix = sqlState.slice(0, 2);
  if (prefix === '08' || prefix === '53') return { status: 503, code: 'database_unavailable' };
  if (prefix === '54') return { status: 413, code: 'too_large' };
  if (prefix === '22' || prefix === '23') return { status: 400, code: 'invalid_input' };
  if (prefix === '28' || prefix === '0L' || prefix === '0P') return { status: 403, code: 'permission_denied' };
  return { status: 500, code: 'internal_error' };
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
    const problem = base(400, 'invalid_request', 'the request does not match the schema');
    problem.errors = fastifyError.validation.map((issue) => ({
      path: `${fastifyError.validationContext ?? 'body'}${issue.instancePath || ''}`,
      message: issue.message ?? 'is invalid',
    }));
    return { problem, headers: {} };
  }
  const status = typeof fastifyError?.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code = fastifyError.code ? fastifyError.code.replace(/^FST_(ERR_)?/, '').toLowerCase() : 'bad_request';
    return { problem: base(status, code, fastifyError.message), headers: {} };
  }
  return { problem: base(500, 'internal_error'), headers: {} };
}

function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string>) {
  return reply.code(problem.status).headers(headers).type('application/problem+json; charset=utf-8').send(problem);
}

export default fp(
  async (fastify) => {
    fastify.setErrorHandler((error, request: FastifyRequest, reply) => {
      const { problem, headers } = toProblem(error, request.id);
      if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
      return sendProblem(reply, problem, headers);
    });
    fastify.setNotFoundHandler((request, reply) => {
      return sendProblem(
        reply,
        toProblem(new HttpProblem(404, 'route_not_found', 'no such route'), request.id).problem,
        {},
      );
    });
  },
  { name: 'errors' },
);
