import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/define/checkin-thread.js';
import '../src/define/checkin-provider.js';
import { MemoryAdapter, MemoryStore, generateHistory, seedDemo } from '../src/adapters/memory.js';
import type { MemoryData } from '../src/adapters/memory.js';
import type { CheckinThread } from '../src/elements/checkin-thread/checkin-thread.js';
import type { CheckinErrorEvent } from '../src/events.js';
import type { Checkin, CheckinStatus } from '../src/model.js';
import { DEFAULT_REQUEST_POLICY } from '../src/adapters/resilient.js';
import { text } from './support/dom.js';

// Reads are tried this many times before a failure is shown: fail every one of them.
const EVERY_TRY = DEFAULT_REQUEST_POLICY.attempts;

// Friday 27 November 2026, 17:00 UTC: noon for Dana (New York), 18:00 for Kofi (Berlin).
// The week's prompt (16:00 Berlin = 15:00 UTC) has just opened.
const FIXED = Date.parse('2026-11-27T17:00:00.000Z');
const clock = () => FIXED;
const OPEN_ID = 'c-atlas-20261127T150000Z'; // open, due today
const UNSEEN_ID = 'c-atlas-20261120T150000Z'; // answered, not yet seen, blockers "None"
const BLOCKER_ID = 'c-atlas-20261113T150000Z'; // answered with a real blocker, seen
const REQUESTED_ID = 'c-atlas-r20261109T150000Z'; // requested by Dana, answered
const SKIPPED_ID = 'c-atlas-20261106T150000Z';

function makeStore(mutate?: (data: MemoryData) => void): MemoryStore {
  // A deep copy: the seed shares some objects between calls, and tests mutate theirs.
  const data = structuredClone(seedDemo({ now: FIXED }));
  mutate?.(data);
  return new MemoryStore(data, { clock });
}

/**
 * A store whose Atlas contract has `count` weeks of generated history (more than one page), and
 * no changes to its settings in the history: check-ins only.
 */
function longStore(count = 45): MemoryStore {
  return makeStore((data) => {
    const atlas = data.contracts.find((c) => c.id === 'c-atlas')!;
    data.checkins['c-atlas'] = generateHistory(atlas, count, { now: FIXED, seed: 7 });
    data.activity = { ...data.activity, 'c-atlas': [] };
  });
}

// The demo's Atlas history: ten check-ins and three changes to its settings (turned on, consent
// given, skip dates), the changes oldest.
const SEEDED = 13;

interface Mounted {
  el: CheckinThread;
  adapter: MemoryAdapter;
  store: MemoryStore;
}

async function mount(
  viewerId = 'u-dana',
  options: { store?: MemoryStore; contractId?: string; wait?: boolean } = {},
): Promise<Mounted> {
  const store = options.store ?? makeStore();
  const contractId = options.contractId ?? 'c-atlas';
  const adapter = new MemoryAdapter({ store, viewerId, contractId });
  const el = await fixture<CheckinThread>(
    html`<checkin-thread .adapter=${adapter} contract-id=${contractId} .clock=${clock}></checkin-thread>`,
  );
  if (options.wait !== false) await loaded(el);
  return { el, adapter, store };
}

async function loaded(el: CheckinThread): Promise<void> {
  await waitUntil(
    () => el.shadowRoot!.querySelector('[role="feed"], [part~="empty"], [role="alert"]'),
    'the thread did not finish loading',
  );
  await el.updateComplete;
}

const root = (el: CheckinThread) => el.shadowRoot!;
const articles = (el: CheckinThread) => [...root(el).querySelectorAll<HTMLElement>('article')];
const checkinArticles = (el: CheckinThread) => articles(el).filter((a) => !a.matches('[part~="activity"]'));
const article = (el: CheckinThread, id: string) => root(el).querySelector<HTMLElement>(`article[data-id="${id}"]`);
const feed = (el: CheckinThread) => root(el).querySelector<HTMLElement>('[role="feed"]')!;
// Chai's failure message serialises what it compares; for a DOM node inside a live element
// that never finishes (the run times out), so nodes are compared through this short label.
const show = (node: Element | null | undefined) =>
  node
    ? `<${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${
        node.getAttribute('data-id') ? ` data-id=${node.getAttribute('data-id')}` : ''
      }> ${text(node).slice(0, 60)}`
    : null;
const calls = (adapter: MemoryAdapter, method: string) => adapter.calls.filter((c) => c.method === method);
const button = (scope: ParentNode, label: string) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label);

/** Opens the reply box of a check-in through its Reply button; its field. */
async function openReply(el: CheckinThread, id: string): Promise<HTMLTextAreaElement> {
  const entry = article(el, id)!;
  entry.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
  await el.updateComplete;
  return entry.querySelector('textarea')!;
}

async function typeInto(field: HTMLTextAreaElement, value: string): Promise<void> {
  field.focus();
  await sendKeys({ type: value });
}

async function ctrl(key: string): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}

function checkin(id: string, status: CheckinStatus, patch: Partial<Checkin> = {}): Checkin {
  const party = { id: 'u-dana', name: 'Dana Whitfield', timeZone: 'America/New_York' };
  return {
    id,
    contractId: 'c-atlas',
    kind: 'scheduled',
    dueAt: '2026-11-20T15:00:00.000Z',
    status,
    requestedBy: party,
    answers: null,
    health: null,
    answeredAt: null,
    editedAt: null,
    skipNote: null,
    acknowledgedAt: null,
    replies: [],
    ...patch,
  };
}

