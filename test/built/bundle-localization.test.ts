/**
 * A plain page translates the elements of the single-file bundle through the bundle's own
 * `configureLocalization` (docs/localization.md): the bundle carries its own copy of
 * @lit/localize, so configuring any other copy would not reach its elements.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import de from '../fixtures/locales/de.json';

interface Bundle {
  configureLocalization: typeof import('@lit/localize').configureLocalization;
  str: typeof import('@lit/localize').str;
  MemoryAdapter: typeof import('../../src/adapters/memory.js').MemoryAdapter;
  MemoryStore: typeof import('../../src/adapters/memory.js').MemoryStore;
  seedDemo: typeof import('../../src/adapters/memory.js').seedDemo;
}

const FIXED = Date.parse('2026-11-27T17:00:00.000Z');
const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('the single-file bundle, translated', () => {
  it("configures the bundle's copy of @lit/localize: its elements switch to German and back", async () => {
    const url = new URL('../../dist/checkin-elements.bundle.js', import.meta.url).href;
    const bundle = (await import(url)) as Bundle;
    expect(typeof bundle.configureLocalization).to.equal('function');

    // The recipe of docs/localization.md step 2, with the bundle's `str`.
    const templates: Record<string, unknown> = {};
    for (const [id, text] of Object.entries(de as Record<string, string>)) {
      const parts = text.split(/\$\{(\d+)\}/);
      const strings = parts.filter((_, i) => i % 2 === 0);
      const order = parts.filter((_, i) => i % 2 === 1).map(Number);
      templates[id] = parts.length === 1 ? text : bundle.str(Object.assign(strings, { raw: strings }), ...order);
    }
    const { setLocale } = bundle.configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['de'],
      loadLocale: async () => ({ templates }) as never,
    });

    const store = new bundle.MemoryStore(bundle.seedDemo({ now: FIXED }), { clock: () => FIXED });
    const adapter = new bundle.MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' });
    const el = await fixture<HTMLElement>(
      html`<checkin-toggle contract-id="c-atlas" .adapter=${adapter}></checkin-toggle>`,
    );
    const label = () => collapse(el.shadowRoot?.querySelector('[part="switch-label"]')?.textContent);
    await waitUntil(() => label() === 'Weekly check-ins', 'the toggle did not render in English first');

    await setLocale('de');
    await waitUntil(() => label() === 'Wöchentliche Check-ins', `the label is "${label()}", not German`);
    // A str message with its placeholders reordered by the translation.
    expect(collapse(el.shadowRoot!.textContent)).to.include(
      'Zeitzone von Kofi: Central European Time (Berlin). Zu dieser Zeit wird Kofi Mensah gefragt.',
    );
    await expect(el).to.be.accessible();

    await setLocale('en');
    await waitUntil(() => label() === 'Weekly check-ins', 'the toggle did not go back to English');
  });
});
