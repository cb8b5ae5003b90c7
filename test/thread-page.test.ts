// <checkin-thread> on a host's page (issue 9, "A host page's defaults"): headings that fit the
// page's outline (`heading-level`), landmarks named by contract so two threads on one page are
// told apart, and over-long display text from the host shown shortened, never a blank element.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define/checkin-thread.js';
import type { CheckinThread } from '../src/elements/checkin-thread/checkin-thread.js';
import { DISPLAY_TEXT_SHOWN } from '../src/limits.js';
import { $, $$, text } from './support/dom.js';
import { FRIDAY, adapterFor, world } from './support/fixtures.js';

const clock = () => FRIDAY;
const ready = (el: CheckinThread) =>
  waitUntil(() => $(el, '[role="feed"], [part~="empty"], [role="alert"]'), 'the thread did not load');
const heading = (el: CheckinThread) => $(el, '[part~="heading"]')!;
const levels = (el: CheckinThread) => [
  heading(el).getAttribute('aria-level'),
  ...new Set($$(el, 'article [role="heading"]').map((h) => h.getAttribute('aria-level'))),
];

describe('<checkin-thread> on a host page', () => {
  it('has a level-2 heading naming the contract by default, check-ins one below: heading-order under an <h1>', async () => {
    const page = await fixture<HTMLElement>(html`<main>
      <h1>Atlas</h1>
      <checkin-thread .adapter=${adapterFor(world(), 'u-kofi')} contract-id="c-atlas" .clock=${clock}></checkin-thread>
    </main>`);
    const el = page.querySelector('checkin-thread')!;
    await ready(el);
    expect(levels(el)).to.deep.equal(['2', '3']);
    expect(text(heading(el))).to.equal('Check-in history for Atlas customer portal: front-end rebuild');
    expect(heading(el).hasAttribute('title')).to.equal(false);
    await expect(page).to.be.accessible();
  });

  it('takes its heading level from heading-level, and falls back to 2 for nonsense', async () => {
    const page = await fixture<HTMLElement>(html`<main>
      <h1>Contracts</h1>
      <h2>Atlas</h2>
      <checkin-thread heading-level="3" .adapter=${adapterFor(world(), 'u-dana')} contract-id="c-atlas" .clock=${clock}></checkin-thread>
    </main>`);
    const el = page.querySelector('checkin-thread')!;
    await ready(el);
    expect(levels(el)).to.deep.equal(['3', '4']);
    await expect(page).to.be.accessible();
    el.setAttribute('heading-level', '6');
    await el.updateComplete;
    expect(levels(el)).to.deep.equal(['6', '6']);
    el.setAttribute('heading-level', 'seven');
    await el.updateComplete;
    expect(levels(el)).to.deep.equal(['2', '3']);
  });

  it('names each thread’s region and feed by its contract: two threads on one page are landmark-unique', async () => {
    const store = world();
    const page = await fixture<HTMLElement>(html`<main>
      <h1>Your contracts</h1>
      <checkin-thread .adapter=${adapterFor(store, 'u-dana')} contract-id="c-atlas" .clock=${clock}></checkin-thread>
      <checkin-thread .adapter=${adapterFor(store, 'u-dana', 'c-logo')} contract-id="c-logo" .clock=${clock}></checkin-thread>
    </main>`);
    const [atlas, logo] = [...page.querySelectorAll('checkin-thread')] as CheckinThread[];
    await ready(atlas!);
    await ready(logo!);
    const name = (el: CheckinThread, selector: string) =>
      text(el.shadowRoot!.getElementById($(el, selector)!.getAttribute('aria-labelledby')!));
    expect(name(atlas!, 'section')).to.equal('Check-in history for Atlas customer portal: front-end rebuild');
    expect(name(atlas!, '[role="feed"]')).to.equal(name(atlas!, 'section'));
    expect(name(logo!, 'section')).to.match(/^Check-in history for /);
    expect(name(logo!, 'section')).not.to.equal(name(atlas!, 'section'));
    await expect(page).to.be.accessible();
  });

  it('shows 20,000-character names and titles shortened, with the full text in a title, not an error', async () => {
    const long = (prefix: string) => `${prefix} ${'x'.repeat(20_000 - prefix.length - 1)}`;
    const store = world(clock, (data) => {
      const atlas = data.contracts.find((c) => c.id === 'c-atlas')!;
      atlas.title = long('Atlas');
      atlas.client.name = long('Dana');
      atlas.talent.name = long('Kofi');
      for (const c of data.checkins['c-atlas']!) {
        c.requestedBy = { ...c.requestedBy, name: atlas.client.name };
        c.replies = c.replies.map((r) => ({ ...r, author: { ...r.author, name: long(r.author.name.split(' ')[0]!) } }));
      }
      for (const a of data.activity!['c-atlas']!) a.actor = { ...a.actor, name: long(a.actor.name.split(' ')[0]!) };
    });
    const el = await fixture<CheckinThread>(
      html`<checkin-thread .adapter=${adapterFor(store, 'u-omar')} contract-id="c-atlas" .clock=${clock}></checkin-thread>`,
    );
    await ready(el);
    expect($(el, '[role="alert"]')).to.equal(null);
    expect($$(el, 'article').length).to.equal(13);
    const title = heading(el);
    expect(text(title).length).to.be.lessThan(DISPLAY_TEXT_SHOWN + 40);
    expect(text(title)).to.match(/^Check-in history for Atlas x+…$/);
    expect(title.getAttribute('title')).to.equal(long('Atlas'));
    // Names in entries, replies and changes are shortened too, with the full one a hover away.
    const requested = $$(el, 'article [role="heading"]').find((h) => text(h).startsWith('Update requested by'))!;
    expect(text(requested)).to.match(/^Update requested by Dana x+…$/);
    expect(requested.getAttribute('title')).to.equal(long('Dana'));
    const author = $(el, '[part~="reply"] strong')!;
    expect(text(author).length).to.be.lessThan(DISPLAY_TEXT_SHOWN + 1);
    expect(author.getAttribute('title')!.length).to.equal(20_000);
    const change = $(el, 'article[part~="activity"] .activity-text')!;
    expect(text(change).length).to.be.lessThan(DISPLAY_TEXT_SHOWN + 60);
    expect(change.getAttribute('title')!.length).to.be.greaterThan(20_000);
    // Nothing on the page is anywhere near the whole text.
    expect(text(el.shadowRoot!).length).to.be.lessThan(20_000);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    await expect(el).to.be.accessible();
  });
});
