// The paper trail in <checkin-thread>: changes to the settings as one-line entries between the
// check-ins (issue 9, rule 4) and check-ins that turning off, declining or withdrawing closed
// (rule 2), through the memory adapter, the reference backend.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define/checkin-thread.js';
import type { MemoryAdapter, MemoryStore } from '../src/adapters/memory.js';
import type { CheckinAdapter } from '../src/adapters/adapter.js';
import type { CheckinThread } from '../src/elements/checkin-thread/checkin-thread.js';
import type { Checkin, Schedule } from '../src/model.js';
import { $, $$, text } from './support/dom.js';
import { FRIDAY, OPEN_ID, adapterFor, calls, world } from './support/fixtures.js';

const clock = () => FRIDAY;

async function mount(adapter: CheckinAdapter): Promise<CheckinThread> {
  const el = await fixture<CheckinThread>(
    html`<checkin-thread .adapter=${adapter} contract-id="c-atlas" .clock=${clock}></checkin-thread>`,
  );
  await waitUntil(() => $(el, '[role="feed"], [part~="empty"], [role="alert"]'), 'the thread did not load');
  await el.updateComplete;
  return el;
}

const articles = (el: CheckinThread) => $$(el, 'article');
const changes = (el: CheckinThread) => $$(el, 'article[part~="activity"]');
const article = (el: CheckinThread, id: string) => $(el, `article[data-id="${id}"]`);
const status = (el: CheckinThread) => text($(el, '[part~="status"][role="status"]'));

async function changeSettings(store: MemoryStore, change: Parameters<MemoryAdapter['updateSettings']>[1], key: string) {
  const dana = adapterFor(store, 'u-dana');
  const { version } = await dana.getSettings('c-atlas');
  return dana.updateSettings('c-atlas', change, { expectedVersion: version, idempotencyKey: key });
}

async function setConsent(store: MemoryStore, consent: 'given' | 'declined' | 'withdrawn', key: string) {
  const kofi = adapterFor(store, 'u-kofi');
  const { version } = await kofi.getSettings('c-atlas');
  return kofi.updateSettings('c-atlas', { consent }, { expectedVersion: version, idempotencyKey: key });
}

