import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define/checkin-toggle.js';
import { MemoryAdapter, MemoryStore, seedDemo, type MemoryData } from '../src/adapters/memory.js';
import type { SettingsChange } from '../src/adapters/adapter.js';
import type { CheckinToggle } from '../src/elements/checkin-toggle/checkin-toggle.js';
import { weeklyAt } from '../src/format.js';
import { scheduleWords } from '../src/elements/checkin-toggle/words.js';
import { parseWallTime } from '../src/elements/checkin-toggle/schedule-draft.js';
import { formatWallTime } from '../src/format.js';
import { text } from './support/dom.js';

// Monday 30 November 2026, noon UTC: the next Friday is 4 December.
const FIXED = Date.parse('2026-11-30T12:00:00.000Z');

function world(mutate?: (data: MemoryData) => void) {
  const data = seedDemo({ now: FIXED });
  mutate?.(data);
  return new MemoryStore(data, { clock: () => FIXED });
}

const adapterFor = (viewerId: string, contractId: string, store: MemoryStore) =>
  new MemoryAdapter({ store, viewerId, contractId });
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

async function loaded(viewerId: string, contractId: string, store: MemoryStore) {
  const el = await fixture<CheckinToggle>(html`<checkin-toggle
    .adapter=${adapterFor(viewerId, contractId, store)}
    contract-id=${contractId}
    .clock=${() => FIXED}
  ></checkin-toggle>`);
  await waitUntil(() => $(el, '.card'), 'the element did not finish loading');
  return el;
}

/** A change made by `viewerId` outside the element under test. */
async function change(store: MemoryStore, viewerId: string, contractId: string, patch: SettingsChange) {
  const adapter = adapterFor(viewerId, contractId, store);
  const current = await adapter.getSettings(contractId);
  return adapter.updateSettings(contractId, patch, {
    expectedVersion: current.version,
    idempotencyKey: `${viewerId}-${JSON.stringify(patch)}`,
  });
}

/** Everything a person reads, minus hints that show what to type into a field. */
function readable(el: Element): string {
  const clone = document.createElement('div');
  for (const node of el.shadowRoot!.childNodes) clone.append(node.cloneNode(true));
  clone.querySelectorAll('.hint, .field-error, datalist, [aria-live]').forEach((n) => n.remove());
  return text(clone);
}

