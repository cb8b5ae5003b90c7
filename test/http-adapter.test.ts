/**
 * HttpAdapter against a scripted `fetch`: what it sends (routes, headers, bodies) and what
 * every answer becomes (results, CheckinErrors with retryable and retryAt, invalid bodies,
 * aborts), and its event stream (parsing, resume with Last-Event-ID, backoff, stale).
 */
import { expect } from '@open-wc/testing';
import { HttpAdapter } from '../src/adapters/http.js';
import { parseEvents } from '../src/adapters/http-events.js';
import type { CheckinEvent } from '../src/adapters/adapter.js';
import { CheckinError } from '../src/model.js';

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
}

function scripted(answer: (sent: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    if (init.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const request: Sent = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: (init.body as string) ?? null,
    };
    sent.push(request);
    return answer(request);
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json', ...headers },
  });

async function failure(promise: Promise<unknown>): Promise<CheckinError> {
  try {
    await promise;
  } catch (error) {
    return error as CheckinError;
  }
  throw new Error('expected a rejection');
}

const adapter = (fetch: typeof globalThis.fetch, extra = {}) =>
  new HttpAdapter({ baseUrl: 'https://api.test/base/', contractId: 'c-1', fetch, ...extra });

describe('HttpAdapter requests', () => {
  it('sends each method to its route with its headers and body', async () => {
    const { sent, fetch } = scripted(() => json(200, {}));
    const a = adapter(fetch, { headers: async () => ({ Authorization: 'Bearer t-1' }) });
    await a.getViewer();
    await a.updateSettings('c-1', { enabled: false }, { expectedVersion: 7, idempotencyKey: 'k-1' });
    await a.listCheckins('c-1', { cursor: 'abc', limit: 5 });
    await a.listHistory('c-1');
    await a.submitAnswers('c-1', 'ci/1', { answers: [] }, { idempotencyKey: 'k-2' });
    await a.skipCheckin('c-1', 'ci-1', { note: '' }, { idempotencyKey: 'k-3' });
    await a.acknowledge('c-1', 'ci-1');
    await a.requestUpdate('c-1', { message: 'Hi' }, { idempotencyKey: 'k-4' });
    await a.reply('c-1', 'ci-1', { text: 'Ok' }, { idempotencyKey: 'k-5' });
    expect(sent.map((s) => `${s.method} ${s.url.replace('https://api.test/base/v1', '')}`)).to.deep.equal([
      'GET /viewer?contract=c-1',
      'PATCH /contracts/c-1/settings',
      'GET /contracts/c-1/checkins?cursor=abc&limit=5',
      'GET /contracts/c-1/history',
      'PUT /contracts/c-1/checkins/ci%2F1/answers',
      'POST /contracts/c-1/checkins/ci-1/skip',
      'PUT /contracts/c-1/checkins/ci-1/acknowledgement',
      'POST /contracts/c-1/update-requests',
      'POST /contracts/c-1/checkins/ci-1/replies',
    ]);
    expect(sent[1]!.headers.get('If-Match')).to.equal('"7"');
    expect(sent[1]!.headers.get('Idempotency-Key')).to.equal('k-1');
    expect(sent[1]!.body).to.equal('{"enabled":false}');
    expect(sent[1]!.headers.get('Content-Type')).to.equal('application/json');
    expect(sent.every((s) => s.headers.get('Authorization') === 'Bearer t-1')).to.equal(true);
    expect(sent[6]!.headers.get('Idempotency-Key')).to.equal(null);
    expect(sent[6]!.body).to.equal(null);
  });

  it('asks a headers function before every request (a fresh token each time)', async () => {
    const { sent, fetch } = scripted(() => json(200, {}));
    let n = 0;
    const a = adapter(fetch, { headers: () => ({ Authorization: `Bearer t-${++n}` }) });
    await a.getContract('c-1');
    await a.getContract('c-1');
    expect(sent.map((s) => s.headers.get('Authorization'))).to.deep.equal(['Bearer t-1', 'Bearer t-2']);
  });

  const cases: Array<[number, Record<string, unknown> | null, string, boolean]> = [
    [400, { code: 'invalid', detail: 'The note is too long.' }, 'invalid', false],
    [401, null, 'forbidden', false],
    [403, { code: 'forbidden', detail: 'Only the client can do this.' }, 'forbidden', false],
    [404, null, 'not-found', false],
    [409, { code: 'conflict', detail: 'This check-in closed.' }, 'conflict', false],
    [412, { code: 'conflict', detail: 'Changed by someone else.' }, 'conflict', false],
    [413, null, 'invalid', false],
    [415, null, 'invalid', false],
    [422, { code: 'invalid', detail: 'Key reused.' }, 'invalid', false],
    [428, null, 'invalid', false],
    [429, { code: 'rate-limited', detail: 'Ask again later.' }, 'rate-limited', true],
    [500, null, 'unavailable', true],
    [503, { code: 'unavailable', detail: 'Down for a moment.' }, 'unavailable', true],
    [504, null, 'timeout', true],
  ];
  for (const [status, problem, code, retryable] of cases) {
    it(`${status} is ${code}${retryable ? ', retryable' : ''}, with the server's words when it sends some`, async () => {
      const { fetch } = scripted(() =>
        problem
          ? json(status, { type: 'about:blank', status, ...problem })
          : new Response('<html>oops</html>', { status, headers: { 'Content-Type': 'text/html' } }),
      );
      const error = await failure(adapter(fetch).getSettings('c-1'));
      expect(error).to.be.instanceOf(CheckinError);
      expect(error.code).to.equal(code);
      expect(error.retryable).to.equal(retryable);
      if (problem) expect(error.message).to.equal(problem.detail);
      else expect(error.message).to.contain(`GET /contracts/c-1/settings: ${status}`);
    });
  }

  it('reads Retry-After in seconds or as a date into retryAt', async () => {
    const at = Date.now();
    const seconds = scripted(() => json(429, { code: 'rate-limited', detail: 'Later.' }, { 'Retry-After': '120' }));
    const error = await failure(adapter(seconds.fetch).requestUpdate('c-1', {}, { idempotencyKey: 'k' }));
    expect(Date.parse(error.retryAt!) - at).to.be.within(119_000, 122_000);
    const date = scripted(() => json(503, {}, { 'Retry-After': 'Wed, 21 Oct 2026 07:28:00 GMT' }));
    expect((await failure(adapter(date.fetch).getSettings('c-1'))).retryAt).to.equal('2026-10-21T07:28:00.000Z');
    const body = scripted(() => json(429, { code: 'rate-limited', detail: 'x', retryAt: '2026-12-04T10:00:00.000Z' }));
    expect((await failure(adapter(body.fetch).getSettings('c-1'))).retryAt).to.equal('2026-12-04T10:00:00.000Z');
  });

  it('a success that is not JSON, or broken JSON, is invalid and names the route', async () => {
    const html = scripted(
      () => new Response('<html></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    );
    const notJson = await failure(adapter(html.fetch).listCheckins('c-1'));
    expect(notJson.code).to.equal('invalid');
    expect(notJson.message).to.contain('GET /contracts/c-1/checkins').and.contain('text/html');
    const broken = scripted(
      () => new Response('{"items": [', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );
    const error = await failure(adapter(broken.fetch).listCheckins('c-1'));
    expect(error.code).to.equal('invalid');
    expect(error.retryable).to.equal(false);
    expect(error.message).to.contain('GET /contracts/c-1/checkins');
  });

  it('a fetch that throws is network; an abort stays an abort', async () => {
    const down = scripted(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(adapter(down.fetch).getSettings('c-1'));
    expect(error.code).to.equal('network');
    expect(error.retryable).to.equal(true);
    const controller = new AbortController();
    controller.abort();
    const aborted = await failure(adapter(down.fetch).getSettings('c-1', { signal: controller.signal }));
    expect((aborted as unknown as Error).name).to.equal('AbortError');
  });
});

/** A response whose body is the given chunks, then (unless `open`) the end. */
function stream(chunks: string[], open = false): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      if (!open) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

const until = async (test: () => boolean) => {
  const end = Date.now() + 3000;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('HttpAdapter event stream', () => {
  it('parses ids, data, comments and split chunks', () => {
    const seen: string[] = [];
    let rest = parseEvents('retry: 2000\n\n: ping\n\nid: 0\n\nid: 1\ndata: {"a"', (m) => seen.push(JSON.stringify(m)));
    rest = parseEvents(`${rest}:1}\n\nid: 2\nevent: reset\ndata: {}\n\n`, (m) => seen.push(JSON.stringify(m)));
    expect(rest).to.equal('');
    expect(seen).to.deep.equal([
      '{"id":"0","event":"message","data":""}',
      '{"id":"1","event":"message","data":"{\\"a\\":1}"}',
      '{"id":"2","event":"reset","data":"{}"}',
    ]);
  });

  it('delivers events, reconnects after a drop with Last-Event-ID, and says stale after a reset', async () => {
    const reply = (id: string) => JSON.stringify({ type: 'reply', checkinId: 'x', reply: { id } });
    let connection = 0;
    const { sent, fetch } = scripted(() => {
      connection++;
      if (connection === 1) return stream([`id: 5\ndata: ${reply('r5')}\n\n`, `id: 6\ndata: ${reply('r6')}\n\n`]);
      if (connection === 2) return stream([`event: reset\ndata: {}\n\nid: 9\ndata: ${reply('r9')}\n\n`], true);
      return stream([], true);
    });
    const heard: string[] = [];
    const stop = adapter(fetch, { headers: { Authorization: 'Bearer t' } }).subscribe('c-1', (e: CheckinEvent) =>
      heard.push(e.type === 'reply' ? e.reply.id : e.type),
    );
    await until(() => heard.length >= 4);
    stop();
    expect(heard).to.deep.equal(['r5', 'r6', 'stale', 'r9']);
    expect(sent[0]!.headers.get('Last-Event-ID')).to.equal(null);
    expect(sent[0]!.headers.get('Accept')).to.equal('text/event-stream');
    expect(sent[0]!.headers.get('Authorization')).to.equal('Bearer t');
    expect(sent[1]!.headers.get('Last-Event-ID')).to.equal('6');
    expect(sent[1]!.url).to.equal('https://api.test/base/v1/contracts/c-1/events');
  });

  it('stops for good on 401, 403 and 404, and sends nothing with live: false', async () => {
    for (const status of [401, 403, 404]) {
      const { sent, fetch } = scripted(() => json(status, {}));
      const stop = adapter(fetch).subscribe('c-1', () => {});
      await new Promise((resolve) => setTimeout(resolve, 50));
      stop();
      expect(sent, String(status)).to.have.length(1);
    }
    const { sent, fetch } = scripted(() => json(200, {}));
    adapter(fetch, { live: false }).subscribe('c-1', () => {})();
    expect(sent).to.have.length(0);
  });

  it("a read and a stream that crossed: the stream resumes from the read's Event-Seq, so nothing falls between", async () => {
    const events: string[] = [];
    const { sent, fetch } = scripted((request) => {
      if (request.url.endsWith('/events')) {
        // A fresh stream starts at the newest id, 10; a resumed one replays after its id.
        const from = request.headers.get('Last-Event-ID');
        return from === '7'
          ? stream([`id: 8\ndata: ${JSON.stringify({ type: 'reply', checkinId: 'x', reply: { id: 'r8' } })}\n\n`], true)
          : stream(['retry: 2000\nid: 10\n\n'], true);
      }
      // The read's data holds events up to 7 only: it began before event 8.
      return json(200, { items: [], nextCursor: null, total: 0 }, { 'Event-Seq': '7' });
    });
    const a = adapter(fetch);
    const stop = a.subscribe('c-1', (e: CheckinEvent) => events.push(e.type === 'reply' ? e.reply.id : e.type));
    await until(() => sent.some((s) => s.url.endsWith('/events')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await a.listHistory('c-1');
    await until(() => events.includes('r8'));
    stop();
    const streams = sent.filter((s) => s.url.endsWith('/events'));
    expect(streams.map((s) => s.headers.get('Last-Event-ID'))).to.deep.equal([null, '7']);
    // A later read that the stream already covers changes nothing.
    await a.listHistory('c-1');
    expect(sent.filter((s) => s.url.endsWith('/events'))).to.have.length(2);
  });
});
