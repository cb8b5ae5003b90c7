/**
 * Faults over the real wire (docs/reliability.md): the reference server behind the test
 * runner, with faults injected between the browser and it — a server restarted mid-submit,
 * 503 with Retry-After, an answer that never comes, malformed JSON, the event stream cut
 * mid-burst, a reset database (a new event sequence), a session that expires.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../src/define/checkin-form.js';
import '../src/define/checkin-thread.js';
import { HttpAdapter } from '../src/adapters/http.js';
import { seedDemo } from '../src/adapters/memory.js';
import { newIdempotencyKey } from '../src/adapters/adapter.js';
import { text } from './support/dom.js';
import { place } from './support/mount.js';

const API = '/srv/disk-faults';
const root = (el: Element) => el.shadowRoot!;
const until = (test: () => unknown, what: string, timeout = 10000) => waitUntil(test, what, { timeout, interval: 50 });

async function post(path: string, body: unknown = {}): Promise<Response> {
  return fetch(`${API}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}
const fault = (spec: Record<string, unknown>) => post('/_faults', spec);
const log = async () =>
  (await (await fetch(`${API}/_log`)).json()) as Array<{ method: string; path: string; user: string | null }>;

const as = (user: string, headers?: () => HeadersInit) =>
  new HttpAdapter({ baseUrl: API, contractId: 'c-atlas', headers: headers ?? { Authorization: `Bearer ${user}` } });

async function mount<T extends HTMLElement>(
  tag: string,
  adapter: HttpAdapter,
  attrs: Record<string, string> = {},
): Promise<T> {
  return place<T>(tag, {
    props: { adapter, retryPolicy: { baseDelayMs: 50, maxDelayMs: 200 } },
    attrs: { 'contract-id': 'c-atlas', ...attrs },
  });
}

const loaded = (el: HTMLElement) =>
  until(
    () => root(el).querySelector('[role="heading"]') && !root(el).querySelector('[part~="loading"]'),
    `${el.localName} loaded`,
    15000,
  );

function type(area: HTMLTextAreaElement, value: string) {
  area.value = value;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

describe('faults over the wire', function () {
  this.timeout(60000);
  before(async function () {
    this.timeout(120000);
    expect((await post('/v1/_testing/reset', seedDemo())).status).to.equal(204);
  });
  beforeEach(async () => {
    await fetch(`${API}/_faults`, { method: 'DELETE' });
    await post('/v1/_testing/reset', seedDemo());
    await fetch(`${API}/_log`, { method: 'DELETE' });
  });

  it('the server restarted mid-submit: the answers stay in the form, and "Try again" makes one write', async () => {
    const talent = as('u-kofi');
    const form = await mount('checkin-form', talent);
    await loaded(form);
    const answers = ['Written before the restart.', 'The release.', 'None'];
    root(form)
      .querySelectorAll<HTMLTextAreaElement>('textarea')
      .forEach((area, i) => type(area, answers[i] ?? ''));
    // The connection drops with the answer on its way; the server restarts meanwhile.
    // The server stores the answer; its reply never arrives; the server restarts.
    await fault({ match: 'PUT /answers', loseResponse: true });
    root(form).querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await until(async () => (await log()).some((r) => r.method === 'PUT'), 'the submit reached the server');
    expect((await post('/_restart')).status).to.equal(204);
    // The adapter's retry (same idempotency key) reaches the restarted server, or the form
    // keeps the answers and offers "Try again": either way one answer is stored.
    await until(
      () =>
        !root(form).querySelector('textarea') ||
        [...root(form).querySelectorAll('button')].some((b) => /try again/i.test(text(b))),
      'sent, or offered again',
      20000,
    );
    const retry = [...root(form).querySelectorAll<HTMLButtonElement>('button')].find((b) => /try again/i.test(text(b)));
    if (retry) {
      expect(root(form).querySelector<HTMLTextAreaElement>('textarea')!.value).to.equal(answers[0]);
      retry.click();
    }
    await until(() => !root(form).querySelector('textarea'), 'the answers were sent', 15000);
    const puts = (await log()).filter((r) => r.method === 'PUT' && r.path.endsWith('/answers'));
    console.log(`mid-submit cut and restart: ${puts.length} PUT /answers with one idempotency key, one answer stored`);
    const page = await talent.listCheckins('c-atlas', { limit: 1 });
    expect(page.items[0]!.answers![0]!.text).to.equal(answers[0]);
    // One answer, not an answer and an edit.
    expect(page.items[0]!.editedAt).to.equal(null);
    await expect(form).to.be.accessible();
  });

  it('503 with Retry-After on a load: the element retries and loads', async () => {
    await fault({ match: 'GET /settings', status: 503, retryAfter: 0 });
    const thread = await mount('checkin-thread', as('u-dana'));
    await loaded(thread);
    const settingsReads = (await log()).filter((r) => r.path.endsWith('/settings'));
    expect(settingsReads.length).to.be.at.least(2);
    expect(root(thread).querySelector('[role="alert"]')).to.equal(null);
  });

  it("an answer that never comes: the element's timeout says so and offers a retry", async () => {
    await fault({ match: 'GET /history', hang: true, times: 3 });
    const thread = await mount('checkin-thread', as('u-dana'), { 'request-timeout': '800' });
    await until(() => root(thread).querySelector('[role="alert"]'), 'the timeout is shown', 15000);
    expect(root(thread).querySelector('[role="alert"]')!.getAttribute('data-code')).to.equal('timeout');
    await expect(thread).to.be.accessible();
  });

  it('malformed JSON: invalid, naming the route, never retried', async () => {
    await fault({ match: 'GET /history', malformed: true });
    const thread = await mount('checkin-thread', as('u-dana'));
    await until(() => root(thread).querySelector('[role="alert"]'), 'the error is shown');
    const alert = root(thread).querySelector('[role="alert"]')!;
    expect(alert.getAttribute('data-code')).to.equal('invalid');
    expect(text(alert)).to.contain('GET /contracts/c-atlas/history');
    expect((await log()).filter((r) => r.path.endsWith('/history'))).to.have.length(1);
  });

  it('the event stream cut mid-burst: it resumes, and no reply is lost or shown twice', async () => {
    const thread = await mount('checkin-thread', as('u-dana'));
    await loaded(thread);
    const talent = as('u-kofi');
    const { items } = await talent.listCheckins('c-atlas', { limit: 5 });
    const target = items.find((c) => c.status === 'answered')!;
    const send = (n: number) =>
      talent.reply('c-atlas', target.id, { text: `Burst ${n}.` }, { idempotencyKey: newIdempotencyKey() });
    for (let n = 1; n <= 5; n++) await send(n);
    await until(() => text(root(thread)).includes('Burst 5.'), 'the first replies');
    // The open stream is cut: the replies sent meanwhile come with the resumed one.
    await fault({ match: 'GET /events', dropAfterMs: 0 });
    await fetch(`${API}/_log`, { method: 'DELETE' });
    // Ends the current stream by making the server-side connection reconnect.
    for (let n = 6; n <= 20; n++) await send(n);
    await until(() => text(root(thread)).includes('Burst 20.'), 'the last reply', 15000);
    const shown = [...root(thread).querySelectorAll('[part~="reply"]')]
      .map((r) => text(r))
      .filter((t) => t.includes('Burst '));
    const numbers = shown.map((t) => Number(/Burst (\d+)\./.exec(t)![1]));
    expect(numbers).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('a reset database (a new event sequence): the stream says so and the thread loads afresh', async () => {
    const thread = await mount('checkin-thread', as('u-dana'));
    await loaded(thread);
    // An event, so the stream has a resume point the reset database never handed out.
    const talent = as('u-kofi');
    const { items } = await talent.listCheckins('c-atlas', { limit: 1 });
    await talent.reply('c-atlas', items[0]!.id, { text: 'Before the reset.' }, { idempotencyKey: newIdempotencyKey() });
    await until(() => text(root(thread)).includes('Before the reset.'), 'the reply before the reset');
    const data = seedDemo();
    await fetch(`${API}/_log`, { method: 'DELETE' });
    await post('/v1/_testing/reset', data);
    await post('/_restart');
    // The stream comes back with a Last-Event-ID the new database never had: reset, re-list.
    const relisted = async () => (await log()).some((r) => r.user === 'u-dana' && r.path.endsWith('/history'));
    const end = Date.now() + 20000;
    while (!(await relisted())) {
      if (Date.now() > end)
        throw new Error(`the thread did not load afresh after the reset: ${JSON.stringify(await log())}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('the session expires (401): the reply fails with a clear message and its text is kept', async () => {
    let token = 'u-dana';
    const thread = await mount(
      'checkin-thread',
      as('u-dana', () => ({ Authorization: `Bearer ${token}` })),
    );
    await loaded(thread);
    root(thread).querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await until(() => root(thread).querySelector('[part~="reply-box"] textarea'), 'the reply box');
    type(
      root(thread).querySelector<HTMLTextAreaElement>('[part~="reply-box"] textarea')!,
      'Typed before the session ended.',
    );
    token = 'u-nobody';
    root(thread).querySelector<HTMLButtonElement>('[part~="reply-send"]')!.click();
    await until(() => root(thread).querySelector('[part~="reply-box"] [role="alert"]'), 'the failure at the reply');
    expect(root(thread).querySelector<HTMLTextAreaElement>('[part~="reply-box"] textarea')!.value).to.equal(
      'Typed before the session ended.',
    );
    await expect(thread).to.be.accessible();
  });
});
