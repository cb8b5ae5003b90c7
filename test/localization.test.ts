import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { configureLocalization, msg, str, type LocaleModule } from '@lit/localize';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { html as litHtml, render } from 'lit';
import '../src/define/checkin-toggle.js';
import '../src/define/checkin-form.js';
import '../src/define/checkin-thread.js';
import { MemoryAdapter, MemoryStore, seedDemo, type MemoryData } from '../src/adapters/memory.js';
import { describeSchedule } from '../src/schedule/index.js';
import { DEFAULT_REQUEST_POLICY } from '../src/adapters/resilient.js';
import catalogueJson from '../locales/source.json';
import de from './fixtures/locales/de.json';
import { toTemplates } from './fixtures/locales/to-templates.js';
import { shadowText as textOf } from './support/dom.js';
import { place } from './support/mount.js';

// The host's side of localization, as docs/localization.md tells it: one configureLocalization
// per page (this test file is its own page), German from a translator's `{ id: text }` file,
// and a pseudo-locale built from the whole catalogue that wraps every message in ⟦…⟧, so that
// any visible English left over is a string the catalogue (or msg()) does not reach.

interface Message {
  kind: 'string' | 'str' | 'html';
  text: string;
  placeholders: string[];
  files: string[];
}
const catalogue = catalogueJson as unknown as {
  sourceLocale: string;
  messages: Record<string, Message>;
  untranslatable: { file: string; source: string; reason: string }[];
};

// Friday 27 November 2026, 17:00 UTC: this week's Atlas prompt (16:00 Berlin) has just opened.
const FIXED = Date.parse('2026-11-27T17:00:00.000Z');
// Reads are retried; a failure that must show fails every try.
const EVERY_TRY = DEFAULT_REQUEST_POLICY.attempts;

const pseudo = toTemplates(
  Object.fromEntries(
    Object.entries(catalogue.messages)
      .filter(([, m]) => m.kind !== 'html')
      .map(([id, m]) => [id, `⟦${m.text}⟧`]),
  ),
);

const { setLocale, getLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['de', 'en-XA'],
  loadLocale: (locale): Promise<LocaleModule> =>
    locale === 'de' ? import('./fixtures/locales/de.js') : Promise.resolve({ templates: pseudo }),
});

const collapse = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

/** The catalogue text with `${n}` cut out: the strings array the runtime hashes. */
const stringsOf = (text: string) => text.split(/\$\{\d+\}/);
const placeholdersOf = (text: string) =>
  [...new Set([...text.matchAll(/\$\{(\d+)\}/g)].map((m) => m[1]))].sort().join(',');

function world(mutate?: (data: MemoryData) => void) {
  const data = seedDemo({ now: FIXED });
  mutate?.(data);
  return new MemoryStore(data, { clock: () => FIXED });
}

type Tag = 'checkin-toggle' | 'checkin-form' | 'checkin-thread';

async function mount(
  tag: Tag,
  { viewerId = 'u-dana', contractId = 'c-atlas', store = world(), adapter = true, lang = 'de' } = {},
) {
  const memory = new MemoryAdapter({ store, viewerId, contractId });
  const el = await place<HTMLElement & { adapter?: MemoryAdapter; updateComplete: Promise<boolean> }>(tag, {
    props: { ...(adapter ? { adapter: memory } : {}), clock: () => FIXED },
    attrs: { 'contract-id': contractId },
    host: { lang },
    until: {
      test: (el) => el.shadowRoot && !el.shadowRoot.querySelector('[aria-busy="true"]') && textOf(el).length > 20,
      message: `${tag} did not finish loading`,
    },
  });
  await el.updateComplete;
  return { el, adapter: memory };
}

/** Switches the page's UI language and waits until `el` has re-rendered in it. */
async function switchTo(locale: string, ...els: { updateComplete: Promise<boolean> }[]) {
  await setLocale(locale);
  for (const el of els) await el.updateComplete;
}

/**
 * Visible text (and accessible-name attributes) of a shadow tree that the pseudo-locale did
 * not wrap. Left out: user text (`dir="auto"`), <time> and <option> (Intl, in viewer.locale),
 * and anything with a digit (dates, times and counts from Intl in viewer.locale).
 */
function leftovers(root: Node, out: string[] = []): string[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = collapse(node.textContent);
      if (!/\p{L}/u.test(text) || text.includes('⟦') || /\d/.test(text)) continue;
      if (node.parentElement!.closest('[dir="auto"], time, option')) continue;
      out.push(text);
    } else {
      const el = node as Element;
      for (const name of ['aria-label', 'title', 'placeholder', 'aria-description']) {
        const value = el.getAttribute(name);
        if (value && /\p{L}/u.test(value) && !value.includes('⟦')) out.push(`@${name}=${value}`);
      }
      if (el.shadowRoot) leftovers(el.shadowRoot, out);
    }
  }
  return out;
}

