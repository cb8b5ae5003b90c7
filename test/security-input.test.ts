/**
 * Bad input, through the elements: malformed adapter data for every adapter method, invalid
 * attributes and properties, and hard text (10,000 characters, emoji and combining marks,
 * right-to-left, zero-width and control characters, whitespace only). Each case asserts what a
 * person sees (a clear error naming the field, an inline message), that nothing was thrown
 * uncaught, that no request went out with bad data, and that other elements keep working.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/define/checkin-form.js';
import '../src/define/checkin-thread.js';
import '../src/define/checkin-toggle.js';
import type { CheckinAdapter, CheckinEvent } from '../src/adapters/adapter.js';
import { MemoryAdapter, MemoryStore, seedDemo, type MemoryData } from '../src/adapters/memory.js';
import type { CheckinErrorEvent } from '../src/events.js';
import type { Checkin, CheckinErrorCode, Question } from '../src/model.js';
import { text } from './support/dom.js';

// Friday 27 November 2026, 17:00 UTC (18:00 in Berlin): this week's Atlas prompt is open.
const FIXED = Date.parse('2026-11-27T17:00:00.000Z');
const clock = () => FIXED;
const OPEN_ID = 'c-atlas-20261127T150000Z';
const UNSEEN_ID = 'c-atlas-20261120T150000Z';

type Tag = 'checkin-toggle' | 'checkin-form' | 'checkin-thread';
type Updatable = HTMLElement & { updateComplete: Promise<unknown> };

function store(mutate?: (data: MemoryData) => void): MemoryStore {
  const data = structuredClone(seedDemo({ now: FIXED }));
  mutate?.(data);
  return new MemoryStore(data, { clock });
}

function adapterFor(viewerId: string, s = store(), contractId = 'c-atlas'): MemoryAdapter {
  return new MemoryAdapter({ store: s, viewerId, contractId });
}

function template(tag: Tag, adapter: CheckinAdapter | undefined, contractId: string): TemplateResult {
  switch (tag) {
    case 'checkin-toggle':
      return html`<checkin-toggle .adapter=${adapter} contract-id=${contractId} .clock=${clock}></checkin-toggle>`;
    case 'checkin-form':
      return html`<checkin-form .adapter=${adapter} contract-id=${contractId} .clock=${clock}></checkin-form>`;
    case 'checkin-thread':
      return html`<checkin-thread .adapter=${adapter} contract-id=${contractId} .clock=${clock}></checkin-thread>`;
  }
}

/** Loaded: an error, or the element's main content, and no loading placeholder. */
function ready(el: Element): boolean {
  const root = el.shadowRoot;
  if (!root || root.querySelector('[part~="loading"]')) return false;
  return !!root.querySelector('[role="feed"], [part~="empty"], [part~="base"], [part~="checkin"], [role="alert"]');
}

