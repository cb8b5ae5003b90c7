/**
 * The wire's plumbing: JSON and RFC 9457 problem responses, reading a bounded JSON body,
 * refusing unknown fields, and the `Idempotency-Key`, `If-Match` and paging parameters.
 */
import { LIMITS } from '../../src/limits.js';
import { CheckinError, type CheckinErrorCode } from '../../src/model.js';
import { WireError } from './service.js';

/** The largest request body of the wire. */
export const BODY_LIMIT = 64 * 1024;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const STATUS_OF: Record<CheckinErrorCode, number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  unavailable: 503,
  timeout: 504,
  network: 503,
};

/** A request the wire refuses before it reaches the rules. */
export class Refusal extends WireError {}

export function jsonResponse(status: number, body: unknown, etag?: string | null): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (etag) headers.etag = etag;
  return new Response(JSON.stringify(body), { status, headers });
}

export function problem(
  status: number,
  code: CheckinErrorCode,
  detail: string,
  extra: { retryAt?: string | null; retryAfter?: number } = {},
): Response {
  const body: Record<string, unknown> = { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, code };
  if (extra.retryAt) body.retryAt = extra.retryAt;
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (extra.retryAfter !== undefined) headers['retry-after'] = String(extra.retryAfter);
  return new Response(JSON.stringify(body), { status, headers });
}

/** True for a failure of the database itself (connection, shutdown, overload, serialisation). */
function storageDown(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && /^(08|40|53|57)/.test(code)) return true;
  if (typeof code === 'string' && /^E(CONN|TIMEDOUT|PIPE|HOSTUNREACH|AI_AGAIN)/.test(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /closed|terminated|Connection|ECONNREFUSED/i.test(message);
}

/** Any failure as its problem response; `now` turns a `retryAt` into `Retry-After` seconds. */
export function errorResponse(error: unknown, now: number): Response {
  if (error instanceof CheckinError) {
    const status = error instanceof WireError ? error.status : STATUS_OF[error.code];
    if (error.code === 'rate-limited') {
      const at = error.retryAt ? Date.parse(error.retryAt) : now + 60_000;
      const retryAfter = Math.max(1, Math.ceil((at - now) / 1000));
      return problem(status, error.code, error.message, { retryAt: error.retryAt, retryAfter });
    }
    return problem(status, error.code, error.message, status === 503 ? { retryAfter: 5 } : {});
  }
  if (storageDown(error)) {
    console.error('checkin-server: storage failed:', (error as Error)?.message ?? error);
    return problem(503, 'unavailable', 'The check-in service cannot reach its storage. Try again in a moment.', {
      retryAfter: 5,
    });
  }
  console.error('checkin-server: unexpected failure:', error);
  return problem(500, 'unavailable', 'Something went wrong on the server. Try again in a moment.');
}

const isJsonType = (type: string) => {
  const media = type.split(';')[0]!.trim().toLowerCase();
  return media === 'application/json' || /^application\/[\w.+-]+\+json$/.test(media);
};

/**
 * The request's JSON body: 415 unless it is `application/json`, 413 past `limit` bytes, 400
 * when it does not parse or is not an object. An empty body is `{}` when `optional`.
 */
export async function readJson(request: Request, options: { limit?: number; optional?: boolean } = {}) {
  const limit = options.limit ?? BODY_LIMIT;
  const type = request.headers.get('content-type');
  if (type !== null && !isJsonType(type)) {
    throw new Refusal(415, 'invalid', 'The body must be JSON, sent as "Content-Type: application/json".');
  }
  const tooLarge = () => new Refusal(413, 'invalid', `The body is larger than ${Math.round(limit / 1024)} KiB.`);
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  if (size === 0) {
    if (options.optional) return {} as Record<string, unknown>;
    throw new Refusal(400, 'invalid', 'This request needs a JSON body.');
  }
  if (type === null) {
    throw new Refusal(415, 'invalid', 'The body must be JSON, sent as "Content-Type: application/json".');
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    throw new Refusal(400, 'invalid', 'The body is not valid JSON.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Refusal(400, 'invalid', 'The body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/** The fields each body may have (`true`: any value; an array: a list of that shape). */
export type Shape = true | [Shape] | { [key: string]: Shape };

const SCHEDULE: Shape = { weekday: true, time: true, timeZone: true, skipDates: true, pausedUntil: true };
const QUESTION: Shape = { id: true, prompt: true, required: true, maxLength: true, quickAnswers: true, purpose: true };

export const BODIES = {
  settings: { enabled: true, schedule: SCHEDULE, questions: [QUESTION], consent: true },
  answers: { answers: [{ questionId: true, text: true }], health: true },
  skip: { note: true },
  reply: { text: true },
  request: { message: true },
} satisfies Record<string, Shape>;

function unknownField(value: unknown, shape: Shape, path: string): string | null {
  if (shape === true || !value || typeof value !== 'object') return null;
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return null;
    for (const [index, item] of value.entries()) {
      const found = unknownField(item, shape[0], `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  // A value of the wrong type is the rules' to refuse, with their own message.
  if (Array.isArray(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    const name = path ? `${path}.${key}` : key;
    if (!Object.hasOwn(shape, key)) return name;
    const found = unknownField(inner, shape[key]!, name);
    if (found) return found;
  }
  return null;
}

/** Refuses a body with a field the wire does not define (400), naming it. */
export function checkFields(body: Record<string, unknown>, shape: Shape): void {
  const found = unknownField(body, shape, '');
  if (found) throw new Refusal(400, 'invalid', `The request has an unknown field "${found}".`);
}

/** The `Idempotency-Key` (a plain token or a quoted string); 400 when missing. */
export function idempotencyKey(request: Request): string {
  let key = request.headers.get('idempotency-key')?.trim() ?? '';
  if (/^".*"$/.test(key)) key = key.slice(1, -1);
  if (!key) throw new Refusal(400, 'invalid', 'This change needs an Idempotency-Key header.');
  if (key.length > LIMITS.idempotencyKey) {
    throw new Refusal(400, 'invalid', `The Idempotency-Key can be at most ${LIMITS.idempotencyKey} characters.`);
  }
  return key;
}

/** The settings version of `If-Match: "<version>"`; 428 when missing. */
export function ifMatchVersion(request: Request): number {
  const value = request.headers.get('if-match');
  if (value === null || !value.trim()) {
    throw new Refusal(
      428,
      'invalid',
      'Changing settings needs an If-Match header with the ETag they were loaded with.',
    );
  }
  const match = /^\s*"(\d{1,15})"\s*$/.exec(value);
  if (!match) throw new Refusal(400, 'invalid', 'If-Match must be the ETag of the settings, such as "3".');
  return Number(match[1]);
}

/** `cursor` and `limit` of a list request; 400 for a limit that is not a whole number. */
export function listOptions(url: URL): { cursor?: string; limit?: number } {
  const options: { cursor?: string; limit?: number } = {};
  const cursor = url.searchParams.get('cursor');
  if (cursor) options.cursor = cursor;
  const limit = url.searchParams.get('limit');
  if (limit !== null && limit !== '') {
    if (!/^\d{1,6}$/.test(limit))
      throw new Refusal(400, 'invalid', 'The page size must be a whole number of at least 1.');
    options.limit = Number(limit);
  }
  return options;
}