describe('localization', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  describe('catalogue (locales/source.json)', () => {
    it('gives every message the id the runtime computes from its text and kind', () => {
      const entries = Object.entries(catalogue.messages);
      expect(entries.length).to.be.greaterThan(100);
      const wrong = entries.filter(([id, m]) => {
        const strings = stringsOf(m.text);
        // The runtime hashes a plain string as itself and a template's strings array joined.
        const computed = generateMsgId(m.kind === 'string' ? m.text : strings, m.kind === 'html');
        return computed !== id || strings.length - 1 !== m.placeholders.length;
      });
      expect(wrong.map(([id]) => id)).to.deep.equal([]);
    });

    it('lists each message once under one id, sorted, so the file is stable from run to run', () => {
      // Keys of a parsed object cannot repeat, and the script stops on two texts with one id
      // (a hash collision); what is left to check is one text under two ids, and the order.
      const ids = Object.keys(catalogue.messages);
      const texts = Object.values(catalogue.messages).map((m) => `${m.kind}\u0000${m.text}`);
      expect(new Set(texts).size).to.equal(ids.length);
      expect(ids).to.deep.equal([...ids].sort());
      expect(ids.every((id) => /^[sh][0-9a-f]{16}$/.test(id))).to.be.true;
    });

    it('matches what msg() looks up at runtime for a string, a str and an html template', async () => {
      // Ids of messages the elements use, resolved by the runtime's own msg() under German.
      await setLocale('de');
      expect(msg('Save schedule')).to.equal('Zeitplan speichern');
      const title = 'Atlas';
      expect(msg(str`Check-in for ${title}`)).to.equal('Check-in für Atlas');
      // No element uses an html message yet; the 'h' id is the documented one of @lit/localize.
      expect(generateMsgId(['Hello <b>', '</b>!'], true)).to.equal('h82ccc38d4d46eaa9');
      expect(generateMsgId(['Hello <b>', '</b>!'], false)).to.not.equal('h82ccc38d4d46eaa9');
      const who = 'World';
      const host = document.createElement('div');
      render(msg(litHtml`Hello <b>${who}</b>!`), host);
      expect(collapse(host.textContent)).to.equal('Hello World!'); // not in the catalogue: English
    });

    it('has the German fixture only with known ids and the source placeholders', () => {
      const problems = Object.entries(de as Record<string, string>).filter(([id, text]) => {
        const source = catalogue.messages[id];
        return !source || placeholdersOf(text) !== placeholdersOf(source.text);
      });
      expect(problems.map(([id]) => id)).to.deep.equal([]);
    });

    it('has a fixed id for every msg() call (none built from an untagged template)', () => {
      const sources = catalogue.untranslatable.map((u) => `${u.file}: ${u.source}`);
      expect(sources).to.deep.equal([]);
    });
  });

  describe('German', () => {
    it('renders <checkin-toggle> in German, placeholders where the translation puts them', async () => {
      const { el } = await mount('checkin-toggle');
      expect(textOf(el)).to.include('Weekly check-ins');
      await switchTo('de', el);
      expect(collapse($(el, '[part="switch-label"]')!.textContent)).to.equal('Wöchentliche Check-ins');
      // "When ${0} is asked. ${1}'s time zone is ${2}." with its placeholders reordered.
      expect(textOf(el)).to.include(
        'Zeitzone von Kofi: Central European Time (Berlin). Zu dieser Zeit wird Kofi Mensah gefragt.',
      );
      expect(textOf(el)).to.include('Zeitplan speichern');
      expect(textOf(el)).to.not.include('Save schedule');
      // Not in the German file: falls back to English.
      expect(textOf(el)).to.include('Add date');
      await expect(el).to.be.accessible();
    });

    it('renders <checkin-form> in German, including accessible names', async () => {
      const { el } = await mount('checkin-form', { viewerId: 'u-kofi' });
      await switchTo('de', el);
      expect(collapse($(el, '#heading')!.textContent)).to.equal(
        'Check-in für Atlas customer portal: front-end rebuild',
      );
      expect(textOf(el)).to.include('Dana Whitfield bittet um den Check-in dieser Woche');
      expect(textOf(el)).to.include('(Pflichtfeld)');
      expect(collapse($(el, 'button[type="submit"]')!.textContent)).to.equal('Check-in absenden');
      expect($(el, '.quick[role="group"]')!.getAttribute('aria-label')).to.equal(
        'Schnellantworten für „What might delay your planned work?“',
      );
      // The questions are data (settings.questions), not messages: they stay as the client wrote them.
      expect(textOf(el)).to.include('What did you work on this week?');
      expect(textOf(el)).to.include("Copy last week's plan");
      await expect(el).to.be.accessible();
    });

    it('renders <checkin-thread> in German and falls back to English where untranslated', async () => {
      const { el } = await mount('checkin-thread');
      await switchTo('de', el);
      expect(textOf(el)).to.include('Check-in-Verlauf für Atlas');
      expect(textOf(el)).to.include('Um ein Update bitten');
      expect(textOf(el)).to.include('Warte auf die Antwort von Kofi Mensah.');
      expect(textOf(el)).to.include('Export CSV');
      expect(textOf(el)).to.not.include('Check-in history');
      await expect(el).to.be.accessible();
    });

    it('goes back to English when the page switches back, without remounting', async () => {
      const { el: toggle } = await mount('checkin-toggle');
      const { el: thread } = await mount('checkin-thread');
      await switchTo('de', toggle, thread);
      expect(getLocale()).to.equal('de');
      expect(textOf(thread)).to.include('Check-in-Verlauf');
      expect(textOf(toggle)).to.include('Zeitplan speichern');
      await switchTo('en', toggle, thread);
      expect(getLocale()).to.equal('en');
      expect(textOf(thread)).to.include('Check-in history');
      expect(textOf(thread)).to.not.include('Check-in-Verlauf');
      expect(textOf(toggle)).to.include('Save schedule');
      expect(textOf(toggle)).to.not.include('Zeitplan');
    });

    it('shows the error heading in German and the adapter message as the adapter gave it', async () => {
      const store = world();
      const memory = new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' });
      memory.faults.failNext('getContract', 'forbidden', 'Access denied by the server.', EVERY_TRY);
      await switchTo('de');
      const wrapper = await fixture<HTMLElement>(html`<div lang="de"></div>`);
      const el = Object.assign(document.createElement('checkin-thread'), { adapter: memory });
      el.setAttribute('contract-id', 'c-atlas');
      wrapper.append(el);
      await waitUntil(() => $(el, '[role="alert"]'), 'no error was shown');
      expect(collapse($(el, '[role="alert"] strong')!.textContent)).to.equal('Dazu fehlt Ihnen die Berechtigung.');
      expect(collapse($(el, '.error-message')!.textContent)).to.equal('Access denied by the server.');
      await expect(el).to.be.accessible();
    });

    it("shows the adapter's eligibility reason as given", async () => {
      const store = world();
      const { reason } = (await new MemoryAdapter({ store, viewerId: 'u-dana' }).getSettings('c-logo')).eligibility;
      expect(reason).to.be.a('string').and.not.empty;
      const { el } = await mount('checkin-toggle', { contractId: 'c-logo', store });
      await switchTo('de', el);
      expect(collapse($(el, '[part="ineligible"]')!.textContent)).to.include(reason!);
    });
  });

  describe('dates and the schedule follow viewer.locale, not the UI language', () => {
    it('uses English phrasing for an English viewer locale even in a German UI', async () => {
      const { el } = await mount('checkin-toggle', { viewerId: 'u-kofi' });
      await switchTo('de', el);
      const english = describeSchedule({ weekday: 5, time: '16:00', timeZone: 'Europe/Berlin' }, { locale: 'en-GB' });
      expect(english).to.equal('Fridays at 16:00');
      expect(textOf(el)).to.include(english);
    });

    it('uses Intl German for viewer.locale "de-DE"', async () => {
      const store = world((data) => {
        data.users.find((u) => u.id === 'u-kofi')!.locale = 'de-DE';
      });
      const { el } = await mount('checkin-toggle', { viewerId: 'u-kofi', store });
      await switchTo('de', el);
      expect(textOf(el)).to.include('Freitag, 16:00');
      expect(textOf(el)).to.not.include('Fridays');
    });
  });

  describe('every rendered string is in the catalogue (pseudo-locale ⟦…⟧)', () => {
    const states: [string, Tag, Parameters<typeof mount>[1]][] = [
      ['toggle, client, on', 'checkin-toggle', {}],
      ['toggle, client, off', 'checkin-toggle', { contractId: 'c-nova' }],
      ['toggle, client, not offered', 'checkin-toggle', { contractId: 'c-logo' }],
      ['toggle, talent', 'checkin-toggle', { viewerId: 'u-kofi' }],
      ['toggle, observer', 'checkin-toggle', { viewerId: 'u-omar' }],
      ['form, talent, open', 'checkin-form', { viewerId: 'u-kofi' }],
      ['form, client', 'checkin-form', {}],
      ['thread, client', 'checkin-thread', {}],
      ['thread, talent', 'checkin-thread', { viewerId: 'u-kofi' }],
    ];

    it('finds English when the source locale is active (the check can fail)', async () => {
      const { el } = await mount('checkin-thread', { lang: 'en' });
      expect(leftovers(el.shadowRoot!).length).to.be.greaterThan(10);
    });

    for (const [name, tag, options] of states) {
      it(`leaves no English in ${name}`, async () => {
        const { el } = await mount(tag, { ...options, lang: 'en' });
        await switchTo('en-XA', el);
        expect(leftovers(el.shadowRoot!)).to.deep.equal([]);
        // A str message translated as a plain string would show its placeholders.
        expect(textOf(el)).to.not.include('${');
      });
    }

    it('translates the no-adapter explanation too, with the tag name in its place', async () => {
      const { el } = await mount('checkin-form', { adapter: false, lang: 'en' });
      await switchTo('en-XA', el);
      expect(leftovers(el.shadowRoot!)).to.deep.equal([]);
      expect(textOf(el)).to.include('<checkin-form> has no adapter');
    });
  });
});