const IANA = /\b(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/\w+/;
const REPEATED = /\b(\w+)\s+\1\b/i;

describe('<checkin-toggle> words', () => {
  describe('weeklyAt and scheduleWords (pure)', () => {
    it('follows the locale hour cycle', () => {
      expect(weeklyAt(5, '16:00', 'en-US')).to.equal('Fridays at 4:00 PM');
      expect(weeklyAt(5, '16:00', 'en-GB')).to.equal('Fridays at 16:00');
      expect(weeklyAt(5, '16:00', 'de-DE')).to.equal('Freitag, 16:00');
    });

    it('names zones as people read them and the viewer side only when it differs', () => {
      const schedule = { weekday: 5 as const, time: '16:00', timeZone: 'Europe/Berlin' };
      expect(scheduleWords(schedule, { locale: 'en-GB', timeZone: 'Europe/Berlin', now: FIXED })).to.equal(
        'Fridays at 16:00 your time',
      );
      expect(scheduleWords(schedule, { locale: 'en-US', timeZone: 'America/New_York', now: FIXED })).to.equal(
        'Fridays at 4:00 PM Central European Time (Berlin), Fridays at 10:00 AM your time',
      );
      // Sydney is already on Saturday when Berlin's Friday 16:00 comes.
      expect(scheduleWords(schedule, { locale: 'en-AU', timeZone: 'Australia/Sydney', now: FIXED })).to.match(
        /^Fridays at 4:00 pm .*, Saturdays at 2:00 am your time$/i,
      );
    });
  });

  describe('the talent is "you"', () => {
    it('asked to consent: "They start once you agree to them", and what still can happen', async () => {
      const store = world();
      await change(store, 'u-dana', 'c-nova', { enabled: true });
      const el = await loaded('u-kofi', 'c-nova', store);
      expect(text($(el, '#consent-text'))).to.equal(
        'Dana Whitfield would like weekly check-ins on this contract. They start once you agree to them; you can see the schedule below first. Until then you are not asked weekly check-ins. Dana Whitfield can still request an update from you, which you can answer.',
      );
      expect(readable(el)).to.not.contain('Kofi');
      await expect(el).to.be.accessible();
    });

    it('after declining: "You declined weekly check-ins, so you won\'t be asked."', async () => {
      const store = world();
      await change(store, 'u-dana', 'c-nova', { enabled: true });
      await change(store, 'u-kofi', 'c-nova', { consent: 'declined' });
      const el = await loaded('u-kofi', 'c-nova', store);
      expect(text($(el, '.card > [part="consent"] p'))).to.equal(
        "You declined weekly check-ins, so you won't be asked. Dana Whitfield can see this. Dana Whitfield can still request an update from you, which you can answer.",
      );
      expect(text($(el, '.next-one'))).to.equal('None: you declined weekly check-ins.');
      await expect(el).to.be.accessible();
    });

    it('after withdrawing: "You withdrew your consent ..." on the day it happened', async () => {
      const store = world();
      await change(store, 'u-kofi', 'c-atlas', { consent: 'withdrawn' });
      const el = await loaded('u-kofi', 'c-atlas', store);
      expect(text($(el, '.card > [part="consent"] p'))).to.equal(
        "You withdrew your consent to weekly check-ins on 30 Nov 2026, so you won't be asked. Dana Whitfield can see this. Dana Whitfield can still request an update from you, which you can answer.",
      );
      expect(text($(el, '.next-one'))).to.equal('None: you withdrew your consent.');
      await expect(el).to.be.accessible();
    });

    it('the client says "you" to the client and names the talent', async () => {
      const store = world();
      await change(store, 'u-dana', 'c-nova', { enabled: true });
      const el = await loaded('u-dana', 'c-nova', store);
      expect(text($(el, '.card > [part="consent"]'))).to.equal(
        'Waiting for Kofi Mensah to accept. No weekly check-in is sent until then; you can still request an update, which Kofi can answer.',
      );
    });
  });

  describe('one time format per view, zones by name, no repeated words', () => {
    it('the client (en-US): 12-hour times everywhere, no IANA ids', async () => {
      const el = await loaded('u-dana', 'c-atlas', world());
      const words = readable(el);
      expect(words).to.contain('Fridays at 4:00 PM Central European Time (Berlin), Fridays at 10:00 AM your time');
      // Every h:mm is followed by AM/PM: no 24-hour time meets a 12-hour one.
      expect(words.match(/\b\d{1,2}:\d\d(?! ?[AP]M)/g)).to.equal(null);
      expect(words).to.not.match(IANA);
      expect(text($(el, '.switch-row'))).to.not.match(REPEATED);
      expect(text($(el, '#time-hint'))).to.equal('4:00 PM in the chosen time zone.');
      expect(text($(el, '#zone-hint'))).to.match(/^Central European Time \(Berlin\)\./);
    });

    it('the talent (en-GB): 24-hour times everywhere, no IANA ids', async () => {
      const el = await loaded('u-kofi', 'c-atlas', world());
      const words = readable(el);
      expect(text($(el, '[part="summary"] dd'))).to.equal('Fridays at 16:00 your time');
      expect(words).to.not.match(/[AP]M\b/);
      expect(words).to.not.match(IANA);
      expect(words).to.not.match(REPEATED);
    });

    it("the confirmation says the time in the client's hour cycle and names the zone", async () => {
      const el = await loaded('u-dana', 'c-nova', world());
      ($(el, '[role="switch"]') as HTMLButtonElement).click();
      await waitUntil(() => (el.shadowRoot!.querySelector('dialog') as HTMLDialogElement).open);
      const dialog = text(el.shadowRoot!.querySelector('dialog'));
      expect(dialog).to.contain('every Friday at 9:00 AM, Central European Time (Berlin).');
      expect(dialog).to.not.match(IANA);
      expect(dialog.match(/\b\d{1,2}:\d\d(?! ?[AP]M)/g)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('the contract start date is a date like every other', async () => {
      const store = world((data) => {
        data.contracts.find((c) => c.id === 'c-atlas')!.startsAt = '2026-12-07T09:00:00.000Z';
      });
      const el = await loaded('u-kofi', 'c-atlas', store);
      const summary = text($(el, '[part="summary"]'));
      expect(summary).to.contain('Contract starts 7 Dec 2026');
      expect(summary).to.contain('Skipped dates 25 Dec 2026');
    });

    it('an observer reads zones by name and both parties by first name', async () => {
      const el = await loaded('u-omar', 'c-atlas', world());
      expect(readable(el)).to.not.match(IANA);
      expect(text($(el, '.next-one'))).to.contain("Kofi's time (Central European Time (Berlin))");
    });
  });
});

describe('the time field', () => {
  it("shows the time in the viewer's hour cycle, reads it back, and saves what it means", async () => {
    const store = world((data) => {
      data.users.find((u) => u.id === 'u-dana')!.locale = 'en-US';
    });
    const el = await loaded('u-dana', 'c-atlas', store);
    const field = el.shadowRoot!.querySelector<HTMLInputElement>('#time')!;
    // Not type=time, whose display follows the browser, beside summaries in Dana's format.
    expect(field.type).to.equal('text');
    expect(field.value).to.equal(formatWallTime('16:00', 'en-US'));
    expect(readable(el)).to.contain('Fridays at 4:00 PM');
    field.value = '5:30 pm';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(text($(el, '#time-hint'))).to.equal(`${formatWallTime('17:30', 'en-US')} in the chosen time zone.`);
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[type="submit"]')]
      .find((b) => text(b) === 'Save schedule')!
      .click();
    await waitUntil(
      async () => (await adapterFor('u-dana', 'c-atlas', store).getSettings('c-atlas')).schedule.time === '17:30',
      'saved as 17:30',
    );
    await expect(el).to.be.accessible();
  });

  const cases: Array<[string, string | null]> = [
    ['16:00', '16:00'],
    ['9:05', '09:05'],
    ['16.30', '16:30'],
    ['4:00 PM', '16:00'],
    ['4:00\u202fPM', '16:00'],
    ['4 pm', '16:00'],
    ['12:15 am', '00:15'],
    ['12 PM', '12:00'],
    ['9:30a.m.', '09:30'],
    ['4', null],
    ['13:00 PM', null],
    ['24:00', null],
    ['9:60', null],
    ['noon', null],
    ['', null],
  ];
  for (const [typed, meant] of cases) {
    it(`reads "${typed}" as ${meant ?? 'no time'}`, () => {
      expect(parseWallTime(typed)).to.equal(meant);
    });
  }
});
