// A long session with <checkin-thread>: the thread shows the backend's history, not its own
// guesses (issue 9, "Long sessions tell the truth too"). Events about entries it has not loaded
// are not inserted, what is loaded is updated, what is genuinely new is added, the total stays
// the backend's and the list stays newest first through paging.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define/checkin-thread.js';
import { generateHistory, type MemoryStore } from '../src/adapters/memory.js';
import type { CheckinThread } from '../src/elements/checkin-thread/checkin-thread.js';
import { $, $$, settle, text } from './support/dom.js';
import { FRIDAY, adapterFor, calls, world } from './support/fixtures.js';

const clock = () => FRIDAY;
const WEEKS = 200;
// The demo's three changes to the settings stay in the history with the generated weeks.
const TOTAL = WEEKS + 3;

function longWorld(): MemoryStore {
  return world(clock, (data) => {
    const atlas = data.contracts.find((c) => c.id === 'c-atlas')!;
    const weeks = generateHistory(atlas, WEEKS, { now: FRIDAY, seed: 11 });
    // Nothing seen yet, so that acknowledging any of them is an event.
    for (const c of weeks) c.acknowledgedAt = null;
    data.checkins['c-atlas'] = weeks;
    data.lastRequestAt = {};
  });
}

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

const articles = (el: CheckinThread) => $$(el, 'article');
const setSizes = (el: CheckinThread) => new Set(articles(el).map((a) => a.getAttribute('aria-setsize')));

/** Every rendered article is the backend's entry at its position. */
function expectBackendOrder(el: CheckinThread, ids: string[]): void {
  const rendered = articles(el).map((a) => [Number(a.getAttribute('aria-posinset')), a.dataset.id]);
  expect(rendered).to.deep.equal(rendered.map(([pos]) => [pos, ids[(pos as number) - 1]]));
  const positions = rendered.map(([pos]) => pos as number);
  expect(positions).to.deep.equal(positions.map((_, i) => positions[0]! + i));
}

describe('<checkin-thread> in a long session', () => {
  it('inserts no event about an entry it has not loaded; updates what is loaded, adds what is new; pages in order', async () => {
    window.scrollTo(0, 0);
    const store = longWorld();
    const adapter = adapterFor(store, 'u-dana');
    const el = await fixture<CheckinThread>(
      html`<checkin-thread .adapter=${adapter} contract-id="c-atlas" .clock=${clock}></checkin-thread>`,
    );
    await waitUntil(() => articles(el).length === 20, 'the first page did not load');
    expect([...setSizes(el)]).to.deep.equal([String(TOTAL)]);
    const firstPage = articles(el).map((a) => a.dataset.id!);

    // Another tab of the client acknowledges 60 old check-ins (events about entries not loaded)
    // and one on screen, and replies to an old one.
    const other = adapterFor(store, 'u-dana');
    const all = (await historyIds(store)).filter((id) => !id.includes('-a0'));
    const old = all.slice(100, 160);
    // (Only answered ones can be acknowledged: the others fail, as they should.)
    for (const id of old) await other.acknowledge('c-atlas', id).catch(() => undefined);
    const shown = firstPage.find((id, i) => i > 0 && $(el, `article[data-id="${id}"] [part~="acknowledge"]`))!;
    await other.acknowledge('c-atlas', shown);
    await other.reply('c-atlas', old[5]!, { text: 'About that old week…' }, { idempotencyKey: 'old-reply' });
    await settle();
    await el.updateComplete;
    expect(articles(el).map((a) => a.dataset.id)).to.deep.equal(firstPage);
    expect([...setSizes(el)]).to.deep.equal([String(TOTAL)]);
    // The loaded one was updated in place.
    expect(text($(el, `article[data-id="${shown}"] [part~="seen"]`))).to.contain('Seen by you on');

    // A genuinely new entry: a request from the other tab goes on top, the total one more.
    const requested = await other.requestUpdate(
      'c-atlas',
      { message: 'Quick status?' },
      { idempotencyKey: 'new-request' },
    );
    await waitUntil(() => articles(el)[0]?.dataset.id === requested.id, 'the new request did not show');
    expect([...setSizes(el)]).to.deep.equal([String(TOTAL + 1)]);
    const ids = await historyIds(store);
    expect(ids.length).to.equal(TOTAL + 1);
    expectBackendOrder(el, ids);
    await expect(el).to.be.accessible();

    // Paging through the whole history: newest first all the way, the backend's total throughout,
    // each old entry with what the backend says about it now.
    let pages = 0;
    while ($(el, '[part~="load-more"]') && pages < 40) {
      const before = articles(el).at(-1)!.getAttribute('aria-posinset');
      // As a person would: at the end of the list (the top of the window out of view).
      const more = $<HTMLButtonElement>(el, '[part~="load-more"]')!;
      more.scrollIntoView();
      more.click();
      await waitUntil(
        () => articles(el).at(-1)!.getAttribute('aria-posinset') !== before || !$(el, '[part~="load-more"]'),
        `no older entries after ${before} (page ${pages}): ${text($(el, '.more'))} ${text($(el, '[role="alert"]'))} ${articles(el).length}`,
      );
      await el.updateComplete;
      expectBackendOrder(el, ids);
      expect([...setSizes(el)]).to.deep.equal([String(TOTAL + 1)]);
      pages++;
    }
    expect($(el, '[part~="end"]')).to.not.equal(null);
    expect(articles(el).at(-1)!.getAttribute('aria-posinset')).to.equal(String(TOTAL + 1));
    const replied = $(el, `article[data-id="${old[5]}"]`);
    if (replied) expect(text(replied.querySelector('[part~="replies"]'))).to.contain('About that old week…');
    // One request per page, no reloads for the events.
    expect(calls(adapter, 'listHistory').length).to.equal(Math.ceil((TOTAL + 1) / 20));
  });

  it('keeps the total the backend’s through a burst of events about old entries', async () => {
    window.scrollTo(0, 0);
    const store = longWorld();
    const el = await fixture<CheckinThread>(
      html`<checkin-thread .adapter=${adapterFor(store, 'u-kofi')} contract-id="c-atlas" .clock=${clock}></checkin-thread>`,
    );
    await waitUntil(() => articles(el).length === 20, 'the first page did not load');
    const dana = adapterFor(store, 'u-dana');
    const ids = (await historyIds(store)).slice(40, 190);
    for (const id of ids)
      await dana.reply('c-atlas', id, { text: 'Late note' }, { idempotencyKey: `n-${id}` }).catch(() => undefined);
    for (const id of ids) await dana.acknowledge('c-atlas', id).catch(() => undefined);
    await settle();
    await el.updateComplete;
    expect(articles(el).length).to.equal(20);
    expect([...setSizes(el)]).to.deep.equal([String(TOTAL)]);
    expectBackendOrder(el, await historyIds(store));
  });
});
