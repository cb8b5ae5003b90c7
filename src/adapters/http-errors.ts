/**
 * How the HTTP adapter reads a response: a success's JSON body, or the `CheckinError` a
 * failed status means (RFC 9457 problem details with a `code`, see docs/http.md).
 */
import { CheckinError, ERROR_CODES, type CheckinErrorCode } from '../model.js';

const BY_STATUS: Record<number, CheckinErrorCode> = {
  400: 'invalid',
  401: 'forbidden',
  403: 'forbidden',
  404: 'not-found',
  408: 'timeout',
  409: 'conflict',
  412: 'conflict',
  413: 'invalid',
  415: 'invalid',
  422: 'invalid',
  428: 'invalid',
  429: 'rate-limited',
  504: 'timeout',
};

/** `Retry-After` (seconds or an HTTP date) as an instant, or null. */
export function retryAfter(response: Response, now = Date.now()): string | null {
  const header = response.headers.get('Retry-After')?.trim() ?? '';
  if (!header) return null;
  const at = /^\d+$/.test(header) ? now + Number(header) * 1000 : Date.parse(header);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

const DEFAULT_MESSAGES: Record<CheckinErrorCode, string> = {
  forbidden: 'You are not allowed to do this.',
  'not-found': 'This could not be found.',
  conflict: 'This changed in the meantime.',
  invalid: 'The request was not accepted.',
  'rate-limited': 'Too many requests. Try again later.',
  network: 'The network could not be reached.',
  timeout: 'The server took too long to answer.',
  unavailable: 'The service is unavailable. Try again in a moment.',
};

interface Problem {
  code?: unknown;
  detail?: unknown;
  title?: unknown;
  retryAt?: unknown;
}

/** The error a failed response means; its problem body's `code` wins when it is one we know. */
export async function failureOf(response: Response, route: string): Promise<CheckinError> {
  const byStatus: CheckinErrorCode = BY_STATUS[response.status] ?? (response.status >= 500 ? 'unavailable' : 'invalid');
  // A proxy's HTML error page, or nothing: the status says enough.
  const problem = ((await response.json().catch(() => null)) ?? null) as Problem | null;
  const code = ERROR_CODES.includes(problem?.code as CheckinErrorCode) ? (problem!.code as CheckinErrorCode) : byStatus;
  const text =
    typeof problem?.detail === 'string' ? problem.detail : typeof problem?.title === 'string' ? problem.title : '';
  const retryAt =
    typeof problem?.retryAt === 'string' && !Number.isNaN(Date.parse(problem.retryAt))
      ? problem.retryAt
      : retryAfter(response);
  // A 503 with Retry-After is worth retrying; any 4xx but 408/429 is not, whatever the code.
  const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
  return new CheckinError(code, text || `${DEFAULT_MESSAGES[code]} (${route}: ${response.status})`, {
    retryable,
    retryAt,
  });
}

/** The JSON of a successful response; a body that is not JSON is `invalid`, naming the route. */
export async function bodyOf<T>(response: Response, route: string): Promise<T> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new CheckinError('invalid', `${route} answered ${type || 'no content type'}, not JSON.`, {
      retryable: false,
    });
  }
  try {
    return (await response.json()) as T;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new CheckinError('invalid', `${route} answered with JSON that could not be read.`, {
      retryable: false,
      cause: error,
    });
  }
}