describe('<checkin-thread> paper trail', () => {
  describe('changes to the settings', () => {
    it('lists them between the check-ins, newest first, one line each in the actor’s name', async () => {
      const el = await mount(adapterFor(world(), 'u-kofi'));
      const all = articles(el);
      expect(all.length).to.equal(13);
      // The changes are the oldest entries of the demo: turned on, then agreed, then a skip date.
      expect(all.slice(10).map((a) => text(a.querySelector('.activity-text')))).to.deep.equal([
        'Dana Whitfield cancelled the check-ins of 25 Dec 2026.',
        'You agreed to weekly check-ins.',
        'Dana Whitfield turned weekly check-ins on.',
      ]);
      all.forEach((a, i) => {
        expect(a.getAttribute('aria-posinset')).to.equal(String(i + 1));
        expect(a.getAttribute('aria-setsize')).to.equal('13');
      });
      const entry = changes(el)[0]!;
      // Part of the feed's roving tabindex like any article.
      expect(entry.getAttribute('tabindex')).to.equal('-1');
      expect(text(el.shadowRoot!.getElementById(entry.getAttribute('aria-labelledby')!))).to.equal(
        'Dana Whitfield cancelled the check-ins of 25 Dec 2026.',
      );
      // One line: no heading, no reply box, no status chip.
      expect(entry.querySelector('[part~="reply-button"], [part~="status"], [role="heading"], h3')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says the client’s own changes as "You" in the client’s view', async () => {
      const el = await mount(adapterFor(world(), 'u-dana'));
      expect(changes(el).map((a) => text(a.querySelector('.activity-text')))).to.deep.equal([
        'You cancelled the check-ins of Dec 25, 2026.',
        'Kofi Mensah agreed to weekly check-ins.',
        'You turned weekly check-ins on.',
      ]);
    });

    it('shows a schedule change made elsewhere at once, in the talent’s time, announced, the total one more', async () => {
      const store = world();
      const kofi = await mount(adapterFor(store, 'u-kofi'));
      const dana = await mount(adapterFor(store, 'u-dana'));
      const schedule: Schedule = {
        ...(await adapterFor(store, 'u-dana').getSettings('c-atlas')).schedule,
        weekday: 2,
        time: '09:30',
      };
      await changeSettings(store, { schedule }, 'move-to-tuesday');
      await waitUntil(() => changes(kofi).length === 4, 'the change did not arrive');
      const top = articles(kofi)[0]!;
      expect(top.dataset.change).to.equal('schedule');
      expect(text(top.querySelector('.activity-text'))).to.equal(
        'Dana Whitfield changed the check-in day to Tuesdays at 09:30 Central European Time (Berlin). Before: Fridays at 16:00.',
      );
      expect(text(top.querySelector('time'))).to.equal('27 Nov 2026, 18:00');
      expect(top.getAttribute('aria-setsize')).to.equal('14');
      expect(status(kofi)).to.equal(
        'Dana Whitfield changed the check-in day to Tuesdays at 09:30 Central European Time (Berlin). Before: Fridays at 16:00.',
      );
      // The client reads it in her own words and time; her own change is not announced to her.
      await waitUntil(() => changes(dana).length === 4, 'the change did not arrive for Dana');
      expect(text(articles(dana)[0]!.querySelector('.activity-text'))).to.equal(
        'You changed the check-in day to Tuesdays at 9:30 AM Central European Time (Berlin), your time 3:30 AM. Before: Fridays at 4:00 PM.',
      );
      expect(status(dana)).to.equal('');
      // The open check-in kept its place and status (the past is not rewritten).
      expect(articles(kofi)[1]!.dataset.id).to.equal(OPEN_ID);
      await expect(kofi).to.be.accessible();
    });

    it('shows pause, skip dates and questions as they are changed', async () => {
      const store = world();
      const el = await mount(adapterFor(store, 'u-kofi'));
      const settings = await adapterFor(store, 'u-dana').getSettings('c-atlas');
      await changeSettings(
        store,
        { schedule: { ...settings.schedule, pausedUntil: '2026-12-14T23:00:00.000Z', skipDates: ['2027-01-01'] } },
        'pause-and-skip',
      );
      await changeSettings(
        store,
        {
          questions: [
            ...settings.questions,
            { id: 'demo', prompt: 'Link to a demo?', required: false, maxLength: 300, quickAnswers: [] },
          ],
        },
        'questions',
      );
      await waitUntil(() => changes(el).length === 6, 'the changes did not arrive');
      expect(
        changes(el)
          .slice(0, 3)
          .map((a) => text(a.querySelector('.activity-text'))),
      ).to.deep.equal([
        'Dana Whitfield changed the questions: added “Link to a demo?”.',
        'Dana Whitfield cancelled the check-ins of 1 Jan 2027 and brought back those of 25 Dec 2026.',
        'Dana Whitfield paused weekly check-ins until 15 Dec 2026.',
      ]);
      expect(articles(el).map((a) => a.getAttribute('aria-posinset'))).to.deep.equal(
        articles(el).map((_, i) => String(i + 1)),
      );
      expect(articles(el)[0]!.getAttribute('aria-setsize')).to.equal('16');
    });

    it('lists check-ins only from an adapter without listHistory, and ignores change events', async () => {
      const store = world();
      const memory = adapterFor(store, 'u-kofi');
      // The same adapter without the optional method.
      const plain = new Proxy(memory, {
        get: (target, key) => {
          if (key === 'listHistory') return undefined;
          const value = Reflect.get(target, key);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }) as CheckinAdapter;
      const el = await mount(plain);
      expect(articles(el).length).to.equal(10);
      expect(changes(el).length).to.equal(0);
      expect(calls(memory, 'listCheckins').length).to.equal(1);
      expect(calls(memory, 'listHistory').length).to.equal(0);
      await changeSettings(store, { enabled: false }, 'off');
      await waitUntil(() => text(article(el, OPEN_ID)!.querySelector('[part~="status"]')) === 'Closed', 'no close');
      expect(articles(el).length).to.equal(10);
    });
  });

  describe('closed check-ins', () => {
    it('says who turned check-ins off and when, not "Late" or "Waiting", and replies stay possible', async () => {
      const store = world();
      const kofiAdapter = adapterFor(store, 'u-kofi');
      const kofi = await mount(kofiAdapter);
      const dana = await mount(adapterFor(store, 'u-dana'));
      expect(text(article(kofi, OPEN_ID))).to.contain('Waiting for your answer.');
      await changeSettings(store, { enabled: false }, 'turn-off');
      await waitUntil(
        () => text(article(kofi, OPEN_ID)?.querySelector('[part~="status"]')) === 'Closed',
        'the check-in did not close',
      );
      const entry = article(kofi, OPEN_ID)!;
      expect(text(entry.querySelector('[part~="closed-note"]'))).to.equal(
        'Closed: Dana Whitfield turned weekly check-ins off on 27 Nov 2026. It can no longer be answered; you can still reply.',
      );
      expect(text(entry)).not.to.contain('Waiting');
      expect(text(entry)).not.to.contain('Late');
      expect(entry.querySelector('[part~="status"]')!.getAttribute('part')).to.contain('status-closed');
      // The change itself is on top, then the closed check-in.
      expect(text(articles(kofi)[0]!.querySelector('.activity-text'))).to.equal(
        'Dana Whitfield turned weekly check-ins off.',
      );
      expect(articles(kofi)[1]!.dataset.id).to.equal(OPEN_ID);
      // A reply is still possible and reaches the backend.
      entry.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
      await kofi.updateComplete;
      const field = entry.querySelector('textarea')!;
      field.value = 'I had half an answer written: the release is done.';
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      entry.querySelector<HTMLFormElement>('[part~="reply-box"]')!.requestSubmit();
      await waitUntil(
        () => calls(kofiAdapter, 'reply').length === 1 && entry.querySelectorAll('[part~="reply"]').length === 1,
        'the reply was not sent',
      );
      await expect(kofi).to.be.accessible();
      // The client reads it as her own act.
      await waitUntil(
        () =>
          text(article(dana, OPEN_ID)?.querySelector('[part~="closed-note"]')) ===
          'Closed: you turned weekly check-ins off on Nov 27, 2026.',
        'the client did not see the close',
      );
      await expect(dana).to.be.accessible();
    });

    it('says the talent withdrew, in the talent’s words, and keeps a requested check-in open', async () => {
      const store = world();
      const requested = await adapterFor(store, 'u-dana').requestUpdate(
        'c-atlas',
        { message: 'Status?' },
        { idempotencyKey: 'ask' },
      );
      const kofi = await mount(adapterFor(store, 'u-kofi'));
      await setConsent(store, 'withdrawn', 'withdraw');
      await waitUntil(
        () => text(article(kofi, OPEN_ID)?.querySelector('[part~="status"]')) === 'Closed',
        'the check-in did not close',
      );
      expect(text(article(kofi, OPEN_ID)!.querySelector('[part~="closed-note"]'))).to.equal(
        'Closed: you withdrew your consent to weekly check-ins on 27 Nov 2026. It can no longer be answered; you can still reply.',
      );
      await waitUntil(() => changes(kofi).length === 4, 'the change did not arrive');
      expect(text(changes(kofi)[0]!.querySelector('.activity-text'))).to.equal(
        'You withdrew your consent to weekly check-ins.',
      );
      const request = article(kofi, requested.id)!;
      expect(text(request.querySelector('[part~="status"]'))).to.equal('Open');
      expect(text(request)).to.contain('Waiting for your answer.');
    });

    it('shows a closed check-in from the host’s list with a long closer’s name shortened, the full one in a title', async () => {
      const store = world();
      const adapter = adapterFor(store, 'u-kofi');
      const [open] = (await adapter.listCheckins('c-atlas', { limit: 1 })).items as [Checkin];
      const long = { id: 'u-dana', name: `Dana ${'W'.repeat(19_990)}`, timeZone: 'America/New_York' };
      const closed: Checkin = {
        ...open,
        status: 'closed',
        closedAt: '2026-11-27T17:00:00.000Z',
        closedBy: long,
        closedReason: 'turned-off',
      };
      const el = await fixture<CheckinThread>(
        html`<checkin-thread .adapter=${adapter} contract-id="c-atlas" .clock=${clock} .checkins=${[closed]}></checkin-thread>`,
      );
      await waitUntil(() => $(el, '[part~="closed-note"], [role="alert"]'), 'nothing shown');
      expect(text($(el, '[role="alert"]'))).to.equal('');
      const note = $(el, '[part~="closed-note"]')!;
      expect(text(note).length).to.be.lessThan(300);
      expect(text(note)).to.match(/^Closed: Dana W+… turned weekly check-ins off on 27 Nov 2026\./);
      expect(note.getAttribute('title')).to.equal(`Closed: ${long.name} turned weekly check-ins off on 27 Nov 2026.`);
      await expect(el).to.be.accessible();
    });
  });
});
