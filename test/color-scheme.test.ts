/**
 * The elements take the host page's colour scheme, not the system's, unless the host asks:
 * on a light page with a dark system preference they stay light (and pass axe's contrast).
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/define/checkin-thread.js';
import '../src/define/checkin-toggle.js';
import '../src/define/checkin-form.js';
import { MemoryAdapter, MemoryStore } from '../src/adapters/memory.js';
import { place } from './support/mount.js';

const WHITE = 'rgb(255, 255, 255)';

async function mount(tag: 'checkin-thread' | 'checkin-toggle' | 'checkin-form', style = '') {
  const store = new MemoryStore();
  const viewerId = tag === 'checkin-form' ? 'u-kofi' : 'u-dana';
  const adapter = new MemoryAdapter({ store, viewerId, contractId: 'c-atlas' });
  return place(tag, {
    props: { adapter },
    attrs: { 'contract-id': 'c-atlas' },
    host: { style },
    until: {
      test: (el) => !el.shadowRoot?.querySelector('[aria-busy="true"], .skeleton'),
      message: 'loaded',
      timeout: 5000,
    },
  });
}

/** The colour of the element's text, as computed inside its shadow root. */
function textColor(el: HTMLElement): string {
  return getComputedStyle(el).color;
}

function surface(el: HTMLElement): string {
  // --_bg resolves through light-dark(); a probe shows what the element paints cards with.
  const probe = document.createElement('div');
  probe.style.background = 'var(--_bg)';
  el.shadowRoot!.append(probe);
  const color = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return color;
}

describe('colour scheme', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  for (const tag of ['checkin-thread', 'checkin-toggle', 'checkin-form'] as const) {
    it(`<${tag}> stays light on a light page when the system prefers dark`, async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await mount(tag);
      expect(getComputedStyle(el).colorScheme).to.equal('normal');
      expect(surface(el)).to.equal(WHITE);
      expect(textColor(el)).to.equal('rgb(31, 35, 40)');
      await expect(el).to.be.accessible();
    });
  }

  it('follows the system when the page declares "light dark"', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await mount('checkin-thread', 'color-scheme: light dark');
    expect(surface(el)).to.equal('rgb(23, 25, 28)');
    expect(textColor(el)).to.equal('rgb(230, 232, 235)');
    await expect(el).to.be.accessible();
  });

  it('--checkin-color-scheme opts the elements alone into following the system', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await mount('checkin-toggle', '--checkin-color-scheme: light dark');
    expect(surface(el)).to.equal('rgb(23, 25, 28)');
    await emulateMedia({ colorScheme: 'light' });
    expect(surface(el)).to.equal(WHITE);
  });

  it('a dark page gets dark elements whatever the system prefers', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const el = await mount('checkin-form', 'color-scheme: dark');
    expect(surface(el)).to.equal('rgb(23, 25, 28)');
  });
});
