// The feed pattern of <checkin-thread> with a real keyboard: one Tab stop into the feed (a roving
// tabindex on the articles), Page Down / Page Up between articles, Tab out of the feed after the
// current article's own controls (issue 9: "the thread itself should not trap Tab through every
// article").
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/checkin-thread.js';
import { generateHistory } from '../src/adapters/memory.js';
import type { CheckinThread } from '../src/elements/checkin-thread/checkin-thread.js';
import { $, $$, text } from './support/dom.js';
import { FRIDAY, adapterFor, world } from './support/fixtures.js';

const clock = () => FRIDAY;

async function mount(viewerId = 'u-dana'): Promise<CheckinThread> {
  // At the top of the page, as a person arriving: a scrolled page would page in on its own.
  window.scrollTo(0, 0);
  const store = world(clock, (data) => {
    const atlas = data.contracts.find((c) => c.id === 'c-atlas')!;
    data.checkins['c-atlas'] = generateHistory(atlas, 45, { now: FRIDAY, seed: 7 });
  });
  const el = await fixture<CheckinThread>(
    html`<checkin-thread .adapter=${adapterFor(store, viewerId)} contract-id="c-atlas" .clock=${clock}></checkin-thread>`,
  );
  await waitUntil(() => $$(el, 'article').length === 20, 'the thread did not load');
  return el;
}

const focused = (el: CheckinThread) => el.shadowRoot!.activeElement as HTMLElement | null;
/** A short label of what has focus: the article's position, or the control's part and its article. */
function where(el: CheckinThread): string {
  const node = focused(el);
  if (!node) return 'outside';
  const article = node.closest('article');
  const pos = article?.getAttribute('aria-posinset');
  if (node === article) return `article ${pos}`;
  return `${node.getAttribute('part') ?? node.tagName.toLowerCase()}${pos ? ` in ${pos}` : ''}`;
}
const tabStops = (el: CheckinThread) =>
  $$(el, 'article')
    .filter((a) => a.tabIndex === 0)
    .map((a) => a.getAttribute('aria-posinset'));

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

describe('<checkin-thread> keyboard', () => {
  it('is one Tab stop: Tab enters at an article, reaches its own controls, then leaves the feed', async () => {
    const el = await mount();
    expect(tabStops(el)).to.deep.equal(['1']);
    $<HTMLButtonElement>(el, '[part~="export-json"]')!.focus();
    const path: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      path.push(where(el));
    }
    // The newest is open (a Reply button only); then out of the feed, to "Load older".
    expect(path.slice(0, 3)).to.deep.equal(['article 1', 'reply-button in 1', 'load-more']);
    await expect(el).to.be.accessible();
  });

  it('moves between articles with Page Down / Page Up; the Tab stop follows, and Shift+Tab leaves backwards', async () => {
    const el = await mount();
    $$(el, 'article')[0]!.focus();
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(where(el)).to.equal('article 3');
    expect(tabStops(el)).to.deep.equal(['3']);
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(where(el)).to.equal('article 2');
    expect(tabStops(el)).to.deep.equal(['2']);
    // Article 2's controls, then out: no other article's controls on the way.
    const forward: string[] = [];
    while (forward.length < 6 && where(el) !== 'load-more') {
      await sendKeys({ press: 'Tab' });
      forward.push(where(el));
    }
    expect(forward.at(-1)).to.equal('load-more');
    expect(forward.slice(0, -1).every((stop) => stop.endsWith(' in 2'))).to.equal(true, forward.join(', '));
    // And back: into article 2's last control, the article, then the toolbar.
    const back: string[] = [];
    while (back.length < 6 && !where(el).startsWith('article')) {
      await shiftTab();
      back.push(where(el));
    }
    expect(back.at(-1)).to.equal('article 2');
    await shiftTab();
    expect(text(focused(el))).to.equal('Export JSON');
  });

  it('makes an article the Tab stop when one of its controls is clicked', async () => {
    const el = await mount();
    const fifth = $$(el, 'article')[4]!;
    fifth.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.focus();
    await el.updateComplete;
    expect(tabStops(el)).to.deep.equal(['5']);
    expect($$(el, 'article')[0]!.querySelector('[part~="reply-button"]')!.getAttribute('tabindex')).to.equal('-1');
    expect(fifth.querySelector('[part~="reply-button"]')!.hasAttribute('tabindex')).to.equal(false);
  });

  it('Page Down from the last loaded article brings in the next page', async () => {
    const el = await mount();
    $$(el, 'article')[19]!.focus();
    await sendKeys({ press: 'PageDown' });
    await waitUntil(() => where(el) === 'article 21', 'Page Down did not reach the next page');
    expect(tabStops(el)).to.deep.equal(['21']);
  });
});
