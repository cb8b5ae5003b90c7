// The fault matrix for <checkin-thread>: hanging writes, repeated clicks, removal mid-reply,
// dropped live updates and reconnecting without duplicates or gaps, live events during a fetch,
// clock skew and rate limits. See docs/reliability.md.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MemoryAdapter, MemoryStore } from '../src/adapters/memory.js';
import type { CheckinThread } from '../src/elements/checkin-thread/checkin-thread.js';
import { $, button, settle, text } from './support/dom.js';
import {
  FRIDAY,
  HOUR,
  OPEN_ID,
  UNSEEN_ID,
  adapterFor,
  calls,
  keyOf,
  optionsOf,
  watchUnhandled,
  world,
} from './support/fixtures.js';
import {
  article,
  articles,
  ids,
  loaded,
  mountThread as mount,
  openRequest,
  replyTexts,
  typeReply,
} from './support/thread.js';

// The fault shapes every element shares (a hanging load, removal and a contract change
// mid-load, offline) are in element-contract.test.ts.

/** Loads every older page ("Load older" until the first check-in). */
async function loadAll(el: CheckinThread): Promise<void> {
  for (let i = 0; i < 20 && $(el, '[part~="load-more"]'); i++) {
    const before = articles(el).length;
    $<HTMLButtonElement>(el, '[part~="load-more"]')!.click();
    await waitUntil(() => articles(el).length > before || !$(el, '[part~="load-more"]'), 'no older page');
    await el.updateComplete;
  }
}

function storedIds(store: MemoryStore): string[] {
  return store.snapshot().checkins['c-atlas']!.map((c) => c.id);
}

