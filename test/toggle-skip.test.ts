import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define/checkin-toggle.js';
import { MemoryAdapter, MemoryStore, seedDemo } from '../src/adapters/memory.js';
import type { CheckinSettingsChangeEvent } from '../src/events.js';
import type { Schedule } from '../src/model.js';
import type { CheckinToggle } from '../src/elements/checkin-toggle/checkin-toggle.js';
import { skipDateProblem } from '../src/elements/checkin-toggle/schedule-draft.js';
import { text } from './support/dom.js';

// Monday 30 November 2026, noon UTC. Atlas prompts on Fridays (Berlin); 25 Dec is already skipped.
const FIXED = Date.parse('2026-11-30T12:00:00.000Z');

const adapterFor = (store: MemoryStore) => new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' });
const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const updates = (adapter: MemoryAdapter) => adapter.calls.filter((c) => c.method === 'updateSettings');

/** The client's toggle on Atlas; `storeNow` lets the backend's clock run ahead of the element's. */
async function loaded(storeNow = FIXED) {
  const store = new MemoryStore(seedDemo({ now: FIXED }), { clock: () => storeNow });
  const adapter = adapterFor(store);
  const el = await fixture<CheckinToggle>(html`<checkin-toggle
    .adapter=${adapter}
    contract-id="c-atlas"
    .clock=${() => FIXED}
  ></checkin-toggle>`);
  await waitUntil(() => $(el, '#skip-date'), 'the editor did not load');
  return { el, adapter, store };
}

async function addDate(el: CheckinToggle, date: string) {
  const input = $<HTMLInputElement>(el, '#skip-date')!;
  input.value = date;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.skip-add button')][0]!.click();
  await el.updateComplete;
}

function expectFieldError(el: CheckinToggle, message: string) {
  const input = $<HTMLInputElement>(el, '#skip-date')!;
  expect(input.getAttribute('aria-invalid')).to.equal('true');
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
  const described = ids.map((id) => text(el.shadowRoot!.getElementById(id))).join(' ');
  expect(described).to.contain(message);
}

const chips = (el: CheckinToggle) => [...el.shadowRoot!.querySelectorAll('[part="chip"] > span')].map(text);

describe('<checkin-toggle> skip dates', () => {
  describe('skipDateProblem (pure)', () => {
    const cases: [string, number, string, string][] = [
      ['2026-12-04', 5, '2026-11-30', ''],
      ['2026-11-30', 1, '2026-11-30', ''],
      ['2026-11-27', 5, '2026-11-30', 'Nov 27, 2026 is in the past: only a coming check-in can be skipped.'],
      ['2026-12-03', 5, '2026-11-30', 'Dec 3, 2026 is not a check-in day: check-ins are asked on Friday.'],
      ['', 5, '2026-11-30', 'Choose a date to skip first.'],
      ['2026-02-30', 5, '2026-11-30', 'Choose a date to skip first.'],
      // An unknown zone gives no "today": only the weekday is checked.
      ['2020-01-03', 5, '', ''],
    ];
    for (const [date, weekday, today, expected] of cases) {
      it(`${date || '(empty)'} on weekday ${weekday}, today ${today || '(unknown)'}: ${expected || 'fine'}`, () => {
        expect(skipDateProblem(date, weekday, today, 'en-US')).to.equal(expected);
      });
    }
  });

  describe('checked before sending', () => {
    it('refuses a date that is not a check-in day at the field, keeping what was typed', async () => {
      const { el, adapter } = await loaded();
      await addDate(el, '2026-12-03');
      expectFieldError(el, 'Dec 3, 2026 is not a check-in day: check-ins are asked on Friday.');
      expect($<HTMLInputElement>(el, '#skip-date')!.value).to.equal('2026-12-03');
      expect(chips(el)).to.deep.equal(['Dec 25, 2026']);
      expect(updates(adapter)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('refuses a date in the past', async () => {
      const { el } = await loaded();
      await addDate(el, '2026-11-27');
      expectFieldError(el, 'Nov 27, 2026 is in the past: only a coming check-in can be skipped.');
    });

    it('does not send an added date that the new weekday makes wrong', async () => {
      const { el, adapter } = await loaded();
      await addDate(el, '2026-12-11');
      expect(chips(el)).to.deep.equal(['Dec 11, 2026', 'Dec 25, 2026']);
      const weekday = $<HTMLSelectElement>(el, '#weekday')!;
      weekday.value = '2';
      weekday.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'form.editor button[type="submit"]')!.click();
      await el.updateComplete;
      expectFieldError(el, 'Dec 11, 2026 is not a check-in day: check-ins are asked on Tuesday.');
      expect(updates(adapter)).to.have.length(0);
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'skip-date', 'focus did not go to the field');
    });

    it('adds a coming check-in day and saves it', async () => {
      const { el } = await loaded();
      await addDate(el, '2026-12-11');
      const saved = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      $<HTMLButtonElement>(el, 'form.editor button[type="submit"]')!.click();
      expect((await saved).detail.settings.schedule.skipDates).to.deep.equal(['2026-12-11', '2026-12-25']);
    });
  });

  describe("the backend's refusal", () => {
    it("shows the store's message at the skip-date field and keeps the edits", async () => {
      // The backend's day has moved on: 4 December is past for it, not for the element's clock.
      const { el, adapter } = await loaded(Date.parse('2026-12-05T12:00:00.000Z'));
      await addDate(el, '2026-12-04');
      $<HTMLButtonElement>(el, 'form.editor button[type="submit"]')!.click();
      await waitUntil(() => $(el, '#skip-add-error'), 'no message at the field');
      const sent = updates(adapter)[0]!.args[1] as { schedule: Schedule };
      expect(sent.schedule.skipDates).to.deep.equal(['2026-12-04', '2026-12-25']);
      expectFieldError(el, '2026-12-04 is in the past: only a coming check-in can be skipped.');
      expect(chips(el)).to.deep.equal(['Dec 4, 2026', 'Dec 25, 2026']);
      // Said at the field, not as a second alert in the editor.
      expect($(el, 'form.editor [role="alert"]')).to.equal(null);
      expect(text($(el, '[aria-live]'))).to.equal(
        'Not saved: 2026-12-04 is in the past: only a coming check-in can be skipped.',
      );
      await expect(el).to.be.accessible();
      // Removing the refused date clears the message.
      $<HTMLButtonElement>(el, '[part="chip"] button')!.click();
      await el.updateComplete;
      expect($(el, '#skip-add-error')).to.equal(null);
      expect($<HTMLInputElement>(el, '#skip-date')!.getAttribute('aria-invalid')).to.equal('false');
    });

    it('keeps other invalid refusals in the editor alert', async () => {
      const { el, adapter } = await loaded();
      adapter.faults.failNext('updateSettings', 'invalid', 'The schedule is not valid.');
      await addDate(el, '2026-12-11');
      $<HTMLButtonElement>(el, 'form.editor button[type="submit"]')!.click();
      await waitUntil(() => $(el, 'form.editor [role="alert"]'), 'no alert');
      expect(text($(el, 'form.editor [role="alert"]'))).to.contain('The schedule is not valid.');
      expect($(el, '#skip-add-error')).to.equal(null);
    });
  });
});
