import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/checkin-toggle.js';
import { MemoryAdapter, MemoryStore, seedDemo, type MemoryData } from '../src/adapters/memory.js';
import { DISPLAY_TEXT_SHOWN } from '../src/limits.js';
import type { CheckinToggle } from '../src/elements/checkin-toggle/checkin-toggle.js';
import { text } from './support/dom.js';

// Monday 30 November 2026, noon UTC.
const FIXED = Date.parse('2026-11-30T12:00:00.000Z');

function world(mutate?: (data: MemoryData) => void) {
  const data = seedDemo({ now: FIXED });
  mutate?.(data);
  return new MemoryStore(data, { clock: () => FIXED });
}

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const loadedIn = (el: Element) => waitUntil(() => $(el, '.card'), 'the element did not finish loading');

function toggle(store: MemoryStore, viewerId: string, contractId: string, level?: string) {
  return html`<checkin-toggle
    .adapter=${new MemoryAdapter({ store, viewerId, contractId })}
    contract-id=${contractId}
    heading-level=${ifDefined(level)}
    .clock=${() => FIXED}
  ></checkin-toggle>`;
}

/** [aria-level, text] of every heading in the element, in document order. */
const headings = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[role="heading"]')]
    .filter((h) => !h.closest('dialog'))
    .map((h) => [h.getAttribute('aria-level'), text(h)]);

describe('<checkin-toggle> on a host page', () => {
  describe('heading-level', () => {
    it('renders the main heading at level 2 by default, naming the contract, with sub-headings below', async () => {
      const el = await fixture<CheckinToggle>(toggle(world(), 'u-dana', 'c-atlas'));
      await loadedIn(el);
      expect(headings(el)).to.deep.equal([
        ['2', 'Weekly check-ins for Atlas customer portal: front-end rebuild'],
        ['3', 'Schedule'],
        ['4', 'Next check-ins'],
        ['3', 'Questions'],
      ]);
    });

    it('follows heading-level, for the dialog too; an invalid value falls back to 2', async () => {
      const el = await fixture<CheckinToggle>(toggle(world(), 'u-dana', 'c-nova', '4'));
      await loadedIn(el);
      expect(headings(el).map(([level]) => level)).to.deep.equal(['4', '5', '6', '5']);
      expect($(el, '#dialog-title')!.getAttribute('aria-level')).to.equal('4');
      expect($(el, '#dialog-questions')!.getAttribute('aria-level')).to.equal('5');
      el.setAttribute('heading-level', '9');
      await el.updateComplete;
      expect(headings(el).map(([level]) => level)).to.deep.equal(['2', '3', '4', '3']);
    });

    it('passes heading-order on a page whose only heading is an <h1>, for every viewer', async () => {
      const store = world();
      for (const viewer of ['u-dana', 'u-kofi', 'u-omar']) {
        const page = await fixture<HTMLElement>(html`<div><h1>Contracts</h1>${toggle(store, viewer, 'c-atlas')}</div>`);
        const el = page.querySelector('checkin-toggle')!;
        await loadedIn(el);
        expect(headings(el)[0]![0]).to.equal('2');
        await expect(page).to.be.accessible();
      }
    });

    it('fits under an <h2> with heading-level="3"', async () => {
      const page = await fixture<HTMLElement>(
        html`<main><h1>Contracts</h1><h2>Atlas</h2>${toggle(world(), 'u-kofi', 'c-atlas', '3')}</main>`,
      );
      await loadedIn(page.querySelector('checkin-toggle')!);
      await expect(page).to.be.accessible();
    });
  });

  describe('two toggles on one page', () => {
    it('name their landmarks by contract, so axe landmark-unique passes', async () => {
      const store = world();
      const page = await fixture<HTMLElement>(html`<main>
        <h1>Contracts</h1>
        ${toggle(store, 'u-dana', 'c-atlas')} ${toggle(store, 'u-dana', 'c-nova')}
      </main>`);
      const [atlas, nova] = [...page.querySelectorAll('checkin-toggle')];
      await loadedIn(atlas!);
      await loadedIn(nova!);
      expect($(atlas!, 'form.editor')!.getAttribute('aria-label')).to.equal(
        'Schedule for Atlas customer portal: front-end rebuild',
      );
      expect($(nova!, 'form.editor')!.getAttribute('aria-label')).to.equal(
        'Schedule for Nova onboarding flow: research and prototypes',
      );
      await expect(page).to.be.accessible();
    });
  });

  describe('over-long display text from the host', () => {
    const longTitle = 'Portal rebuild '.repeat(1334).slice(0, 20_000);
    const longName = 'Kofi' + 'x'.repeat(4_996);
    const longWorld = () =>
      world((data) => {
        for (const c of data.contracts) {
          c.title = longTitle;
          c.talent.name = longName;
        }
        data.users.find((u) => u.id === 'u-kofi')!.name = longName;
      });

    it('shows the element with the title shortened and its full text one hover away', async () => {
      const el = await fixture<CheckinToggle>(toggle(longWorld(), 'u-dana', 'c-atlas'));
      await loadedIn(el);
      expect($(el, '[role="alert"]')).to.equal(null);
      const heading = $(el, '#toggle-title')!;
      expect(text(heading).length).to.be.lessThan(DISPLAY_TEXT_SHOWN + 30);
      expect(text(heading)).to.match(/…$/);
      expect(heading.getAttribute('title')).to.equal(longTitle);
      expect($(el, 'form.editor')!.getAttribute('aria-label')!.length).to.be.lessThan(DISPLAY_TEXT_SHOWN + 20);
      // The talent's name is shortened in sentences too.
      expect(text($(el, '#switch-status')).length).to.be.lessThan(300);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
      await expect(el).to.be.accessible();
    });

    it('the talent and the observer see their views too', async () => {
      const store = longWorld();
      for (const viewer of ['u-kofi', 'u-omar']) {
        const el = await fixture<CheckinToggle>(toggle(store, viewer, 'c-atlas'));
        await loadedIn(el);
        expect($(el, '[role="alert"]')).to.equal(null);
        expect(text($(el, '#toggle-title'))).to.match(/^Weekly check-ins for Portal rebuild .*…$/);
        expect(text($(el, '[part="summary"]'))).to.contain('What did you work on this week?');
        expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
      }
    });
  });
});
