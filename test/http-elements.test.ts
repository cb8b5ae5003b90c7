/**
 * The three elements on the real wire: HttpAdapter against the reference server (an instance
 * of its own behind the test runner), two people on one contract, each with their own adapter
 * and event stream, as two windows would be. What one does, the other sees live; a burst of
 * events costs each page a few requests, never one per event (the server's log is the witness).
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../src/define/checkin-toggle.js';
import '../src/define/checkin-form.js';
import '../src/define/checkin-thread.js';
import { HttpAdapter } from '../src/adapters/http.js';
import { seedDemo } from '../src/adapters/memory.js';
import { newIdempotencyKey } from '../src/adapters/adapter.js';
import { text } from './support/dom.js';
import { place } from './support/mount.js';

const API = '/srv/elements';
const root = (el: Element) => el.shadowRoot!;

interface Logged {
  method: string;
  path: string;
  user: string | null;
}

async function reset(): Promise<void> {
  const response = await fetch(`${API}/v1/_testing/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(seedDemo()),
  });
  expect(response.status).to.equal(204);
  await fetch(`${API}/_log`, { method: 'DELETE' });
}

const requestsBy = async (user: string): Promise<Logged[]> =>
  ((await (await fetch(`${API}/_log`)).json()) as Logged[]).filter(
    (r) => r.user === user && !r.path.endsWith('/events'),
  );

const as = (user: string, contractId = 'c-atlas') =>
  new HttpAdapter({ baseUrl: API, contractId, headers: { Authorization: `Bearer ${user}` } });

async function mount(tag: string, adapter: HttpAdapter, contractId = 'c-atlas'): Promise<HTMLElement> {
  const ready = {
    'checkin-toggle': '[role="heading"]',
    'checkin-form': '[role="heading"]',
    'checkin-thread': '[role="heading"]',
  }[tag]!;
  return place(tag, {
    props: { adapter },
    attrs: { 'contract-id': contractId },
    until: {
      test: (el) => el.shadowRoot?.querySelector(ready) && !el.shadowRoot.querySelector('[part~="loading"]'),
      message: `${tag} loaded`,
      timeout: 15000,
    },
  });
}

/** Until `test()` holds, checking every 50 ms for up to 10 s. */
const until = (test: () => unknown, what: string) => waitUntil(test, what, { timeout: 10000, interval: 50 });