/** The ids of the whole stored history (check-ins and changes), newest first, as the backend pages it. */
async function historyIds(store: MemoryStore): Promise<string[]> {
  const reader = adapterFor(store, 'u-dana');
  const found: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await reader.listHistory('c-atlas', { cursor, limit: 100 });
    found.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

describe('faults: <checkin-thread>', () => {
  describe('a hanging call', () => {
    it('gives up a hanging reply, keeps the text, and sending again is the same write', async () => {
      const adapter = adapterFor(world(), 'u-dana');
      const { el, errors } = await mount(adapter, { timeout: 40 });
      await loaded(el);
      adapter.faults.hangNext('reply');
      const box = await typeReply(el, UNSEEN_ID, 'Thanks, looks good.');
      box.requestSubmit();
      await waitUntil(() => box.querySelector('[role="alert"]'), 'no timeout shown', { timeout: 3000 });
      expect(box.querySelector<HTMLElement>('[role="alert"]')!.dataset.code).to.equal('timeout');
      expect(box.querySelector('textarea')!.value).to.equal('Thanks, looks good.');
      expect(calls(adapter, 'reply')).to.have.length(1);
      expect(errors).to.deep.equal(['reply:timeout']);
      await expect(el).to.be.accessible();
      const sent = oneEvent(el, 'checkin-reply');
      box.requestSubmit();
      await sent;
      const [first, second] = calls(adapter, 'reply');
      expect(keyOf(second!)).to.equal(keyOf(first!));
      await el.updateComplete;
      expect(replyTexts(el, UNSEEN_ID)).to.deep.equal(['Thanks, looks good.']);
    });

    it('gives up a hanging "Request an update", and sending again is the same write', async () => {
      const adapter = adapterFor(world(), 'u-dana');
      const { el } = await mount(adapter, { timeout: 40 });
      await loaded(el);
      adapter.faults.hangNext('requestUpdate');
      const panel = await openRequest(el);
      button(panel, 'Send request')!.click();
      await waitUntil(() => panel.querySelector('[role="alert"]'), 'no timeout shown', { timeout: 3000 });
      expect(panel.querySelector<HTMLElement>('[role="alert"]')!.dataset.code).to.equal('timeout');
      const requested = oneEvent(el, 'checkin-request-update');
      button(panel, 'Send request')!.click();
      await requested;
      const [first, second] = calls(adapter, 'requestUpdate');
      expect(keyOf(second!)).to.equal(keyOf(first!));
    });

    it('gives up a hanging "Mark as seen" and its retry works', async () => {
      const adapter = adapterFor(world(), 'u-dana');
      const { el } = await mount(adapter, { timeout: 40 });
      await loaded(el);
      adapter.faults.hangNext('acknowledge');
      article(el, UNSEEN_ID)!.querySelector<HTMLButtonElement>('[part~="acknowledge"]')!.click();
      await waitUntil(() => article(el, UNSEEN_ID)!.querySelector('[role="alert"]'), 'no timeout', { timeout: 3000 });
      expect(calls(adapter, 'acknowledge')).to.have.length(1);
      button(article(el, UNSEEN_ID)!, 'Try again')!.click();
      await waitUntil(() => article(el, UNSEEN_ID)!.querySelector('[part~="seen"]'), 'not marked as seen');
      expect(calls(adapter, 'acknowledge')).to.have.length(2);
    });
  });

  describe('repeated clicks', () => {
    it('sends a reply once for a triple click', async () => {
      const adapter = adapterFor(world(), 'u-dana');
      const { el } = await mount(adapter);
      await loaded(el);
      adapter.faults.latencyMs = 30;
      const box = await typeReply(el, UNSEEN_ID, 'Once.');
      const send = box.querySelector<HTMLButtonElement>('[part~="reply-send"]')!;
      const sent = oneEvent(el, 'checkin-reply');
      for (let i = 0; i < 3; i++) send.click();
      await sent;
      await settle();
      expect(calls(adapter, 'reply')).to.have.length(1);
      await el.updateComplete;
      expect(replyTexts(el, UNSEEN_ID)).to.deep.equal(['Once.']);
    });

    it('requests an update once for a triple click', async () => {
      const adapter = adapterFor(world(), 'u-dana');
      const { el } = await mount(adapter);
      await loaded(el);
      adapter.faults.latencyMs = 30;
      const panel = await openRequest(el);
      const send = button(panel, 'Send request')!;
      const requested = oneEvent(el, 'checkin-request-update');
      for (let i = 0; i < 3; i++) send.click();
      await requested;
      await settle();
      expect(calls(adapter, 'requestUpdate')).to.have.length(1);
      expect(articles(el).filter((a) => text(a).includes('Update requested by you')).length).to.equal(2);
    });

    it('marks as seen once for a triple click', async () => {
      const adapter = adapterFor(world(), 'u-dana');
      const { el } = await mount(adapter);
      await loaded(el);
      adapter.faults.latencyMs = 30;
      const seen = article(el, UNSEEN_ID)!.querySelector<HTMLButtonElement>('[part~="acknowledge"]')!;
      for (let i = 0; i < 3; i++) seen.click();
      await waitUntil(() => article(el, UNSEEN_ID)!.querySelector('[part~="seen"]'), 'not marked as seen');
      await settle();
      expect(calls(adapter, 'acknowledge')).to.have.length(1);
    });
  });

  describe('removed from the page mid-request', () => {
    it('aborts a reply in flight; put back, the text is kept, no error shows, and sending is one write', async () => {
      const unhandled = watchUnhandled();
      const store = world();
      const adapter = adapterFor(store, 'u-dana');
      const { el, errors } = await mount(adapter);
      await loaded(el);
      adapter.faults.latencyMs = 50;
      (await typeReply(el, UNSEEN_ID, 'Sent while leaving.')).requestSubmit();
      await el.updateComplete;
      const parent = el.parentElement!;
      el.remove();
      await settle();
      expect(optionsOf(calls(adapter, 'reply')[0]!)!.signal!.aborted).to.equal(true);
      adapter.faults.latencyMs = 0;
      parent.append(el);
      await el.updateComplete;
      await waitUntil(() => article(el, UNSEEN_ID), 'did not load when put back');
      await el.updateComplete;
      const box = article(el, UNSEEN_ID)!.querySelector<HTMLFormElement>('[part~="reply-box"]')!;
      expect(box.querySelector('textarea')!.value).to.equal('Sent while leaving.');
      expect(Boolean(box.querySelector('[role="alert"]'))).to.equal(false);
      const sent = oneEvent(el, 'checkin-reply');
      box.requestSubmit();
      await sent;
      const [first, second] = calls(adapter, 'reply');
      expect(keyOf(second!)).to.equal(keyOf(first!));
      const stored = store.snapshot().checkins['c-atlas']!.find((c) => c.id === UNSEEN_ID)!;
      expect(stored.replies.map((r) => r.text)).to.deep.equal(['Sent while leaving.']);
      await settle();
      unhandled.stop();
      expect(unhandled.reasons).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    });
  });

  describe('live updates drop and reconnect', () => {
    it('catches up when the page is visible again: no missing entries, no duplicates, live again', async () => {
      const store = world();
      const adapter = adapterFor(store, 'u-dana');
      const { el } = await mount(adapter);
      await loaded(el);
      const before = ids(el);
      adapter.faults.dropSubscriptions();
      // While the subscription is gone: Kofi answers and replies, Dana requests from another tab.
      const kofi = adapterFor(store, 'u-kofi');
      await kofi.submitAnswers(
        'c-atlas',
        OPEN_ID,
        {
          answers: [
            { questionId: 'done', text: 'A' },
            { questionId: 'next', text: 'B' },
            { questionId: 'blockers', text: 'None' },
          ],
        },
        { idempotencyKey: 'k-1' },
      );
      await kofi.reply('c-atlas', UNSEEN_ID, { text: 'Missed reply' }, { idempotencyKey: 'k-2' });
      const requested = await adapterFor(store, 'u-dana').requestUpdate('c-atlas', {}, { idempotencyKey: 'd-1' });
      await settle();
      // Really missed.
      expect(ids(el)).to.deep.equal(before);
      expect(replyTexts(el, UNSEEN_ID)).to.deep.equal([]);

      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => article(el, requested.id), 'the missed check-in did not show');
      await el.updateComplete;
      expect(ids(el)).to.deep.equal([requested.id, ...before]);
      expect(new Set(ids(el)).size).to.equal(ids(el).length);
      expect(text(article(el, OPEN_ID)!.querySelector('[part~="status"]'))).to.equal('Answered');
      expect(replyTexts(el, UNSEEN_ID)).to.deep.equal(['Missed reply']);
      expect(calls(adapter, 'subscribe')).to.have.length(2);

      // Live again, and an event for something already merged is not shown twice.
      await kofi.reply('c-atlas', UNSEEN_ID, { text: 'Live reply' }, { idempotencyKey: 'k-3' });
      await waitUntil(() => replyTexts(el, UNSEEN_ID).length === 2, 'the live reply did not arrive');
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => calls(adapter, 'listHistory').length === 3, 'no second catch-up');
      await settle();
      await el.updateComplete;
      expect(replyTexts(el, UNSEEN_ID)).to.deep.equal(['Missed reply', 'Live reply']);
      expect(new Set(ids(el)).size).to.equal(ids(el).length);
    });

    it('catches up when the browser comes back online', async () => {
      const store = world();
      const adapter = adapterFor(store, 'u-dana');
      const { el } = await mount(adapter);
      await loaded(el);
      adapter.faults.dropSubscriptions();
      await adapterFor(store, 'u-kofi').reply(
        'c-atlas',
        UNSEEN_ID,
        { text: 'While offline' },
        { idempotencyKey: 'k-1' },
      );
      window.dispatchEvent(new Event('offline'));
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => replyTexts(el, UNSEEN_ID).length === 1, 'did not catch up');
      expect(replyTexts(el, UNSEEN_ID)).to.deep.equal(['While offline']);
    });

    it('starts again from the newest page when more than a page was missed, and pages in the rest without gaps', async () => {
      let now = FRIDAY;
      const store = world(() => now);
      const adapter = adapterFor(store, 'u-dana');
      const { el } = await mount(adapter);
      await loaded(el);
      adapter.faults.dropSubscriptions();
      // 25 weekly prompts pass while the subscription is gone.
      now = FRIDAY + 25 * 7 * 24 * HOUR;
      await adapterFor(store, 'u-dana').getSettings('c-atlas');
      expect(storedIds(store).length).to.be.greaterThan(30);
      await el.refresh();
      await el.updateComplete;
      await loadAll(el);
      expect(ids(el)).to.deep.equal(await historyIds(store));
    });
  });

  describe('live events while a fetch is on its way', () => {
    /**
     * Serves the next call of `method` at once but hands its answer over only on `open()`, so
     * the answer predates whatever happens meanwhile. `served` resolves once it exists.
     */
    function answerLate(adapter: MemoryAdapter, method: 'listHistory') {
      let open!: () => void;
      let markServed!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      const served = new Promise<void>((resolve) => (markServed = resolve));
      const original = adapter[method].bind(adapter);
      adapter[method] = (...args) => {
        adapter[method] = original;
        const answer = original(...args);
        void answer.then(markServed, markServed);
        return opened.then(() => answer);
      };
      return { open, served };
    }

    it('applies a change made while the history loads on top of it, without announcing it', async () => {
      const store = world();
      const adapter = adapterFor(store, 'u-dana');
      const late = answerLate(adapter, 'listHistory');
      const { el } = await mount(adapter);
      await late.served;
      await adapterFor(store, 'u-kofi').reply(
        'c-atlas',
        UNSEEN_ID,
        { text: 'Sent while loading' },
        { idempotencyKey: 'k-1' },
      );
      await settle();
      expect(Boolean($(el, '[role="feed"]'))).to.equal(false);
      late.open();
      await loaded(el);
      await el.updateComplete;
      // The page was served before the reply existed: only the held event brings it.
      expect(replyTexts(el, UNSEEN_ID)).to.deep.equal(['Sent while loading']);
      expect(text($(el, '[role="status"]'))).to.equal('');
      expect(calls(adapter, 'subscribe')).to.have.length(1);
    });

    it('holds a change made while catching up and applies it after the fresh page, announced', async () => {
      const store = world();
      const adapter = adapterFor(store, 'u-dana');
      const { el } = await mount(adapter);
      await loaded(el);
      const late = answerLate(adapter, 'listHistory');
      const refreshed = el.refresh();
      await late.served;
      await adapterFor(store, 'u-kofi').reply(
        'c-atlas',
        UNSEEN_ID,
        { text: 'Sent while catching up' },
        { idempotencyKey: 'k-1' },
      );
      await settle();
      await el.updateComplete;
      // Held: applied now, the older page would overwrite it.
      expect(replyTexts(el, UNSEEN_ID)).to.deep.equal([]);
      late.open();
      await refreshed;
      await el.updateComplete;
      expect(replyTexts(el, UNSEEN_ID)).to.deep.equal(['Sent while catching up']);
      expect(text($(el, '[role="status"]'))).to.equal('New reply from Kofi Mensah.');
      expect(calls(adapter, 'subscribe')).to.have.length(2);
      // Released: the next event is applied as it comes.
      await adapterFor(store, 'u-kofi').reply('c-atlas', UNSEEN_ID, { text: 'Live again' }, { idempotencyKey: 'k-2' });
      await waitUntil(() => replyTexts(el, UNSEEN_ID).length === 2, 'the live reply did not arrive');
    });
  });

  describe('clock skew between the page and the adapter', () => {
    const noNegative = (s: string) => expect(s).to.not.match(/-\s?\d|NaN|Invalid/);

    it('shows an open check-in not yet due on this clock as open and answerable for the talent', async () => {
      const adapter = adapterFor(world(), 'u-kofi');
      const { el } = await mount(adapter, { now: FRIDAY - 4 * HOUR });
      await loaded(el);
      const open = article(el, OPEN_ID)!;
      expect(text(open.querySelector('[part~="status"]'))).to.equal('Open');
      expect(text(open)).to.contain('Waiting for your answer.');
      expect(Boolean(open.querySelector('[part~="reply-button"]'))).to.equal(true);
      noNegative(text(el.shadowRoot));
    });

    it("words a request cooldown on a clock days behind the adapter's as a positive wait", async () => {
      const adapter = adapterFor(world(), 'u-dana');
      const { el } = await mount(adapter, { now: FRIDAY - 3 * 24 * HOUR });
      await loaded(el);
      const panel = await openRequest(el);
      const requested = oneEvent(el, 'checkin-request-update');
      button(panel, 'Send request')!.click();
      await requested;
      await el.updateComplete;
      expect(text($(el, '#cooldown'))).to.match(/^You can request another update in 4 days \(/);
      noNegative(text(el.shadowRoot));
    });
  });

  describe('rate-limited "Request an update"', () => {
    it('is not retried by itself, says when it is allowed again, and allows it then', async () => {
      const adapter = adapterFor(world(), 'u-dana');
      let now = FRIDAY;
      const el = await fixture<CheckinThread>(html`<checkin-thread
        .adapter=${adapter}
        contract-id="c-atlas"
        .clock=${() => now}
      ></checkin-thread>`);
      await loaded(el);
      adapter.faults.failNext('requestUpdate', 'rate-limited');
      const panel = await openRequest(el);
      button(panel, 'Send request')!.click();
      await waitUntil(() => $(el, '#cooldown'), 'no cooldown shown');
      expect(text($(el, '#cooldown'))).to.equal('You can request another update in 1 minute (Fri, Nov 27, 12:01 PM).');
      expect(calls(adapter, 'requestUpdate')).to.have.length(1);
      expect($(el, '[part~="request-update"]')!.getAttribute('aria-disabled')).to.equal('true');
      now = FRIDAY + 61_000;
      el.requestUpdate();
      await el.updateComplete;
      expect(Boolean($(el, '#cooldown'))).to.equal(false);
      expect($(el, '[part~="request-update"]')!.getAttribute('aria-disabled')).to.equal('false');
    });
  });
});