describe('<checkin-thread>', () => {
  describe('accessibility', () => {
    it('is accessible in the loaded client view', async () => {
      const { el } = await mount('u-dana');
      expect(articles(el).length).to.equal(SEEDED);
      await expect(el).to.be.accessible();
    });

    it('is accessible in the talent view', async () => {
      const { el } = await mount('u-kofi');
      expect(articles(el).length).to.equal(SEEDED);
      await expect(el).to.be.accessible();
    });

    it('is accessible when empty', async () => {
      const { el } = await mount('u-dana', { contractId: 'c-nova' });
      expect(text(root(el).querySelector('[part~="empty"]'))).to.equal('Weekly check-ins are off for this contract.');
      await expect(el).to.be.accessible();
    });

    it('is accessible showing a load error', async () => {
      const store = makeStore();
      const adapter = new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' });
      // A read is retried by itself (3 tries, docs/reliability.md): it fails on every one here.
      adapter.faults.failNext('getContract', 'unavailable', undefined, EVERY_TRY);
      const el = await fixture<CheckinThread>(
        html`<checkin-thread
          .adapter=${adapter}
          contract-id="c-atlas"
          .clock=${clock}
          .retryPolicy=${{ baseDelayMs: 0 }}
        ></checkin-thread>`,
      );
      await loaded(el);
      expect(root(el).querySelector('[role="alert"]')!.getAttribute('data-code')).to.equal('unavailable');
      await expect(el).to.be.accessible();
    });
  });

  describe('states', () => {
    it('says so when no adapter reached it', async () => {
      const el = await fixture<CheckinThread>(html`<checkin-thread contract-id="c-atlas"></checkin-thread>`);
      const alert = root(el).querySelector('[role="alert"]')!;
      expect(alert.getAttribute('data-code')).to.equal('no-adapter');
      expect(text(alert)).to.contain('<checkin-thread> has no adapter');
    });

    it('says so when it has no contract id', async () => {
      const adapter = new MemoryAdapter({ store: makeStore(), viewerId: 'u-dana' });
      const el = await fixture<CheckinThread>(html`<checkin-thread .adapter=${adapter}></checkin-thread>`);
      expect(root(el).querySelector('[role="alert"]')!.getAttribute('data-code')).to.equal('no-contract');
    });

    it('shows a labelled skeleton while loading', async () => {
      const adapter = new MemoryAdapter({ store: makeStore(), viewerId: 'u-dana', contractId: 'c-atlas' });
      adapter.faults.hangNext('listHistory');
      const el = await fixture<CheckinThread>(
        html`<checkin-thread .adapter=${adapter} contract-id="c-atlas"></checkin-thread>`,
      );
      const loading = root(el).querySelector('[part~="loading"]')!;
      expect(loading.getAttribute('aria-busy')).to.equal('true');
      expect(text(loading)).to.equal('Loading check-in history…');
      expect(show(root(el).querySelector('[role="feed"]'))).to.equal(null);
    });

    it('tells when the first check-in opens, in the viewer’s zone', async () => {
      const store = makeStore((data) => {
        data.checkins['c-atlas'] = [];
        data.activeSince!['c-atlas'] = new Date(FIXED).toISOString();
      });
      const { el } = await mount('u-dana', { store });
      // The next prompt is Friday 4 December, 16:00 Berlin = 10:00 New York.
      expect(text(root(el).querySelector('[part~="empty"]'))).to.equal(
        'No check-ins yet. The first one opens Friday, December 4, 2026 at 10:00 AM Eastern Time.',
      );
      // The changes to the settings so far are the whole feed.
      expect(articles(el).map((a) => a.dataset.change)).to.deep.equal(['skip-dates', 'consent', 'enabled']);
    });

    it('shows a forbidden failure without a retry', async () => {
      const { el } = await mount('u-eve');
      const alert = root(el).querySelector('[role="alert"]')!;
      expect(alert.getAttribute('data-code')).to.equal('forbidden');
      expect(show(alert.querySelector('button'))).to.equal(null);
    });

    it('reports a load failure and loads on retry', async () => {
      const store = makeStore();
      const adapter = new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' });
      // A read is retried by itself (3 tries, docs/reliability.md): it fails on every one here.
      adapter.faults.failNext('listHistory', 'network', undefined, EVERY_TRY);
      const errors: string[] = [];
      const el = await fixture<CheckinThread>(html`<checkin-thread
        .adapter=${adapter}
        contract-id="c-atlas"
        .clock=${clock}
        .retryPolicy=${{ baseDelayMs: 0 }}
        @checkin-error=${(e: CheckinErrorEvent) => errors.push(`${e.detail.action}:${e.detail.error.code}`)}
      ></checkin-thread>`);
      await loaded(el);
      const alert = root(el).querySelector('[role="alert"]')!;
      expect(text(alert)).to.contain('You seem to be offline. Nothing was lost.');
      expect(errors).to.deep.equal(['load:network']);
      button(alert, 'Try again')!.click();
      await waitUntil(() => articles(el).length === SEEDED, 'retry did not load the thread');
    });

    it('shows an offline notice when the browser goes offline', async () => {
      const { el } = await mount('u-dana');
      window.dispatchEvent(new Event('offline'));
      await el.updateComplete;
      expect(text(root(el).querySelector('[part~="offline"]'))).to.contain("You're offline.");
      window.dispatchEvent(new Event('online'));
      await el.updateComplete;
      expect(show(root(el).querySelector('[part~="offline"]'))).to.equal(null);
    });

    it('never renders an old response after the contract changes', async () => {
      const store = makeStore();
      const adapter = new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' });
      adapter.faults.latencyMs = 30;
      const el = await fixture<CheckinThread>(
        html`<checkin-thread .adapter=${adapter} contract-id="c-atlas" .clock=${clock}></checkin-thread>`,
      );
      el.contractId = 'c-nova';
      await loaded(el);
      // The Atlas request was cancelled, not merely ignored, and nothing of it shows.
      const [first] = calls(adapter, 'listHistory');
      expect(first!.args[0]).to.equal('c-atlas');
      expect((first!.args[1] as { signal: AbortSignal }).signal.aborted).to.equal(true);
      await el.updateComplete;
      expect(articles(el).length).to.equal(0);
      expect(show(root(el).querySelector('[part~="empty"]'))).to.not.equal(null);
    });
  });

  describe('feed', () => {
    it('is an APG feed with the true set size and positions', async () => {
      const { el } = await mount('u-dana', { store: longStore(45) });
      const f = feed(el);
      expect(f.getAttribute('aria-busy')).to.equal('false');
      const label = root(el).getElementById(f.getAttribute('aria-labelledby')!)!;
      expect(text(label)).to.equal('Check-in history for Atlas customer portal: front-end rebuild');
      const list = articles(el);
      expect(list.length).to.equal(20);
      list.forEach((a, i) => {
        // Roving tabindex: the feed is one Tab stop (see thread-keyboard.test.ts).
        expect(a.getAttribute('tabindex')).to.equal(i === 0 ? '0' : '-1');
        expect(a.getAttribute('aria-setsize')).to.equal('45');
        expect(a.getAttribute('aria-posinset')).to.equal(String(i + 1));
        const heading = root(el).getElementById(a.getAttribute('aria-labelledby')!)!;
        expect([heading.getAttribute('role'), heading.getAttribute('aria-level')]).to.deep.equal(['heading', '3']);
        expect(show(root(el).getElementById(a.getAttribute('aria-describedby')!))).to.not.equal(null);
      });
    });

    it('is busy while a page loads, and only one page request is made', async () => {
      const { el, adapter } = await mount('u-dana', { store: longStore(45) });
      adapter.faults.hangNext('listHistory');
      const more = root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!;
      more.click();
      await el.updateComplete;
      expect(feed(el).getAttribute('aria-busy')).to.equal('true');
      expect(more.getAttribute('aria-disabled')).to.equal('true');
      more.click();
      await el.updateComplete;
      expect(calls(adapter, 'listHistory').length).to.equal(2);
    });

    it('stops being busy when the page arrives', async () => {
      const { el, adapter } = await mount('u-dana', { store: longStore(45) });
      adapter.faults.latencyMs = 20;
      root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
      await el.updateComplete;
      expect(feed(el).getAttribute('aria-busy')).to.equal('true');
      await waitUntil(() => articles(el).length === 40, 'the next page did not arrive');
      expect(feed(el).getAttribute('aria-busy')).to.equal('false');
    });

    it('moves focus between articles with Page Down and Page Up', async () => {
      const { el } = await mount('u-dana');
      articles(el)[0]!.focus();
      await sendKeys({ press: 'PageDown' });
      expect(root(el).activeElement?.getAttribute('aria-posinset')).to.equal('2');
      await sendKeys({ press: 'PageDown' });
      expect(root(el).activeElement?.getAttribute('aria-posinset')).to.equal('3');
      await sendKeys({ press: 'PageUp' });
      expect(root(el).activeElement?.getAttribute('aria-posinset')).to.equal('2');
    });

    it('leaves the feed with Ctrl+End and Ctrl+Home', async () => {
      const { el } = await mount('u-dana', { store: longStore(45) });
      articles(el)[3]!.focus();
      await ctrl('End');
      expect(root(el).activeElement?.getAttribute('part')).to.equal('load-more');
      articles(el)[3]!.focus();
      await ctrl('Home');
      expect(text(root(el).activeElement)).to.equal('Export JSON');
    });
  });

  describe('entries', () => {
    it('highlights a real blocker for the client, not a "None"', async () => {
      const { el } = await mount('u-dana');
      const blocked = article(el, BLOCKER_ID)!;
      const flagged = blocked.querySelector('[part~="blocker"]')!;
      expect(text(flagged.querySelector('dt'))).to.equal('What might delay your planned work? Blocker');
      expect(text(flagged.querySelector('dd'))).to.equal(
        'The settings designs still have two open questions (notification defaults, who can invite).',
      );
      expect(text(blocked.querySelector('[part~="blocker-badge"]'))).to.equal('Blocker');
      expect(blocked.classList.contains('has-blocker')).to.equal(true);
      const none = article(el, UNSEEN_ID)!;
      expect(show(none.querySelector('[part~="blocker"], [part~="blocker-badge"]'))).to.equal(null);
      expect(none.classList.contains('has-blocker')).to.equal(false);
    });

    it('treats quick answers trimmed and in any case as no blocker', async () => {
      const store = makeStore((data) => {
        const c = data.checkins['c-atlas']!.find((x) => x.id === BLOCKER_ID)!;
        c.answers![2]!.text = '  nONe ';
      });
      const { el } = await mount('u-dana', { store });
      expect(show(article(el, BLOCKER_ID)!.querySelector('[part~="blocker"]'))).to.equal(null);
    });

    it('shows the blocker plainly to the talent', async () => {
      const { el } = await mount('u-kofi');
      const blocked = article(el, BLOCKER_ID)!;
      expect(show(blocked.querySelector('[part~="blocker"], [part~="blocker-badge"]'))).to.equal(null);
      expect(text(blocked.querySelector('[part~="answers"]'))).to.contain('The settings designs still have');
    });

    it('writes each status as text', async () => {
      const adapter = new MemoryAdapter({ store: makeStore(), viewerId: 'u-dana', contractId: 'c-atlas' });
      const statuses: CheckinStatus[] = ['open', 'answered', 'late', 'missed', 'skipped'];
      const el = await fixture<CheckinThread>(html`<checkin-thread
        .adapter=${adapter}
        contract-id="c-atlas"
        .clock=${clock}
        .checkins=${statuses.map((s, i) => checkin(`x${i}`, s))}
      ></checkin-thread>`);
      await loaded(el);
      expect(articles(el).map((a) => text(a.querySelector('[part~="status"]')))).to.deep.equal([
        'Open',
        'Answered',
        'Late',
        'Missed',
        'Skipped',
      ]);
      expect(calls(adapter, 'listHistory').length).to.equal(0);
    });

    it('writes dates in the viewer’s zone and locale', async () => {
      const client = await mount('u-dana');
      const seen = article(client.el, BLOCKER_ID)!;
      expect(text(seen.querySelector('.due'))).to.equal('Due Friday, November 13, 2026 at 10:00 AM Eastern Time');
      expect(text(seen.querySelector('[part~="seen"]'))).to.equal('Seen by you on Nov 13, 2026, 3:00 PM');

      const talent = await mount('u-kofi');
      expect(text(article(talent.el, BLOCKER_ID)!.querySelector('.due'))).to.equal(
        'Due Friday, 13 November 2026 at 16:00 Central European Time',
      );
    });

    it('shows who asked, the request message, health, answers, skip notes and replies', async () => {
      const { el } = await mount('u-dana');
      const requested = article(el, REQUESTED_ID)!;
      expect(text(requested.querySelector('[role="heading"]'))).to.equal('Update requested by you');
      // The client's own request and message in her own view: "you".
      expect(text(requested.querySelector('[part~="message"]'))).to.match(/^You wrote: /);
      expect(text(requested.querySelector('[part~="message"]'))).to.contain(
        'Could you send a quick status on the invoice export',
      );
      expect(text(article(el, OPEN_ID)!.querySelector('[role="heading"]'))).to.equal('Weekly check-in');
      const answered = article(el, BLOCKER_ID)!;
      expect(text(answered.querySelector('[part~="health"]'))).to.equal('Health: At risk');
      expect([...answered.querySelectorAll('dt')].map((d) => text(d))[0]).to.equal('What did you work on this week?');
      expect(text(answered.querySelector('[part~="reply"]'))).to.contain("Let's settle both in Tuesday's call.");
      expect(text(article(el, SKIPPED_ID)!.querySelector('[part~="skip-note"]'))).to.contain(
        'Public holiday week in Germany',
      );
      expect(text(article(el, UNSEEN_ID)!.querySelector('[part~="edited"]'))).to.equal('Edited');
    });

    it('labels answers to questions that no longer exist', async () => {
      const store = makeStore((data) => {
        data.checkins['c-atlas']!.find((x) => x.id === BLOCKER_ID)!.answers!.push({
          questionId: 'retired',
          text: 'An old answer',
        });
      });
      const { el } = await mount('u-dana', { store });
      const terms = [...article(el, BLOCKER_ID)!.querySelectorAll('dt')].map((d) => text(d));
      expect(terms[3]).to.equal('Answer to an earlier question');
    });
  });

  describe('paging', () => {
    it('appends the next page on "Load older" without duplicates, total unchanged', async () => {
      const { el, adapter } = await mount('u-dana', { store: longStore(45) });
      const first = articles(el).map((a) => a.dataset.id);
      root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
      await waitUntil(() => articles(el).length === 40, 'the next page did not arrive');
      const ids = articles(el).map((a) => a.dataset.id);
      expect(ids.slice(0, 20)).to.deep.equal(first);
      expect(new Set(ids).size).to.equal(ids.length);
      expect(articles(el).every((a) => a.getAttribute('aria-setsize') === '45')).to.equal(true);
      expect(articles(el).map((a) => a.getAttribute('aria-posinset'))).to.deep.equal(ids.map((_, i) => String(i + 1)));
      const [, options] = calls(adapter, 'listHistory')[1]!.args as [string, { cursor: string }];
      expect(options.cursor).to.be.a('string');
    });

    it('drops entries it already has when a page repeats them', async () => {
      const { el, adapter } = await mount('u-dana', { store: longStore(45) });
      const firstPage = articles(el).map((a) => a.dataset.id!);
      adapter.faults.corruptNext('listHistory', (page) => {
        // Simulate an offset-paged backend after one insert: the page starts one entry early.
        const repeat = { ...page.items[0], id: firstPage[19] };
        return { ...page, items: [repeat, ...page.items] };
      });
      root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
      await waitUntil(() => articles(el).length === 40, 'the next page did not arrive');
      const ids = articles(el).map((a) => a.dataset.id);
      expect(new Set(ids).size).to.equal(40);
      expect(ids.filter((id) => id === firstPage[19]).length).to.equal(1);
    });

    it('shows a paging failure at the bottom with a retry', async () => {
      const { el, adapter } = await mount('u-dana', { store: longStore(45) });
      // A read is retried by itself (3 tries, docs/reliability.md): it fails on every one here.
      el.retryPolicy = { baseDelayMs: 0 };
      adapter.faults.failNext('listHistory', 'timeout', undefined, EVERY_TRY);
      root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
      await waitUntil(() => root(el).querySelector('.scroller [role="alert"]'), 'no paging error');
      const alert = root(el).querySelector('.scroller [role="alert"]')!;
      expect(alert.getAttribute('data-code')).to.equal('timeout');
      expect(articles(el).length).to.equal(20);
      button(alert, 'Try loading again')!.click();
      await waitUntil(() => articles(el).length === 40, 'retry did not load the page');
    });
  });

  describe('scrolling', () => {
    it('loads older check-ins when the end of a scrolling feed comes into view', async () => {
      const store = longStore(45);
      const adapter = new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' });
      const el = await fixture<CheckinThread>(html`<checkin-thread
        style="--checkin-thread-max-height: 400px"
        .adapter=${adapter}
        contract-id="c-atlas"
        .clock=${clock}
      ></checkin-thread>`);
      await loaded(el);
      const scroller = root(el).querySelector<HTMLElement>('[part~="scroller"]')!;
      expect(scroller.clientHeight).to.equal(400);
      expect(articles(el).length).to.equal(20);
      // Off-screen articles have an estimated height until they render, so the end moves as
      // the user scrolls: keep scrolling to the end, as a person would.
      await waitUntil(() => {
        scroller.scrollTop = scroller.scrollHeight;
        return articles(el).length === 40;
      }, 'scrolling to the end did not load more');
      expect(articles(el).every((a) => a.getAttribute('aria-setsize') === '45')).to.equal(true);
    });

    it('fits a 320 px wide screen without sideways scrolling', async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const { el } = await mount('u-dana');
        expect(el.getBoundingClientRect().width).to.be.at.most(320);
        for (const node of [el, ...root(el).querySelectorAll('article, [part~="toolbar"]')]) {
          expect(node.scrollWidth, show(node) ?? '').to.be.at.most(node.clientWidth + 1);
        }
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  });

  describe('live updates', () => {
    it('shows the talent’s answer from another adapter in place, without reloading', async () => {
      const { el, adapter, store } = await mount('u-dana');
      const listed = calls(adapter, 'listHistory').length;
      const talent = new MemoryAdapter({ store, viewerId: 'u-kofi', contractId: 'c-atlas' });
      await talent.submitAnswers(
        'c-atlas',
        OPEN_ID,
        {
          answers: [
            { questionId: 'done', text: 'Release checklist with QA.' },
            { questionId: 'next', text: 'Team roles.' },
            { questionId: 'blockers', text: 'Waiting for the QA sign-off.' },
          ],
          health: 'at-risk',
        },
        { idempotencyKey: 'talent-answer-1' },
      );
      await waitUntil(
        () => text(article(el, OPEN_ID)?.querySelector('[part~="status"]')) === 'Answered',
        'the answer did not arrive live',
      );
      const entry = article(el, OPEN_ID)!;
      expect(text(entry.querySelector('[part~="answers"]'))).to.contain('Release checklist with QA.');
      expect(show(entry.querySelector('[part~="blocker"]'))).to.not.equal(null);
      expect(articles(el).length).to.equal(SEEDED);
      expect(articles(el).filter((a) => a.dataset.id === OPEN_ID).length).to.equal(1);
      expect(calls(adapter, 'listHistory').length).to.equal(listed);
      expect(text(root(el).querySelector('[role="status"]'))).to.equal('Kofi Mensah answered a check-in.');
    });

    it('puts a new check-in on top and announces who it is from', async () => {
      const { el, store } = await mount('u-kofi');
      const client = new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' });
      const created = await client.requestUpdate('c-atlas', { message: 'Status please?' }, { idempotencyKey: 'r-1' });
      await waitUntil(() => articles(el)[0]?.dataset.id === created.id, 'the new check-in did not appear');
      expect(articles(el).length).to.equal(SEEDED + 1);
      expect(articles(el)[0]!.getAttribute('aria-posinset')).to.equal('1');
      expect(articles(el)[0]!.getAttribute('aria-setsize')).to.equal(String(SEEDED + 1));
      expect(text(root(el).querySelector('[role="status"]'))).to.equal('New check-in from Dana Whitfield.');
    });

    it('appends a reply from the other side once', async () => {
      const { el, store } = await mount('u-dana');
      const talent = new MemoryAdapter({ store, viewerId: 'u-kofi', contractId: 'c-atlas' });
      await talent.reply('c-atlas', UNSEEN_ID, { text: 'Also: staging is back.' }, { idempotencyKey: 're-1' });
      await waitUntil(
        () => article(el, UNSEEN_ID)!.querySelectorAll('[part~="reply"]').length === 1,
        'the reply did not arrive',
      );
      expect(text(article(el, UNSEEN_ID)!.querySelector('[part~="reply"]'))).to.contain('Kofi Mensah');
      expect(text(root(el).querySelector('[role="status"]'))).to.equal('New reply from Kofi Mensah.');
    });

    it('unsubscribes on leaving the page or changing contract, and catches up on return', async () => {
      const store = makeStore();
      const adapter = new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' });
      const subscribe = adapter.subscribe.bind(adapter);
      const live: string[] = [];
      adapter.subscribe = (contractId, listener) => {
        live.push(contractId);
        const stop = subscribe(contractId, listener);
        return () => {
          live.splice(live.indexOf(contractId), 1);
          stop();
        };
      };
      const el = await fixture<CheckinThread>(
        html`<checkin-thread .adapter=${adapter} contract-id="c-atlas" .clock=${clock}></checkin-thread>`,
      );
      const wrapper = el.parentElement!;
      await loaded(el);
      expect(live).to.deep.equal(['c-atlas']);
      el.remove();
      expect(live).to.deep.equal([]);
      const talent = new MemoryAdapter({ store, viewerId: 'u-kofi', contractId: 'c-atlas' });
      await talent.reply('c-atlas', UNSEEN_ID, { text: 'Hello?' }, { idempotencyKey: 're-2' });
      wrapper.append(el);
      // Events were missed while away: it loads afresh and subscribes again.
      await waitUntil(
        () => article(el, UNSEEN_ID)?.querySelectorAll('[part~="reply"]').length === 1,
        'the missed reply did not show after coming back',
      );
      expect(live).to.deep.equal(['c-atlas']);
      el.contractId = 'c-nova';
      await waitUntil(() => root(el).querySelector('[part~="empty"]'), 'c-nova did not load');
      expect(live).to.deep.equal(['c-nova']);
    });
    /** The contracts of the subscriptions open on `adapter` right now, in the order opened. */
    function trackLive(adapter: MemoryAdapter): string[] {
      const open: string[] = [];
      const subscribe = adapter.subscribe.bind(adapter);
      adapter.subscribe = (contractId, listener) => {
        const stop = subscribe(contractId, listener);
        open.push(contractId);
        let on = true;
        return () => {
          if (on) open.splice(open.indexOf(contractId), 1);
          on = false;
          stop();
        };
      };
      return open;
    }

    it('has one subscription after coming back and after a catch-up, subscribing once for each', async () => {
      const adapter = new MemoryAdapter({ store: makeStore(), viewerId: 'u-dana', contractId: 'c-atlas' });
      const open = trackLive(adapter);
      const el = await fixture<CheckinThread>(
        html`<checkin-thread .adapter=${adapter} contract-id="c-atlas" .clock=${clock}></checkin-thread>`,
      );
      const wrapper = el.parentElement!;
      await loaded(el);
      expect([calls(adapter, 'subscribe').length, open.length]).to.deep.equal([1, 1]);
      el.remove();
      expect(open.length).to.equal(0);
      wrapper.append(el);
      await waitUntil(() => calls(adapter, 'listHistory').length === 2, 'no reload on return');
      await loaded(el);
      expect([calls(adapter, 'subscribe').length, open.length]).to.deep.equal([2, 1]);
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => calls(adapter, 'listHistory').length === 3, 'no catch-up');
      await el.refresh();
      expect([calls(adapter, 'subscribe').length, open.length]).to.deep.equal([3, 1]);
    });

    it('ends its subscription when the load fails, and subscribes again with the retry', async () => {
      const adapter = new MemoryAdapter({ store: makeStore(), viewerId: 'u-dana', contractId: 'c-atlas' });
      const open = trackLive(adapter);
      adapter.faults.failNext('getContract', 'unavailable', undefined, EVERY_TRY);
      const el = await fixture<CheckinThread>(
        html`<checkin-thread
          .adapter=${adapter}
          contract-id="c-atlas"
          .clock=${clock}
          .retryPolicy=${{ baseDelayMs: 0 }}
        ></checkin-thread>`,
      );
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'the failure did not show');
      expect([calls(adapter, 'subscribe').length, open.length]).to.deep.equal([1, 0]);
      root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitUntil(() => root(el).querySelector('[role="feed"]'), 'the retry did not load');
      expect(open).to.deep.equal(['c-atlas']);
    });

    it('keeps the new contract live when the old contract’s load is abandoned', async () => {
      const adapter = new MemoryAdapter({ store: makeStore(), viewerId: 'u-dana', contractId: 'c-atlas' });
      const open = trackLive(adapter);
      adapter.faults.hangNext('listHistory');
      const el = await fixture<CheckinThread>(
        html`<checkin-thread .adapter=${adapter} contract-id="c-atlas" .clock=${clock}></checkin-thread>`,
      );
      await waitUntil(() => calls(adapter, 'listHistory').length === 1, 'the history was not asked for');
      el.contractId = 'c-nova';
      await waitUntil(() => root(el).querySelector('[part~="empty"]'), 'c-nova did not load');
      expect(open).to.deep.equal(['c-nova']);
    });
  });

  describe('replies', () => {
    it('sends one reply per double click and tells the host', async () => {
      const { el, adapter } = await mount('u-dana');
      const entry = article(el, UNSEEN_ID)!;
      const field = await openReply(el, UNSEEN_ID);
      expect(text(entry.querySelector(`label[for="${field.id}"]`))).to.equal('Reply to this check-in');
      await typeInto(field, 'Thanks, all clear.');
      const send = button(entry, 'Send reply')!;
      const event = oneEvent(el, 'checkin-reply');
      send.click();
      send.click();
      const { detail } = await event;
      expect(detail.contractId).to.equal('c-atlas');
      expect(detail.checkinId).to.equal(UNSEEN_ID);
      expect(detail.reply.text).to.equal('Thanks, all clear.');
      expect(calls(adapter, 'reply').length).to.equal(1);
      await el.updateComplete;
      const replies = [...article(el, UNSEEN_ID)!.querySelectorAll('[part~="reply"]')];
      expect(replies.length).to.equal(1);
      expect(text(replies[0])).to.contain('Dana Whitfield');
      expect(text(replies[0])).to.contain('Thanks, all clear.');
      // The box closes after the send; focus goes back to its Reply button, and it opens empty.
      expect(Boolean(article(el, UNSEEN_ID)!.querySelector('textarea'))).to.equal(false);
      const toggle = article(el, UNSEEN_ID)!.querySelector('[part~="reply-button"]')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(show(root(el).activeElement)).to.equal(show(toggle));
      expect(text(root(el).querySelector('[role="status"]'))).to.equal('Reply sent.');
      expect((await openReply(el, UNSEEN_ID)).value).to.equal('');
    });

    it('keeps the text after a failure and retries with the same key', async () => {
      const { el, adapter } = await mount('u-kofi');
      adapter.faults.failNext('reply', 'network');
      const entry = article(el, BLOCKER_ID)!;
      await typeInto(await openReply(el, BLOCKER_ID), 'Sorted now.');
      button(entry, 'Send reply')!.click();
      await waitUntil(() => entry.querySelector('[part~="reply-box"] [role="alert"]'), 'no failure shown');
      expect(entry.querySelector('textarea')!.value).to.equal('Sorted now.');
      expect(text(entry.querySelector('[part~="reply-box"] [role="alert"]'))).to.contain('offline');
      button(entry, 'Send reply')!.click();
      await waitUntil(() => entry.querySelectorAll('[part~="reply"]').length === 2, 'retry did not post');
      const [first, second] = calls(adapter, 'reply').map(
        (c) => (c.args[3] as { idempotencyKey: string }).idempotencyKey,
      );
      expect(second).to.equal(first);
    });

    it('refuses an empty or too long reply inline', async () => {
      const { el, adapter } = await mount('u-dana');
      const entry = article(el, UNSEEN_ID)!;
      await openReply(el, UNSEEN_ID);
      button(entry, 'Send reply')!.click();
      await el.updateComplete;
      const field = entry.querySelector('textarea')!;
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(text(root(el).getElementById(field.getAttribute('aria-describedby')!))).to.equal(
        'Write a reply before sending.',
      );
      expect(show(root(el).activeElement)).to.equal(show(field));
      field.value = 'x'.repeat(2001);
      field.dispatchEvent(new Event('input'));
      button(entry, 'Send reply')!.click();
      await el.updateComplete;
      expect(text(root(el).getElementById(field.getAttribute('aria-describedby')!))).to.equal(
        'A reply can be at most 2000 characters; this one has 2001.',
      );
      expect(calls(adapter, 'reply').length).to.equal(0);
    });

    it('renders one Reply button per article and a reply form only where it is open', async () => {
      const { el } = await mount('u-dana');
      expect(root(el).querySelectorAll('[part~="reply-button"]').length).to.equal(checkinArticles(el).length);
      expect(checkinArticles(el).length).to.equal(10);
      expect(root(el).querySelectorAll('form').length).to.equal(0);
      const entry = article(el, UNSEEN_ID)!;
      const toggle = entry.querySelector<HTMLButtonElement>('[part~="reply-button"]')!;
      expect(text(toggle)).to.equal('Reply');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      const field = await openReply(el, UNSEEN_ID);
      await expect(el).to.be.accessible();
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(root(el).getElementById(toggle.getAttribute('aria-controls')!)?.getAttribute('part')).to.equal(
        'reply-box',
      );
      expect(root(el).querySelectorAll('form').length).to.equal(1);
      expect(show(root(el).activeElement)).to.equal(show(field));
      await sendKeys({ type: 'Half written' });
      // Escape closes it, keeps the text and returns focus to the button.
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(root(el).querySelectorAll('form').length).to.equal(0);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(show(root(el).activeElement)).to.equal(show(toggle));
      expect(text(entry)).to.contain('Your unsent reply is kept.');
      expect((await openReply(el, UNSEEN_ID)).value).to.equal('Half written');
      // So does Cancel.
      button(entry, 'Cancel')!.click();
      await el.updateComplete;
      expect(root(el).querySelectorAll('form').length).to.equal(0);
      expect(show(root(el).activeElement)).to.equal(show(toggle));
      // The button toggles too.
      await openReply(el, UNSEEN_ID);
      toggle.click();
      await el.updateComplete;
      expect(root(el).querySelectorAll('form').length).to.equal(0);
    });

    it('gives an observer no reply box and no client actions', async () => {
      const { el } = await mount('u-omar');
      expect(articles(el).length).to.equal(SEEDED);
      expect(show(root(el).querySelector('textarea, [part~="reply-box"], [part~="reply-button"]'))).to.equal(null);
      expect(show(root(el).querySelector('[part~="request-update"], [part~="acknowledge"]'))).to.equal(null);
      expect(show(root(el).querySelector('[part~="export-csv"]'))).to.not.equal(null);
    });
  });

  describe('client actions', () => {
    it('marks an answered check-in as seen', async () => {
      const { el, adapter } = await mount('u-dana');
      expect(show(article(el, OPEN_ID)!.querySelector('[part~="acknowledge"]'))).to.equal(null);
      expect(show(article(el, BLOCKER_ID)!.querySelector('[part~="acknowledge"]'))).to.equal(null);
      article(el, UNSEEN_ID)!.querySelector<HTMLButtonElement>('[part~="acknowledge"]')!.click();
      await waitUntil(() => article(el, UNSEEN_ID)!.querySelector('[part~="seen"]'), 'not marked as seen');
      expect(text(article(el, UNSEEN_ID)!.querySelector('[part~="seen"]'))).to.equal(
        'Seen by you on Nov 27, 2026, 12:00 PM',
      );
      expect(show(article(el, UNSEEN_ID)!.querySelector('[part~="acknowledge"]'))).to.equal(null);
      expect(calls(adapter, 'acknowledge').length).to.equal(1);
      expect(show(root(el).activeElement)).to.equal(show(article(el, UNSEEN_ID)));
    });

    it('offers the talent no "Mark as seen"', async () => {
      const { el } = await mount('u-kofi');
      expect(show(root(el).querySelector('[part~="acknowledge"], [part~="request-update"]'))).to.equal(null);
    });

    it('requests an update in the client’s name, then shows the cooldown', async () => {
      const { el, adapter } = await mount('u-dana');
      const request = root(el).querySelector<HTMLButtonElement>('[part~="request-update"]')!;
      expect(request.getAttribute('aria-disabled')).to.equal('false');
      request.click();
      await el.updateComplete;
      expect(request.getAttribute('aria-expanded')).to.equal('true');
      const panel = root(el).querySelector('[part~="request-panel"]')!;
      expect(text(panel)).to.contain(
        'Kofi Mensah will be asked the check-in questions now, in your name (Dana Whitfield).',
      );
      await typeInto(panel.querySelector('textarea')!, 'How is the release going?');
      const event = oneEvent(el, 'checkin-request-update');
      button(panel, 'Send request')!.click();
      const { detail } = await event;
      expect(detail.checkin.kind).to.equal('requested');
      expect(detail.checkin.message).to.equal('How is the release going?');
      await el.updateComplete;
      const top = articles(el)[0]!;
      expect(top.dataset.id).to.equal(detail.checkin.id);
      expect(text(top.querySelector('[role="heading"]'))).to.equal('Update requested by you');
      expect(text(top.querySelector('[part~="message"]'))).to.contain('How is the release going?');
      expect(show(root(el).activeElement)).to.equal(show(top));
      expect(request.getAttribute('aria-disabled')).to.equal('true');
      expect(request.getAttribute('aria-describedby')).to.equal('cooldown');
      expect(text(root(el).getElementById('cooldown'))).to.equal(
        'You can request another update tomorrow (Sat, Nov 28, 12:00 PM).',
      );
      request.click();
      await el.updateComplete;
      expect(show(root(el).querySelector('[part~="request-panel"]'))).to.equal(null);
      expect(calls(adapter, 'requestUpdate').length).to.equal(1);

      el.clock = () => FIXED + 19 * 3_600_000;
      await el.updateComplete;
      expect(text(root(el).getElementById('cooldown'))).to.equal(
        'You can request another update in 5 hours (Sat, Nov 28, 12:00 PM).',
      );
    });

    it('shows a rate limit with the time it ends', async () => {
      const { el, adapter } = await mount('u-dana');
      adapter.faults.failNext('requestUpdate', 'rate-limited');
      root(el).querySelector<HTMLButtonElement>('[part~="request-update"]')!.click();
      await el.updateComplete;
      button(root(el).querySelector('[part~="request-panel"]')!, 'Send request')!.click();
      await waitUntil(() => root(el).getElementById('cooldown'), 'no cooldown shown');
      // The memory adapter's retryAt is a minute after its clock.
      expect(text(root(el).getElementById('cooldown'))).to.equal(
        'You can request another update in 1 minute (Fri, Nov 27, 12:01 PM).',
      );
      expect(root(el).querySelector('[part~="request-update"]')!.getAttribute('aria-disabled')).to.equal('true');
      expect(show(root(el).querySelector('[role="alert"][data-code="rate-limited"]'))).to.not.equal(null);
    });

    describe('the cooldown of the backend’s policy (settings.policy)', () => {
      const HOUR = 3_600_000;

      /** A store whose policy allows a request every hour, with Dana's last one `ago` ms before FIXED. */
      async function requestedAgo(ago: number): Promise<MemoryStore> {
        const data = structuredClone(seedDemo({ now: FIXED }));
        data.policy = { ...data.policy, requestUpdateCooldownHours: 1 };
        let now = FIXED - ago;
        const store = new MemoryStore(data, { clock: () => now });
        await new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' }).requestUpdate(
          'c-atlas',
          {},
          { idempotencyKey: 'earlier-request' },
        );
        now = FIXED;
        return store;
      }

      it('offers "Request an update" once the store’s 1 hour cooldown has passed', async () => {
        const { el, adapter } = await mount('u-dana', { store: await requestedAgo(2 * HOUR) });
        const request = root(el).querySelector<HTMLButtonElement>('[part~="request-update"]')!;
        expect(request.getAttribute('aria-disabled')).to.equal('false');
        expect(request.hasAttribute('aria-describedby')).to.equal(false);
        expect(show(root(el).querySelector('[part~="cooldown"]'))).to.equal(null);
        // The store agrees: the request goes through.
        request.click();
        await el.updateComplete;
        const event = oneEvent(el, 'checkin-request-update');
        button(root(el).querySelector('[part~="request-panel"]')!, 'Send request')!.click();
        expect((await event).detail.checkin.kind).to.equal('requested');
        expect(calls(adapter, 'requestUpdate').length).to.equal(1);
      });

      it('counts the store’s 1 hour cooldown down from the last request', async () => {
        const { el } = await mount('u-dana', { store: await requestedAgo(30 * 60_000) });
        const request = root(el).querySelector<HTMLButtonElement>('[part~="request-update"]')!;
        expect(request.getAttribute('aria-disabled')).to.equal('true');
        expect(text(root(el).querySelector('[part~="cooldown"]'))).to.equal(
          'You can request another update in 30 minutes (Fri, Nov 27, 12:30 PM).',
        );
      });

      it('lets the element’s own policy win, field by field', async () => {
        const { el } = await mount('u-dana', { store: await requestedAgo(2 * HOUR) });
        el.policy = { requestUpdateCooldownHours: 3 };
        await el.updateComplete;
        expect(text(root(el).querySelector('[part~="cooldown"]'))).to.equal(
          'You can request another update in 1 hour (Fri, Nov 27, 1:00 PM).',
        );
        // A partial policy without a cooldown leaves the store's in force.
        el.policy = { consent: 'notify' };
        await el.updateComplete;
        expect(show(root(el).querySelector('[part~="cooldown"]'))).to.equal(null);
        expect(root(el).querySelector('[part~="request-update"]')!.getAttribute('aria-disabled')).to.equal('false');
      });
    });
  });

  describe('export', () => {
    let created: Blob[];
    let names: string[];
    const originalCreate = URL.createObjectURL;
    const originalClick = HTMLAnchorElement.prototype.click;

    beforeEach(() => {
      created = [];
      names = [];
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        created.push(blob as Blob);
        return `blob:test-${created.length}`;
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        names.push(`${this.download} ${this.getAttribute('href')}`);
      };
    });

    afterEach(() => {
      URL.createObjectURL = originalCreate;
      HTMLAnchorElement.prototype.click = originalClick;
    });

    it('downloads the whole history as CSV, fetching every page first', async () => {
      const store = longStore(45);
      const { el, adapter } = await mount('u-dana', { store });
      const all = (await adapter.listCheckins('c-atlas', { limit: 100 })).items;
      root(el).querySelector<HTMLButtonElement>('[part~="export-csv"]')!.click();
      await waitUntil(() => created.length === 1, 'nothing was downloaded');
      expect(names).to.deep.equal(['checkins-c-atlas-2026-11-27.csv blob:test-1']);
      const csv = await created[0]!.text();
      for (const c of all) expect(csv).to.contain(`\n${c.dueAt},`);
      expect(calls(adapter, 'listHistory').filter((c) => (c.args[1] as { cursor?: string }).cursor).length).to.equal(2);
      expect(text(root(el).querySelector('[role="status"]'))).to.equal(
        'Downloaded checkins-c-atlas-2026-11-27.csv with 45 check-ins.',
      );
    });

    it('exports the changes to the settings with the check-ins: JSON, CSV and Markdown', async () => {
      const { el } = await mount('u-kofi');
      root(el).querySelector<HTMLButtonElement>('[part~="export-json"]')!.click();
      await waitUntil(() => created.length === 1, 'no JSON was downloaded');
      expect(names[0]).to.equal('checkins-c-atlas-2026-11-27.json blob:test-1');
      const json = JSON.parse(await created[0]!.text());
      expect(json.items.map((i: { kind: string }) => i.kind).slice(-4)).to.deep.equal([
        'scheduled',
        'activity',
        'activity',
        'activity',
      ]);
      expect(text(root(el).querySelector('[role="status"]'))).to.equal(
        'Downloaded checkins-c-atlas-2026-11-27.json with 10 check-ins and 3 changes to the settings.',
      );
      root(el).querySelector<HTMLButtonElement>('[part~="export-csv"]')!.click();
      await waitUntil(() => created.length === 2, 'no CSV was downloaded');
      // The file is shared beyond its reader: the actor's name, never "You".
      expect(await created[1]!.text())
        .to.contain(',Change,')
        .and.to.contain(',Kofi Mensah agreed to weekly check-ins.,Kofi Mensah');
      root(el).querySelector<HTMLButtonElement>('[part~="export-markdown"]')!.click();
      await waitUntil(() => created.length === 3, 'no Markdown was downloaded');
      expect(await created[2]!.text()).to.contain('Dana Whitfield turned weekly check-ins on.');
    });

    it('downloads Markdown with every check-in and shows progress meanwhile', async () => {
      const { el, adapter } = await mount('u-kofi', { store: longStore(45) });
      adapter.faults.latencyMs = 20;
      root(el).querySelector<HTMLButtonElement>('[part~="export-markdown"]')!.click();
      await el.updateComplete;
      expect(text(root(el).querySelector('[part~="export-status"]'))).to.equal(
        'Preparing the export: 20 of 45 entries loaded…',
      );
      await waitUntil(() => created.length === 1, 'nothing was downloaded', { timeout: 5000 });
      expect(names[0]).to.equal('checkins-c-atlas-2026-11-27.md blob:test-1');
      const md = await created[0]!.text();
      expect((md.match(/^## /gm) ?? []).length).to.equal(45);
      expect(show(root(el).querySelector('[part~="export-status"]'))).to.equal(null);
    });
  });

  describe('long histories', () => {
    it('keeps the DOM bounded with 10,000 check-ins and pages through all of them', async () => {
      const store = makeStore();
      const adapter = new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' });
      const atlas = await adapter.getContract('c-atlas');
      const history = generateHistory(atlas, 10_000, { now: FIXED });
      const el = await fixture<CheckinThread>(html`<checkin-thread
        .adapter=${adapter}
        contract-id="c-atlas"
        .clock=${clock}
        .checkins=${history}
      ></checkin-thread>`);
      await loaded(el);
      expect(calls(adapter, 'listHistory').length).to.equal(0);
      expect(articles(el).length).to.be.below(100);
      expect(articles(el)[0]!.getAttribute('aria-setsize')).to.equal('10000');
      const last = articles(el).at(-1)!;
      const lastPos = Number(last.getAttribute('aria-posinset'));
      last.focus();
      await sendKeys({ press: 'PageDown' });
      expect(root(el).activeElement?.getAttribute('aria-posinset')).to.equal(String(lastPos + 1));
      expect(root(el).activeElement?.getAttribute('data-id')).to.equal(history[lastPos]!.id);
      for (let i = 0; i < 100; i++) await sendKeys({ press: 'PageDown' });
      expect(root(el).activeElement?.getAttribute('aria-posinset')).to.equal(String(lastPos + 101));
      expect(articles(el).length).to.be.below(100);
      expect(show(root(el).querySelector('[part~="show-newer"]'))).to.not.equal(null);
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'PageUp' });
      expect(root(el).activeElement?.getAttribute('aria-posinset')).to.equal(String(lastPos + 98));
    });

    it('checks the host’s items as they are rendered: a malformed one beyond the first window shows when reached', async () => {
      const adapter = new MemoryAdapter({ store: makeStore(), viewerId: 'u-dana', contractId: 'c-atlas' });
      const atlas = await adapter.getContract('c-atlas');
      const history = generateHistory(atlas, 300, { now: FIXED });
      history[250] = { ...history[250]!, status: 'bogus' as CheckinStatus };
      const el = await fixture<CheckinThread>(html`<checkin-thread
        .adapter=${adapter}
        contract-id="c-atlas"
        .clock=${clock}
        .checkins=${history}
      ></checkin-thread>`);
      await loaded(el);
      // Not checked up front: the first window renders.
      expect(Boolean(root(el).querySelector('[role="alert"]'))).to.equal(false);
      expect(articles(el).length).to.be.within(30, 90);
      const failed = oneEvent(el, 'checkin-error');
      for (let i = 0; i < 10 && !root(el).querySelector('[role="alert"]'); i++) {
        button(root(el), 'Load older')!.click();
        await el.updateComplete;
      }
      const alert = root(el).querySelector<HTMLElement>('[role="alert"]');
      expect(alert?.dataset.code).to.equal('invalid');
      expect(text(alert)).to.contain('checkins[250].status');
      expect((await failed).detail.error.code).to.equal('invalid');
    });

    it('observes the sentinels afresh after the window moves, so one still in view fires again', async () => {
      const observed: string[] = [];
      const original = IntersectionObserver.prototype.observe;
      IntersectionObserver.prototype.observe = function (target: Element) {
        observed.push((target as HTMLElement).dataset.edge ?? '');
        return original.call(this, target);
      };
      try {
        const adapter = new MemoryAdapter({ store: makeStore(), viewerId: 'u-dana', contractId: 'c-atlas' });
        const atlas = await adapter.getContract('c-atlas');
        const el = await fixture<CheckinThread>(html`<checkin-thread
          .adapter=${adapter}
          contract-id="c-atlas"
          .clock=${clock}
          .checkins=${generateHistory(atlas, 100, { now: FIXED })}
        ></checkin-thread>`);
        await loaded(el);
        const before = observed.filter((e) => e === 'end').length;
        expect(before).to.be.greaterThan(0);
        button(root(el), 'Load older')!.click();
        await el.updateComplete;
        expect(observed.filter((e) => e === 'end').length).to.be.greaterThan(before);
      } finally {
        IntersectionObserver.prototype.observe = original;
      }
    });

    it('uses the host’s total when it gives only part of the history', async () => {
      const adapter = new MemoryAdapter({ store: makeStore(), viewerId: 'u-dana', contractId: 'c-atlas' });
      const atlas = await adapter.getContract('c-atlas');
      const el = await fixture<CheckinThread>(html`<checkin-thread
        .adapter=${adapter}
        contract-id="c-atlas"
        .clock=${clock}
        .checkins=${generateHistory(atlas, 5, { now: FIXED })}
        .total=${500}
      ></checkin-thread>`);
      await loaded(el);
      expect(articles(el).map((a) => a.getAttribute('aria-setsize'))).to.deep.equal(Array(5).fill('500'));
    });
  });

  it('works inside a <checkin-provider>', async () => {
    const adapter = new MemoryAdapter({ store: makeStore(), viewerId: 'u-omar', contractId: 'c-atlas' });
    const wrapper = await fixture(html`<checkin-provider .adapter=${adapter} contract-id="c-atlas"
      ><checkin-thread .clock=${clock}></checkin-thread
    ></checkin-provider>`);
    const el = wrapper.querySelector('checkin-thread')!;
    await loaded(el);
    expect(articles(el).length).to.equal(SEEDED);
  });
});