function type(area: HTMLTextAreaElement, value: string) {
  area.value = value;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

describe('the elements on the real wire', function () {
  this.timeout(60000);
  before(async function () {
    this.timeout(120000);
    await reset();
  });
  beforeEach(reset);

  it("the talent answers in the form; the client's thread shows it live, without reloading", async () => {
    const thread = await mount('checkin-thread', as('u-dana'));
    const form = await mount('checkin-form', as('u-kofi'));
    await until(() => root(form).querySelector('textarea'), 'the form');
    const before = (await requestsBy('u-dana')).length;
    const answers = ['Billing page polish over the wire.', 'Release checklist.', 'None'];
    root(form)
      .querySelectorAll<HTMLTextAreaElement>('textarea')
      .forEach((area, i) => type(area, answers[i] ?? ''));
    root(form).querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await until(
      () => text(root(thread)).includes('Billing page polish over the wire.'),
      'the answer reached the client',
    );
    // The event carried the check-in: no request of the client's page was needed for it.
    expect((await requestsBy('u-dana')).length - before).to.equal(0);
    await expect(thread).to.be.accessible();
  });

  it('a reply from the client reaches the talent live', async () => {
    const client = await mount('checkin-thread', as('u-dana'));
    const talent = await mount('checkin-thread', as('u-kofi'));
    const article = root(client).querySelector('article')!;
    article.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await until(() => root(client).querySelector('[part~="reply-box"] textarea'), 'the reply box');
    type(root(client).querySelector<HTMLTextAreaElement>('[part~="reply-box"] textarea')!, 'Over the wire, thanks!');
    root(client).querySelector<HTMLButtonElement>('[part~="reply-send"]')!.click();
    await until(() => text(root(talent)).includes('Over the wire, thanks!'), 'the reply reached the talent');
  });

  it("a request for an update, in the client's name, opens in the talent's form live", async () => {
    const thread = await mount('checkin-thread', as('u-dana', 'c-nova'), 'c-nova');
    const form = await mount('checkin-form', as('u-kofi', 'c-nova'), 'c-nova');
    root(thread).querySelector<HTMLButtonElement>('[part~="request-update"]')!.click();
    await until(() => root(thread).querySelector('#request-message'), 'the request panel');
    type(root(thread).querySelector<HTMLTextAreaElement>('#request-message')!, 'Where are the prototypes?');
    root(thread).querySelector<HTMLButtonElement>('[part~="request-panel"] button[type="submit"]')!.click();
    // Check-ins are off on Nova and need consent, yet the request is the client's to make and
    // the talent's to answer.
    await until(
      () => text(root(form)).includes('Where are the prototypes?') && root(form).querySelector('textarea'),
      'the request in the form',
    );
    expect(text(root(form))).to.contain('Dana Whitfield');
  });

  it('two client pages editing the schedule: the second save meets a conflict and keeps its edits', async () => {
    const first = await mount('checkin-toggle', as('u-dana'));
    const second = await mount('checkin-toggle', as('u-dana'));
    const setTime = (el: HTMLElement, value: string) => {
      const input = root(el).querySelector<HTMLInputElement>('#time')!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    };
    const save = (el: HTMLElement) =>
      [...root(el).querySelectorAll<HTMLButtonElement>('button[type="submit"]')]
        .find((b) => text(b) === 'Save schedule')!
        .click();
    setTime(second, '11:45');
    setTime(first, '10:15');
    save(first);
    await until(
      () => text(root(first)).includes('10:15') && !root(first).querySelector('[aria-busy="true"]'),
      'the first save',
    );
    save(second);
    await until(() => root(second).querySelector('[part~="conflict"]'), 'the conflict notice');
    expect(root(second).querySelector<HTMLInputElement>('#time')!.value).to.equal('11:45');
    await expect(second).to.be.accessible();
  });

  it('consent: the client turns check-ins on, the talent accepts, and each sees the other live', async () => {
    const client = await mount('checkin-toggle', as('u-dana', 'c-nova'), 'c-nova');
    const talent = await mount('checkin-toggle', as('u-kofi', 'c-nova'), 'c-nova');
    root(client).querySelector<HTMLElement>('[role="switch"]')!.click();
    await until(
      () => [...root(client).querySelectorAll('button')].find((b) => text(b) === 'Turn on check-ins'),
      'the confirmation',
    );
    [...root(client).querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => text(b) === 'Turn on check-ins')!
      .click();
    await until(
      () => [...root(talent).querySelectorAll('button')].some((b) => /accept/i.test(text(b))),
      "the talent's accept",
    );
    [...root(talent).querySelectorAll<HTMLButtonElement>('button')].find((b) => /accept/i.test(text(b)))!.click();
    await until(
      () => !/Waiting for Kofi/.test(text(root(client))) && /Fridays/.test(text(root(client))),
      'the client sees the acceptance',
    );
    expect(text(root(client))).to.not.contain('Waiting for Kofi Mensah to accept');
  });

  it('a burst of 100 events costs each open page a few requests, not one per event', async () => {
    const page = [
      await mount('checkin-toggle', as('u-dana')),
      await mount('checkin-form', as('u-dana')),
      await mount('checkin-thread', as('u-dana')),
    ];
    const before = (await requestsBy('u-dana')).length;
    const talent = as('u-kofi');
    const { items } = await talent.listCheckins('c-atlas', { limit: 5 });
    const target = items.find((c) => c.status === 'answered')!;
    for (let i = 0; i < 100; i++) {
      await talent.reply(
        'c-atlas',
        target.id,
        { text: `Burst reply ${i + 1}` },
        { idempotencyKey: newIdempotencyKey() },
      );
    }
    await until(() => text(root(page[2]!)).includes('Burst reply 100'), 'the last reply reached the thread');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const cost = (await requestsBy('u-dana')).length - before;
    console.log(`a burst of 100 reply events: ${cost} requests from the client's page (toggle, form, thread)`);
    expect(cost).to.be.at.most(3);
  });
});