async function whenReady(...els: Element[]): Promise<void> {
  // Generous: a failure the element deems retryable is retried with backoff before it is shown.
  await waitUntil(() => els.every(ready), 'an element did not finish loading', { timeout: 10000 });
  await Promise.all(els.map((el) => (el as Updatable).updateComplete));
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const calls = (adapter: MemoryAdapter, method: string) => adapter.calls.filter((c) => c.method === method);
const alertOf = (el: Element) => $(el, '[role="alert"]');

function setValue(field: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

// Every checkin-error on the page, by element (listened for on the document from the start, so
// an error dispatched while the fixture is still being created is not missed).
const dispatched: Array<{ el: EventTarget | null; event: CheckinErrorEvent }> = [];
const onCheckinError = (e: Event) => dispatched.push({ el: e.target, event: e as CheckinErrorEvent });
/** "action:code" of each checkin-error `el` dispatched, in order. */
const errorsOf = (el: Element) =>
  dispatched.filter((d) => d.el === el).map((d) => `${d.event.detail.action}:${d.event.detail.error.code}`);

// Anything thrown and not caught, anywhere on the page, during a test.
const uncaught: string[] = [];
const onError = (e: ErrorEvent) => uncaught.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) =>
  uncaught.push(`unhandledrejection: ${String((e.reason as Error)?.message ?? e.reason)}`);

/** Counts for docs/reliability.md, printed at the end. */
const counts = { corruptions: 0, elementChecks: 0 };

describe('security: bad input', function () {
  this.timeout(15000);

  beforeEach(() => {
    uncaught.length = 0;
    dispatched.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    document.addEventListener('checkin-error', onCheckinError);
  });

  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    document.removeEventListener('checkin-error', onCheckinError);
    localStorage.clear();
  });

  after(() => {
    console.log(
      `bad input: ${counts.corruptions} malformed responses injected, ${counts.elementChecks} element checks`,
    );
  });

  describe('malformed adapter data: loading, every element, two of each on the page', () => {
    type Mutate = (value: any) => any;
    interface Case {
      method: 'getViewer' | 'getContract' | 'getSettings' | 'listCheckins' | 'listHistory';
      kind: string;
      mutate: Mutate;
      /** The field the error message must name. */
      field: string;
    }
    const many = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => structuredClone(item));
    const CASES: Case[] = [
      { method: 'getViewer', kind: 'missing field', mutate: (v) => void delete v.role, field: 'viewer.role' },
      { method: 'getViewer', kind: 'wrong type', mutate: (v) => void (v.id = 42), field: 'viewer.id' },
      { method: 'getViewer', kind: 'unknown enum', mutate: (v) => void (v.role = 'admin'), field: 'viewer.role' },
      {
        method: 'getViewer',
        kind: 'invalid zone',
        mutate: (v) => void (v.timeZone = 'Mars/Olympus_Mons'),
        field: 'viewer.timeZone',
      },
      {
        method: 'getViewer',
        kind: 'invalid locale',
        mutate: (v) => void (v.locale = 'not a locale!'),
        field: 'viewer.locale',
      },
      { method: 'getViewer', kind: 'not an object', mutate: () => null, field: 'viewer' },
      { method: 'getContract', kind: 'missing field', mutate: (c) => void delete c.title, field: 'contract.title' },
      {
        method: 'getContract',
        kind: 'wrong type',
        mutate: (c) => void (c.milestoneCount = '3'),
        field: 'contract.milestoneCount',
      },
      { method: 'getContract', kind: 'unknown enum', mutate: (c) => void (c.kind = 'daily'), field: 'contract.kind' },
      {
        method: 'getContract',
        kind: 'invalid instant',
        mutate: (c) => void (c.startsAt = 'last Tuesday'),
        field: 'contract.startsAt',
      },
      {
        method: 'getContract',
        kind: 'impossible instant',
        mutate: (c) => void (c.endsAt = '2026-13-01T00:00:00Z'),
        field: 'contract.endsAt',
      },
      {
        method: 'getContract',
        kind: 'invalid zone',
        mutate: (c) => void (c.talent.timeZone = 'Nowhere/Town'),
        field: 'contract.talent.timeZone',
      },
      { method: 'getContract', kind: 'another contract', mutate: (c) => void (c.id = 'c-logo'), field: 'contract.id' },
      { method: 'getSettings', kind: 'missing field', mutate: (s) => void delete s.version, field: 'settings.version' },
      { method: 'getSettings', kind: 'wrong type', mutate: (s) => void (s.enabled = 'yes'), field: 'settings.enabled' },
      {
        method: 'getSettings',
        kind: 'unknown enum',
        mutate: (s) => void (s.consent = 'maybe'),
        field: 'settings.consent',
      },
      {
        method: 'getSettings',
        kind: 'invalid instant',
        mutate: (s) => void (s.updatedAt = 'yesterday'),
        field: 'settings.updatedAt',
      },
      {
        method: 'getSettings',
        kind: 'invalid zone',
        mutate: (s) => void (s.schedule.timeZone = 'Europe/Atlantis'),
        field: 'settings.schedule.timeZone',
      },
      {
        method: 'getSettings',
        kind: 'weekday out of range',
        mutate: (s) => void (s.schedule.weekday = 8),
        field: 'settings.schedule.weekday',
      },
      {
        method: 'getSettings',
        kind: 'invalid time',
        mutate: (s) => void (s.schedule.time = '25:00'),
        field: 'settings.schedule.time',
      },
      {
        method: 'getSettings',
        kind: 'invalid limit',
        mutate: (s) => void (s.questions[0].maxLength = -1),
        field: 'settings.questions[0].maxLength',
      },
      {
        method: 'getSettings',
        kind: 'huge list',
        mutate: (s) => void (s.questions = many(51, s.questions[0])),
        field: 'settings.questions',
      },
      { method: 'listCheckins', kind: 'missing field', mutate: (p) => void delete p.items, field: 'page.items' },
      {
        method: 'listCheckins',
        kind: 'wrong type',
        mutate: (p) => void (p.items[0].answers = 'text'),
        field: 'page.items[0].answers',
      },
      {
        method: 'listCheckins',
        kind: 'unknown enum',
        mutate: (p) => void (p.items[0].status = 'pending'),
        field: 'page.items[0].status',
      },
      {
        method: 'listCheckins',
        kind: 'invalid instant',
        mutate: (p) => void (p.items[0].dueAt = 'soon'),
        field: 'page.items[0].dueAt',
      },
      {
        method: 'listCheckins',
        kind: 'invalid zone',
        mutate: (p) => void (p.items[0].requestedBy.timeZone = 'Mars/Base'),
        field: 'page.items[0].requestedBy.timeZone',
      },
      {
        method: 'listCheckins',
        kind: 'nested missing field',
        mutate: (p) => void (p.items[1].replies = [{}]),
        field: 'page.items[1].replies[0].id',
      },
      {
        method: 'listCheckins',
        kind: 'wrong cursor type',
        mutate: (p) => void (p.nextCursor = 42),
        field: 'page.nextCursor',
      },
      {
        method: 'listCheckins',
        kind: 'huge page',
        mutate: (p) => void (p.items = many(501, p.items[0])),
        field: 'page.items',
      },
    ];
    // The thread reads the paper trail (listHistory): the same faults there, and a bad entry.
    CASES.push(
      ...CASES.filter((c) => c.method === 'listCheckins').map((c) => ({ ...c, method: 'listHistory' as const })),
      {
        method: 'listHistory',
        kind: 'unknown change',
        mutate: (p) => void (p.items.find((i: { kind: string }) => i.kind === 'activity').change = { type: 'renamed' }),
        field: '.change.type',
      },
    );
    const TAGS: Tag[] = ['checkin-toggle', 'checkin-form', 'checkin-thread'];

    for (const c of CASES) {
      // The toggle lists nothing; the form lists check-ins, the thread the whole history.
      const tags = TAGS.filter((t) =>
        c.method === 'listCheckins' ? t === 'checkin-form' : c.method === 'listHistory' ? t === 'checkin-thread' : true,
      );
      it(`${c.method}: ${c.kind} -> "invalid" naming ${c.field} in ${tags.join(', ')}; the healthy ones work`, async () => {
        const corrupt = tags.map(() => adapterFor('u-dana'));
        const healthy = tags.map(() => adapterFor('u-dana'));
        corrupt.forEach((a) => a.faults.corruptNext(c.method, c.mutate));
        const box = await fixture<HTMLElement>(html`<div>
          ${tags.map((tag, i) => template(tag, corrupt[i], 'c-atlas'))}
          ${tags.map((tag, i) => template(tag, healthy[i], 'c-atlas'))}
        </div>`);
        const els = [...box.children] as Updatable[];
        await whenReady(...els);
        const bad = els.slice(0, tags.length);
        const good = els.slice(tags.length);
        for (const el of bad) {
          const alert = alertOf(el);
          expect(alert?.dataset.code, `${el.localName} shows an error`).to.equal('invalid');
          expect(text(alert), `${el.localName} names the field`).to.contain(c.field);
          expect(text(alert)).to.contain("The check-in data isn't valid.");
          counts.elementChecks++;
        }
        // Every corrupt element dispatched checkin-error once, for the load.
        for (const el of bad) expect(errorsOf(el), el.localName).to.deep.equal(['load:invalid']);
        // The healthy twins loaded normally next to them.
        for (const el of good) {
          expect(Boolean(alertOf(el)), `${el.localName} (healthy) shows no error`).to.equal(false);
          counts.elementChecks++;
        }
        expect(good.flatMap(errorsOf)).to.deep.equal([]);
        // The corruption was a one-off: "Try again" loads the real data.
        const first = bad[0]!;
        $<HTMLButtonElement>(first, '[part~="retry-button"]')!.click();
        await waitUntil(() => ready(first) && !alertOf(first), 'retry did not recover');
        expect(uncaught).to.deep.equal([]);
        counts.corruptions += tags.length;
      });
    }
  });

  describe('malformed adapter data: writes and live events', () => {
    it('updateSettings answers malformed settings: the switch rolls back, says why, the other toggle works', async () => {
      const corrupt = adapterFor('u-dana');
      const healthy = adapterFor('u-dana');
      corrupt.faults.corruptNext('updateSettings', (s) => void (s.version = 'two'));
      const box = await fixture<HTMLElement>(html`<div>
        ${template('checkin-toggle', corrupt, 'c-atlas')} ${template('checkin-toggle', healthy, 'c-atlas')}
      </div>`);
      const [bad, good] = [...box.children] as Updatable[];
      await whenReady(bad!, good!);
      // Atlas is on: clicking the switch turns it off at once (no dialog).
      $<HTMLButtonElement>(bad!, '[role="switch"]')!.click();
      await waitUntil(() => alertOf(bad!), 'no alert after the malformed answer');
      expect(alertOf(bad!)!.dataset.code).to.equal('invalid');
      expect(text(alertOf(bad!))).to.contain('settings.version');
      expect(errorsOf(bad!)).to.deep.equal(['update-settings:invalid']);
      // The backend did apply the change; only its answer was malformed. The switch shows the
      // real state (from the valid live update), not the unreadable answer and not a guess.
      await waitUntil(
        () => $(bad!, '[role="switch"]')!.getAttribute('aria-checked') === 'false',
        'the switch does not show the state the backend reports',
      );
      $<HTMLButtonElement>(good!, '[role="switch"]')!.click();
      await oneEvent(good!, 'checkin-settings-change');
      await good!.updateComplete;
      expect($(good!, '[role="switch"]')!.getAttribute('aria-checked')).to.equal('false');
      expect(uncaught).to.deep.equal([]);
      counts.corruptions++;
      counts.elementChecks += 2;
    });

    it('submitAnswers answers a malformed check-in: an alert names the field, every answer stays in the form', async () => {
      const corrupt = adapterFor('u-kofi');
      const healthy = adapterFor('u-kofi');
      corrupt.faults.corruptNext('submitAnswers', (c) => void (c.status = 'done'));
      const box = await fixture<HTMLElement>(html`<div>
        ${template('checkin-form', corrupt, 'c-atlas')} ${template('checkin-form', healthy, 'c-atlas')}
      </div>`);
      const [bad, good] = [...box.children] as Updatable[];
      await whenReady(bad!, good!);
      for (const el of [bad!, good!]) {
        $$<HTMLTextAreaElement>(el, 'textarea[id^="q-"]').forEach((f, i) => setValue(f, `Answer ${i + 1}`));
      }
      $<HTMLButtonElement>(bad!, '[part~="submit"]')!.click();
      await waitUntil(() => alertOf(bad!), 'no alert after the malformed answer');
      expect(alertOf(bad!)!.dataset.code).to.equal('invalid');
      expect(text(alertOf(bad!))).to.contain('checkin.status');
      expect($$<HTMLTextAreaElement>(bad!, 'textarea[id^="q-"]').map((f) => f.value)).to.deep.equal([
        'Answer 1',
        'Answer 2',
        'Answer 3',
      ]);
      expect(errorsOf(bad!)).to.deep.equal(['submit:invalid']);
      $<HTMLButtonElement>(good!, '[part~="submit"]')!.click();
      await oneEvent(good!, 'checkin-submit');
      expect(uncaught).to.deep.equal([]);
      counts.corruptions++;
      counts.elementChecks += 2;
    });

    it('skipCheckin answers a malformed check-in: an alert in the skip panel names the field', async () => {
      const corrupt = adapterFor('u-kofi');
      corrupt.faults.corruptNext('skipCheckin', (c) => void (c.skipNote = 42));
      const el = await fixture<Updatable>(template('checkin-form', corrupt, 'c-atlas'));
      await whenReady(el);
      $<HTMLButtonElement>(el, '[part~="skip"]')!.click();
      await el.updateComplete;
      setValue($<HTMLTextAreaElement>(el, '#skip-note')!, 'Travelling');
      $<HTMLButtonElement>(el, '[part~="skip-confirm"]')!.click();
      await waitUntil(() => alertOf(el), 'no alert');
      expect(alertOf(el)!.dataset.code).to.equal('invalid');
      expect(text(alertOf(el))).to.contain('checkin.skipNote');
      expect($<HTMLTextAreaElement>(el, '#skip-note')!.value).to.equal('Travelling');
      expect(errorsOf(el)).to.deep.equal(['skip:invalid']);
      expect(uncaught).to.deep.equal([]);
      counts.corruptions++;
      counts.elementChecks++;
    });

    it('acknowledge, requestUpdate and reply answer malformed data: each shows an alert where it happened', async () => {
      const corrupt = adapterFor('u-dana');
      const healthy = adapterFor('u-dana');
      corrupt.faults.corruptNext('acknowledge', (c) => void (c.acknowledgedAt = 'now'));
      corrupt.faults.corruptNext('requestUpdate', (c) => void (c.kind = 'urgent'));
      corrupt.faults.corruptNext('reply', (r) => void (r.createdAt = 'just now'));
      const box = await fixture<HTMLElement>(html`<div>
        ${template('checkin-thread', corrupt, 'c-atlas')} ${template('checkin-thread', healthy, 'c-atlas')}
      </div>`);
      const [bad, good] = [...box.children] as Updatable[];
      await whenReady(bad!, good!);
      const article = (el: Element) => $(el, `article[data-id="${UNSEEN_ID}"]`)!;

      article(bad!).querySelector<HTMLButtonElement>('[part~="acknowledge"]')!.click();
      await waitUntil(() => article(bad!).querySelector('[role="alert"]'), 'no alert for acknowledge');
      expect(text(article(bad!).querySelector('[role="alert"]'))).to.contain('checkin.acknowledgedAt');

      article(bad!).querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
      await bad!.updateComplete;
      const box2 = article(bad!).querySelector('[part~="reply-box"]')!;
      setValue(box2.querySelector('textarea')!, 'Thanks!');
      box2.querySelector<HTMLButtonElement>('[part~="reply-send"]')!.click();
      await waitUntil(() => box2.querySelector('[role="alert"]'), 'no alert for reply');
      expect(text(box2.querySelector('[role="alert"]'))).to.contain('reply.createdAt');
      expect(box2.querySelector('textarea')!.value, 'the reply is kept').to.equal('Thanks!');

      $<HTMLButtonElement>(bad!, '[part~="request-update"]')!.click();
      await bad!.updateComplete;
      setValue($<HTMLTextAreaElement>(bad!, '#request-message')!, 'Status please');
      $<HTMLButtonElement>(bad!, '[part~="request-panel"] button[type="submit"]')!.click();
      // The request was recorded by the backend (its live update starts the cooldown and closes
      // the panel); the unreadable answer is still reported under the toolbar.
      const requestAlert = () => $$(bad!, '[role="alert"]').find((a) => text(a).includes('checkin.kind'));
      await waitUntil(requestAlert, 'no alert for request');
      expect(requestAlert()!.dataset.code).to.equal('invalid');

      expect(errorsOf(bad!)).to.deep.equal(['acknowledge:invalid', 'reply:invalid', 'request-update:invalid']);
      // The healthy thread acknowledges and replies as usual.
      article(good!).querySelector<HTMLButtonElement>('[part~="acknowledge"]')!.click();
      await waitUntil(() => article(good!).querySelector('[part~="seen"]'), 'healthy acknowledge failed');
      expect(uncaught).to.deep.equal([]);
      counts.corruptions += 3;
      counts.elementChecks += 4;
    });

    it('subscribe: malformed live events are dropped, valid ones still arrive; a throwing subscribe is survived', async () => {
      const s = store();
      const adapter = adapterFor('u-dana', s);
      let push: ((event: unknown) => void) | undefined;
      const original = adapter.subscribe.bind(adapter);
      adapter.subscribe = (contractId: string, listener: (event: CheckinEvent) => void) => {
        push = listener as (event: unknown) => void;
        return original(contractId, listener);
      };
      const throwing = adapterFor('u-dana', s);
      throwing.faults.failNext('subscribe', 'unavailable');
      const box = await fixture<HTMLElement>(html`<div>
        ${template('checkin-thread', adapter, 'c-atlas')} ${template('checkin-thread', throwing, 'c-atlas')}
      </div>`);
      const [el, other] = [...box.children] as Updatable[];
      await whenReady(el!, other!);
      const before = $$(el!, 'article').length;
      const malformed: unknown[] = [
        null,
        'checkin',
        { type: 'explode' },
        { type: 'checkin', checkin: { id: 'x' } },
        {
          type: 'checkin',
          checkin: { ...structuredClone(adapter.store.snapshot().checkins['c-atlas']![0]), status: 'bogus' },
        },
        { type: 'reply', checkinId: UNSEEN_ID, reply: { id: 'r', text: 'hi' } },
        { type: 'settings', settings: { contractId: 'c-atlas' } },
      ];
      for (const event of malformed) push!(event);
      await el!.updateComplete;
      expect($$(el!, 'article').length).to.equal(before);
      expect(Boolean(alertOf(el!))).to.equal(false);
      // A real write still reaches both threads: the live one by event, the other on its own reply.
      const talent = adapterFor('u-kofi', s);
      await talent.reply('c-atlas', UNSEEN_ID, { text: 'Live reply' }, { idempotencyKey: 'k-live' });
      await waitUntil(() => text($(el!, `article[data-id="${UNSEEN_ID}"]`)).includes('Live reply'), 'valid event lost');
      expect(Boolean(alertOf(other!)), 'the thread whose subscribe threw still works').to.equal(false);
      expect(uncaught).to.deep.equal([]);
      counts.corruptions += malformed.length + 1;
      counts.elementChecks += 2;
    });

    it('an adapter that lacks methods, throws synchronously or rejects with a string: a clear error, no crash', async () => {
      const real = adapterFor('u-dana');
      const missing = {} as CheckinAdapter;
      const throwsSync = {
        ...Object.fromEntries(
          ['getViewer', 'getContract', 'getSettings', 'listCheckins'].map((m) => [
            m,
            () => {
              throw new Error('Kaboom');
            },
          ]),
        ),
      } as unknown as CheckinAdapter;
      const rejectsString = {
        getViewer: () => Promise.reject('nope'),
        getContract: (id: string) => real.getContract(id),
        getSettings: (id: string) => real.getSettings(id),
        listCheckins: (id: string, o?: object) => real.listCheckins(id, o),
      } as unknown as CheckinAdapter;
      const box = await fixture<HTMLElement>(html`<div>
        ${[missing, throwsSync, rejectsString].flatMap((a) => [
          template('checkin-toggle', a, 'c-atlas'),
          template('checkin-form', a, 'c-atlas'),
          template('checkin-thread', a, 'c-atlas'),
        ])}
        ${template('checkin-thread', adapterFor('u-dana'), 'c-atlas')}
      </div>`);
      const els = [...box.children] as Updatable[];
      await whenReady(...els);
      const shown = els.slice(0, 9).map((el) => text(alertOf(el)));
      for (const message of shown.slice(0, 3)) expect(message).to.match(/The adapter has no get\w+ method\./);
      for (const message of shown.slice(3, 6)) expect(message).to.contain('Kaboom');
      for (const message of shown.slice(6, 9)) expect(message).to.contain('nope');
      expect(Boolean(alertOf(els[9]!)), 'the healthy thread').to.equal(false);
      expect(uncaught).to.deep.equal([]);
      counts.elementChecks += 10;
    });
  });

  describe('invalid attributes and properties', () => {
    const TAGS: Tag[] = ['checkin-toggle', 'checkin-form', 'checkin-thread'];

    it('an unknown contract id: "not found" in every element, no retry offered', async () => {
      const adapters = TAGS.map(() => adapterFor('u-dana'));
      const box = await fixture<HTMLElement>(
        html`<div>${TAGS.map((t, i) => template(t, adapters[i], 'c-nope'))}</div>`,
      );
      const els = [...box.children] as Updatable[];
      await whenReady(...els);
      for (const el of els) {
        expect(alertOf(el)!.dataset.code).to.equal('not-found');
        expect(text(alertOf(el))).to.contain('There is no contract "c-nope".');
        expect(Boolean($(el, '[part~="retry-button"]')), 'no retry for not-found').to.equal(false);
        await expect(el).to.be.accessible();
      }
      expect(els.map(errorsOf)).to.deep.equal([['load:not-found'], ['load:not-found'], ['load:not-found']]);
      expect(uncaught).to.deep.equal([]);
      counts.elementChecks += 3;
    });

    for (const value of ['', '   ', '\t\n']) {
      it(`contract-id ${JSON.stringify(value)}: "no contract selected", and no request at all`, async () => {
        const adapters = TAGS.map(() => adapterFor('u-dana'));
        const box = await fixture<HTMLElement>(html`<div>${TAGS.map((t, i) => template(t, adapters[i], value))}</div>`);
        const els = [...box.children] as Updatable[];
        await Promise.all(els.map((el) => el.updateComplete));
        for (const el of els) {
          expect(alertOf(el)?.dataset.code, el.localName).to.equal('no-contract');
          expect(text(alertOf(el))).to.contain('No contract selected.');
        }
        expect(adapters.map((a) => a.calls.length)).to.deep.equal([0, 0, 0]);
        counts.elementChecks += 3;
      });
    }

    it('no adapter: every element says it is not connected', async () => {
      const box = await fixture<HTMLElement>(html`<div>${TAGS.map((t) => template(t, undefined, 'c-atlas'))}</div>`);
      const els = [...box.children] as Updatable[];
      await Promise.all(els.map((el) => el.updateComplete));
      for (const el of els) expect(alertOf(el)?.dataset.code).to.equal('no-adapter');
      counts.elementChecks += 3;
    });

    it('an unknown checkin-id on the form: "not found", in words', async () => {
      const el = await fixture<Updatable>(
        html`<checkin-form
          .adapter=${adapterFor('u-kofi')}
          contract-id="c-atlas"
          checkin-id="c-atlas-nope"
          .clock=${clock}
        ></checkin-form>`,
      );
      await whenReady(el);
      expect(alertOf(el)!.dataset.code).to.equal('not-found');
      expect(text(alertOf(el))).to.contain('c-atlas-nope');
      counts.elementChecks++;
    });

    it('malformed host-supplied history (the thread `checkins` property): "invalid" naming the field, no crash', async () => {
      const adapter = adapterFor('u-dana');
      const good: Checkin = structuredClone(store().snapshot().checkins['c-atlas']![1]!);
      const bad = [good, { ...good, id: 'x', status: 'bogus' }] as unknown as Checkin[];
      const el = await fixture<Updatable>(
        html`<checkin-thread .adapter=${adapter} contract-id="c-atlas" .checkins=${bad} .clock=${clock}></checkin-thread>`,
      );
      await whenReady(el);
      expect(alertOf(el)?.dataset.code).to.equal('invalid');
      expect(text(alertOf(el))).to.contain('checkins[1].status');
      // A later valid history replaces the error.
      (el as unknown as { checkins: Checkin[] }).checkins = [good];
      await waitUntil(() => $(el, 'article'), 'the valid history was not shown');
      expect(Boolean(alertOf(el))).to.equal(false);
      // And a later malformed one is refused again.
      (el as unknown as { checkins: unknown[] }).checkins = [{ id: 1 }];
      await waitUntil(() => alertOf(el), 'the malformed history was rendered');
      expect(text(alertOf(el))).to.contain('checkins[0]');
      expect(uncaught).to.deep.equal([]);
      counts.elementChecks += 3;
    });

    it('nonsense in the other properties (clock, policy, consent-policy) is survived', async () => {
      const el = await fixture<Updatable>(html`<checkin-thread
        .adapter=${adapterFor('u-dana')}
        contract-id="c-atlas"
        .clock=${() => Number.NaN}
        .policy=${{ requestUpdateCooldownHours: 'soon' }}
      ></checkin-thread>`);
      await whenReady(el);
      expect(Boolean($(el, '[role="feed"]'))).to.equal(true);
      const toggle = await fixture<Updatable>(html`<checkin-toggle
        .adapter=${adapterFor('u-dana')}
        contract-id="c-nova"
        consent-policy="sometimes"
        .clock=${() => 'not a date'}
      ></checkin-toggle>`);
      await whenReady(toggle);
      expect(Boolean($(toggle, '[role="switch"]'))).to.equal(true);
      const form = await fixture<Updatable>(html`<checkin-form
        .adapter=${adapterFor('u-kofi')}
        contract-id="c-atlas"
        .clock=${() => ({}) as unknown as number}
      ></checkin-form>`);
      await whenReady(form);
      expect(Boolean($(form, 'textarea'))).to.equal(true);
      expect(uncaught).to.deep.equal([]);
      counts.elementChecks += 3;
    });

    describe('the schedule editor (client toggle): inline errors, nothing sent', () => {
      async function editor(contractId = 'c-atlas') {
        const adapter = adapterFor('u-dana', store(), contractId);
        const el = await fixture<Updatable>(template('checkin-toggle', adapter, contractId));
        await whenReady(el);
        return { el, adapter };
      }
      const fieldError = (el: Element, id: string) => text($(el, `#${id}`));

      it('a missing weekday, an impossible time and an unknown zone: each field says what is wrong', async () => {
        const { el, adapter } = await editor();
        const weekday = $<HTMLSelectElement>(el, '#weekday')!;
        weekday.value = '';
        weekday.dispatchEvent(new Event('change', { bubbles: true }));
        const time = $<HTMLInputElement>(el, '#time')!;
        // The time field is text (the viewer's hour cycle): "25:00" stays as typed and is named.
        setValue(time, '25:00');
        setValue($<HTMLInputElement>(el, '#zone')!, 'Mars/Olympus_Mons');
        await el.updateComplete;
        expect(fieldError(el, 'weekday-error')).to.equal('Choose a day of the week.');
        // The example follows the viewer's hour cycle (Dana: en-US, 12-hour).
        expect(fieldError(el, 'time-error')).to.equal(
          '"25:00" is not a time. Enter hours and minutes, for example 9:00 AM.',
        );
        expect(fieldError(el, 'zone-error')).to.contain('"Mars/Olympus_Mons" is not a time zone this browser knows.');
        for (const id of ['weekday', 'time', 'zone']) {
          expect($(el, `#${id}`)!.getAttribute('aria-invalid'), id).to.equal('true');
          expect($(el, `#${id}`)!.getAttribute('aria-describedby'), id).to.contain(`${id}-error`);
        }
        $<HTMLButtonElement>(el, '[part~="editor"] button[type="submit"]')!.click();
        await el.updateComplete;
        await waitUntil(
          () => el.shadowRoot!.activeElement?.id === 'weekday',
          'focus did not go to the first bad field',
        );
        expect(calls(adapter, 'updateSettings')).to.have.length(0);
        counts.elementChecks++;
      });

      it('a blank zone and an empty skip date: inline messages, nothing sent', async () => {
        const { el, adapter } = await editor();
        setValue($<HTMLInputElement>(el, '#zone')!, '   ');
        $<HTMLButtonElement>(el, '.skip-add button')!.click();
        await el.updateComplete;
        expect(fieldError(el, 'zone-error')).to.equal('Enter a time zone, for example Europe/Berlin.');
        expect(fieldError(el, 'skip-add-error')).to.equal('Choose a date to skip first.');
        $<HTMLButtonElement>(el, '[part~="editor"] button[type="submit"]')!.click();
        await el.updateComplete;
        expect(calls(adapter, 'updateSettings')).to.have.length(0);
        counts.elementChecks++;
      });

      it('markup typed as a zone is shown back as text in the error', async () => {
        const { el } = await editor();
        const zone = '<img src=x onerror=window.__pwned=true>';
        setValue($<HTMLInputElement>(el, '#zone')!, zone);
        await el.updateComplete;
        expect(fieldError(el, 'zone-error')).to.contain(`"${zone}" is not a time zone`);
        expect(Boolean($(el, '#zone-error img'))).to.equal(false);
        counts.elementChecks++;
      });

      it('turning check-ins on with a broken schedule: no dialog, errors shown, nothing sent', async () => {
        const { el, adapter } = await editor('c-nova');
        setValue($<HTMLInputElement>(el, '#zone')!, 'Nowhere/Town');
        await el.updateComplete;
        $<HTMLButtonElement>(el, '[role="switch"]')!.click();
        await el.updateComplete;
        expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
        expect(fieldError(el, 'zone-error')).to.contain('Nowhere/Town');
        expect(calls(adapter, 'updateSettings')).to.have.length(0);
        counts.elementChecks++;
      });
    });
  });

  describe('hard text', () => {
    async function talentForm(mutate?: (data: MemoryData) => void) {
      const s = store(mutate);
      const adapter = adapterFor('u-kofi', s);
      const el = await fixture<Updatable>(template('checkin-form', adapter, 'c-atlas'));
      await whenReady(el);
      return { el, adapter, store: s };
    }
    const fields = (el: Element) => $$<HTMLTextAreaElement>(el, 'textarea[id^="q-"]');
    const counter = (el: Element, i: number) => text($(el, `#count-${i} .count`));
    const withQuestions = (questions: Partial<Question>[]) => (data: MemoryData) => {
      data.settings['c-atlas']!.questions = data.settings['c-atlas']!.questions.map((q, i) => ({
        ...q,
        ...questions[i],
      }));
    };

    it('a 10,000-character answer over a 1,000 limit: counter, inline message, summary; nothing sent or cut', async () => {
      const { el, adapter } = await talentForm();
      const long = 'a'.repeat(10_000);
      const [first, second, third] = fields(el);
      setValue(first!, long);
      setValue(second!, 'Plans');
      setValue(third!, 'None');
      await el.updateComplete;
      expect(counter(el, 0)).to.equal('10000 / 1000 · 9000 too many');
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await waitUntil(() => $(el, '[part~="error-summary"]'), 'no error summary');
      expect(text($(el, '#err-0'))).to.contain('Use 1000 characters or fewer (9000 too many).');
      expect(text($(el, '[part~="error-summary"]'))).to.contain('is 9000 characters too long');
      expect(el.shadowRoot!.activeElement?.matches('[part~="error-summary"]')).to.equal(true);
      expect(calls(adapter, 'submitAnswers')).to.have.length(0);
      expect(fields(el)[0]!.value.length, 'nothing was cut').to.equal(10_000);
      expect(fields(el)[0]!.hasAttribute('maxlength'), 'no silent maxlength cut').to.equal(false);
      counts.elementChecks++;
    });

    it('a 10,000-character answer within a 10,000 limit: sent whole and shown whole in the thread', async () => {
      const { el, store: s } = await talentForm(withQuestions([{ maxLength: 10_000 }]));
      const long = `${'word '.repeat(1999)}last.`;
      expect(long.length).to.equal(10_000);
      const [first, second, third] = fields(el);
      setValue(first!, long);
      setValue(second!, 'Plans');
      setValue(third!, 'None');
      await el.updateComplete;
      expect(counter(el, 0)).to.equal('10000 / 10000');
      const submitted = oneEvent(el, 'checkin-submit');
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      const event = await submitted;
      expect(event.detail.checkin.answers![0]!.text.length).to.equal(10_000);
      const thread = await fixture<Updatable>(template('checkin-thread', adapterFor('u-dana', s), 'c-atlas'));
      await whenReady(thread);
      const dd = $(thread, `article[data-id="${OPEN_ID}"] dd.text`);
      expect(dd!.textContent!.length).to.equal(10_000);
      counts.elementChecks += 2;
    });

    it('a 10,000-character reply, skip note and request message: each refused with its limit, text kept', async () => {
      const long = 'b'.repeat(10_000);
      const clientAdapter = adapterFor('u-dana');
      const thread = await fixture<Updatable>(template('checkin-thread', clientAdapter, 'c-atlas'));
      await whenReady(thread);
      $<HTMLButtonElement>(thread, `article[data-id="${UNSEEN_ID}"] [part~="reply-button"]`)!.click();
      await thread.updateComplete;
      const box = $(thread, `article[data-id="${UNSEEN_ID}"] [part~="reply-box"]`)!;
      setValue(box.querySelector('textarea')!, long);
      box.querySelector<HTMLButtonElement>('[part~="reply-send"]')!.click();
      await waitUntil(() => box.querySelector('.field-error'), 'no reply error');
      expect(text(box.querySelector('.field-error'))).to.equal(
        'A reply can be at most 2000 characters; this one has 10000.',
      );
      expect(box.querySelector('textarea')!.value.length).to.equal(10_000);
      expect(calls(clientAdapter, 'reply')).to.have.length(0);

      // The request box has no maxlength (a paste would be cut silently): a longer message is
      // kept whole, said to be too long at the field, and nothing is sent.
      $<HTMLButtonElement>(thread, '[part~="request-update"]')!.click();
      await thread.updateComplete;
      const message = $<HTMLTextAreaElement>(thread, '#request-message')!;
      expect(message.maxLength).to.equal(-1);
      setValue(message, long);
      await thread.updateComplete;
      $<HTMLButtonElement>(thread, '[part~="request-panel"] button[type="submit"]')!.click();
      await waitUntil(() => $(thread, '#request-too-long'), 'no request error');
      expect(text($(thread, '#request-too-long'))).to.contain('use 500 characters or fewer');
      expect($<HTMLTextAreaElement>(thread, '#request-message')!.value.length).to.equal(10_000);
      expect(calls(clientAdapter, 'requestUpdate')).to.have.length(0);

      const { el, adapter } = await talentForm();
      $<HTMLButtonElement>(el, '[part~="skip"]')!.click();
      await el.updateComplete;
      setValue($<HTMLTextAreaElement>(el, '#skip-note')!, long);
      $<HTMLButtonElement>(el, '[part~="skip-confirm"]')!.click();
      await waitUntil(() => $(el, '#skip-err'), 'no skip-note error');
      expect(text($(el, '#skip-err'))).to.contain('Use 500 characters or fewer (9500 too many).');
      expect($<HTMLTextAreaElement>(el, '#skip-note')!.value.length).to.equal(10_000);
      expect(calls(adapter, 'skipCheckin')).to.have.length(0);
      counts.elementChecks += 3;
    });

    it('emoji and combining marks: counted in UTF-16 units, the same way by the form and the backend', async () => {
      const { el, adapter } = await talentForm(withQuestions([{ maxLength: 10 }]));
      const [first, second, third] = fields(el);
      setValue(second!, 'Plans');
      setValue(third!, 'None');
      // What a person sees versus what is counted (and documented): UTF-16 code units.
      const samples: Array<[string, number]> = [
        ['👍', 2],
        ['👍🏽', 4],
        ['👨‍👩‍👧', 8],
        ['é', 1], // precomposed U+00E9
        ['e\u0301', 2], // e + combining acute: looks the same, counts 2
        ['🇩🇪', 4],
      ];
      for (const [sample, units] of samples) {
        setValue(first!, sample);
        await el.updateComplete;
        expect(counter(el, 0), JSON.stringify(sample)).to.equal(`${units} / 10`);
      }
      // Eleven units: refused by the form (and the backend would refuse it too).
      setValue(first!, '👍👍👍👍👍a');
      await el.updateComplete;
      expect(counter(el, 0)).to.equal('11 / 10 · 1 too many');
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await waitUntil(() => $(el, '#err-0'), 'no inline error');
      expect(calls(adapter, 'submitAnswers')).to.have.length(0);
      const direct = await adapter
        .submitAnswers(
          'c-atlas',
          OPEN_ID,
          {
            answers: [
              { questionId: 'done', text: '👍👍👍👍👍a' },
              { questionId: 'next', text: 'x' },
              { questionId: 'blockers', text: 'None' },
            ],
          },
          { idempotencyKey: 'k-direct' },
        )
        .then(
          () => 'accepted',
          (e: { code: CheckinErrorCode }) => e.code,
        );
      expect(direct, 'the backend counts the same way').to.equal('invalid');
      // Exactly ten units: accepted by both, and no surrogate pair is split.
      setValue(first!, '👍👍👍👍👍');
      await el.updateComplete;
      const submitted = oneEvent(el, 'checkin-submit');
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      const event = await submitted;
      expect(event.detail.checkin.answers![0]!.text).to.equal('👍👍👍👍👍');
      counts.elementChecks += 2;
    });

    it('only whitespace or invisible characters count as empty for required questions', async () => {
      const { el, adapter } = await talentForm();
      const blanks = [
        '   ',
        '\n\n\t',
        '\u00A0\u3000', // no-break and ideographic spaces
        '\u200B\u200C\u200D\uFEFF', // zero-width space, non-joiner, joiner, BOM
        '\u2060\u00AD\u200E\u200F', // word joiner, soft hyphen, LRM, RLM
        ' \u200B \n',
      ];
      const [first, second, third] = fields(el);
      setValue(second!, 'Plans');
      setValue(third!, 'None');
      for (const blank of blanks) {
        setValue(first!, blank);
        $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
        await el.updateComplete;
        expect(text($(el, '#err-0')), JSON.stringify(blank)).to.contain('Answer this question.');
      }
      expect(calls(adapter, 'submitAnswers')).to.have.length(0);
      counts.elementChecks += blanks.length;
    });

    it('control characters, lone surrogates and bidi overrides are kept verbatim and shown as text', async () => {
      const { el, store: s } = await talentForm();
      const odd = 'a\u0000b\u0007c\u001Bd\u007Fe\uD83Df \u202Eevil\u202C g\u2028h';
      const [first, second, third] = fields(el);
      setValue(first!, odd);
      setValue(second!, 'Plans');
      setValue(third!, 'None');
      const submitted = oneEvent(el, 'checkin-submit');
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      const event = await submitted;
      expect(event.detail.checkin.answers![0]!.text).to.equal(odd);
      await el.updateComplete;
      expect($(el, '[part~="answers"] dd')!.textContent).to.equal(odd);
      const thread = await fixture<Updatable>(template('checkin-thread', adapterFor('u-dana', s), 'c-atlas'));
      await whenReady(thread);
      expect($(thread, `article[data-id="${OPEN_ID}"] dd.text`)!.textContent).to.equal(odd);
      expect(uncaught).to.deep.equal([]);
      counts.elementChecks += 2;
    });

    it('right-to-left text: user-text containers have dir="auto", so Arabic and Hebrew run right to left', async () => {
      const arabic = 'أنهيت صفحة الفواتير واختبارات الدفع.';
      const hebrew = 'סיימתי את דף ההגדרות.';
      const s = store((data) => {
        const list = data.checkins['c-atlas']!;
        const target = list.find((c) => c.id === UNSEEN_ID)!;
        target.answers = [
          { questionId: 'done', text: arabic },
          { questionId: 'next', text: 'Plain English plan.' },
          { questionId: 'blockers', text: hebrew },
        ];
        const author = data.contracts[0]!.client;
        target.replies = [{ id: 'r-rtl', author, text: hebrew, createdAt: '2026-11-21T10:00:00.000Z' }];
        const skipped = list.find((c) => c.status === 'skipped')!;
        skipped.skipNote = arabic;
        const requested = list.find((c) => c.kind === 'requested')!;
        requested.message = hebrew;
      });
      const thread = await fixture<Updatable>(template('checkin-thread', adapterFor('u-dana', s), 'c-atlas'));
      await whenReady(thread);
      const direction = (node: Element | null) => (node ? getComputedStyle(node).direction : 'missing');
      const dirAuto = (node: Element | null) => node?.getAttribute('dir') ?? 'missing';
      const answers = $$(thread, `article[data-id="${UNSEEN_ID}"] dd.text`);
      expect(answers.map(dirAuto)).to.deep.equal(['auto', 'auto', 'auto']);
      expect(answers.map(direction)).to.deep.equal(['rtl', 'ltr', 'rtl']);
      const reply = $(thread, `article[data-id="${UNSEEN_ID}"] [part~="reply"] .text`);
      expect([dirAuto(reply), direction(reply)]).to.deep.equal(['auto', 'rtl']);
      const note = $(thread, '.skip-note .text');
      expect([dirAuto(note), direction(note)]).to.deep.equal(['auto', 'rtl']);
      const message = $(thread, '[part~="message"] .text');
      expect([dirAuto(message), direction(message)]).to.deep.equal(['auto', 'rtl']);
      // Typing: every text box follows what is typed.
      $<HTMLButtonElement>(thread, `article[data-id="${UNSEEN_ID}"] [part~="reply-button"]`)!.click();
      await thread.updateComplete;
      expect($$(thread, 'textarea').length, 'an open reply box').to.equal(1);
      for (const box of $$(thread, 'textarea')) expect(dirAuto(box), 'reply box').to.equal('auto');

      const { el } = await talentForm();
      for (const box of $$(el, 'textarea')) expect(dirAuto(box), box.id).to.equal('auto');
      const [first, second, third] = fields(el);
      setValue(first!, arabic);
      setValue(second!, 'Plans');
      setValue(third!, hebrew);
      await el.updateComplete;
      expect(direction(first!)).to.equal('rtl');
      expect(direction(second!)).to.equal('ltr');
      const submitted = oneEvent(el, 'checkin-submit');
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await submitted;
      await el.updateComplete;
      const shown = $$(el, '[part~="answers"] dd');
      expect(shown.map(dirAuto)).to.deep.equal(['auto', 'auto', 'auto']);
      expect(shown.map(direction)).to.deep.equal(['rtl', 'ltr', 'rtl']);
      counts.elementChecks += 4;
    });

    it('right-to-left question prompts and quick answers follow their own direction too', async () => {
      const prompt = 'ما الذي عملت عليه هذا الأسبوع؟';
      const { el } = await talentForm(withQuestions([{ prompt, quickAnswers: ['لا شيء'] }]));
      const label = $(el, 'label[for="q-0"] [dir="auto"]');
      expect(label?.textContent).to.equal(prompt);
      expect(getComputedStyle(label!).direction).to.equal('rtl');
      const quick = $(el, '[data-question="done"] [part~="quick-answer"]');
      expect(quick?.getAttribute('dir')).to.equal('auto');
      const toggle = await fixture<Updatable>(
        template('checkin-toggle', adapterFor('u-kofi', store(withQuestions([{ prompt }]))), 'c-atlas'),
      );
      await whenReady(toggle);
      const item = $(toggle, 'ol.questions li');
      expect(item?.getAttribute('dir')).to.equal('auto');
      expect(getComputedStyle(item!).direction).to.equal('rtl');
      counts.elementChecks += 2;
    });
  });
});
