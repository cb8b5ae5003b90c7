import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CheckinAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter, MemoryStore, generateHistory, seedDemo, type MemoryData } from '../src/adapters/memory.js';
import { draftKey } from '../src/controllers/draft.js';
import '../src/define/checkin-form.js';
import type { CheckinForm } from '../src/elements/checkin-form/checkin-form.js';
import type { CheckinDraftSavedEvent, CheckinErrorEvent, CheckinSkipEvent, CheckinSubmitEvent } from '../src/events.js';
import { ERROR_CODES, type Checkin, type CheckinErrorCode } from '../src/model.js';
import { DEFAULT_REQUEST_POLICY } from '../src/adapters/resilient.js';
import { text } from './support/dom.js';
import { mount, settled } from './form-helpers.js';

// Reads are tried this many times before a failure is shown: fail every one of them.
const EVERY_TRY = DEFAULT_REQUEST_POLICY.attempts;

// Friday 27 November 2026, 18:00 in Berlin: this week's prompt (16:00 Berlin) has just opened.
const FRIDAY = Date.parse('2026-11-27T17:00:00Z');
const OPEN_ID = 'c-atlas-20261127T150000Z';
const LAST_WEEK_ID = 'c-atlas-20261120T150000Z';
const LAST_WEEKS_PLAN = 'Team roles, then the release checklist with QA.';
const PROMPTS = [
  'What did you work on this week?',
  'What will you work on next week?',
  'What might delay your planned work?',
];

interface Setup {
  now?: number;
  viewerId?: string;
  contractId?: string;
  data?: (data: MemoryData) => void;
}

function backend({ now = FRIDAY, viewerId = 'u-kofi', contractId = 'c-atlas', data }: Setup = {}) {
  const seed = seedDemo({ now });
  data?.(seed);
  const store = new MemoryStore(seed, { clock: () => now });
  const adapter = new MemoryAdapter({ store, viewerId, contractId });
  return { store, adapter, now };
}

const $ = <T extends Element = HTMLElement>(el: CheckinForm, selector: string) =>
  el.shadowRoot!.querySelector<T & HTMLElement>(selector);
const $$ = <T extends Element = HTMLElement>(el: CheckinForm, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T & HTMLElement>(selector),
];
const fields = (el: CheckinForm) => $$<HTMLTextAreaElement>(el, 'textarea[part="textarea"]');
const status = (el: CheckinForm) => text($(el, '[part="status"]'));
const submitCalls = (adapter: MemoryAdapter) => adapter.calls.filter((c) => c.method === 'submitAnswers');
const keyOf = (call: { args: unknown[] }) => (call.args[3] as { idempotencyKey: string }).idempotencyKey;

/** Types into a field as a paste would: one input event. */
async function typeInto(el: CheckinForm, index: number, value: string): Promise<void> {
  const field = fields(el)[index]!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function fillAll(el: CheckinForm): Promise<void> {
  await typeInto(el, 0, 'Team roles behind the flag are done.');
  await typeInto(el, 1, 'Release checklist with QA.');
  await typeInto(el, 2, 'None');
}

function submitButton(el: CheckinForm): HTMLButtonElement {
  return $<HTMLButtonElement>(el, '[part~="submit"]')!;
}

function storedDraft(key = draftKey('c-atlas', OPEN_ID, 'u-kofi')) {
  const raw = localStorage.getItem(key);
  return raw ? JSON.parse(raw) : null;
}

// Test files run in parallel pages that share localStorage: remove only this file's drafts.
function cleanStorage(): void {
  for (const key of Object.keys(localStorage)) {
    if (/^checkin-elements:draft:c-(atlas|nova):/.test(key)) localStorage.removeItem(key);
  }
}

describe('<checkin-form>', () => {
  beforeEach(cleanStorage);
  afterEach(cleanStorage);

  describe('accessibility', () => {
    it('is accessible for the talent with an open check-in', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      await expect(el).to.be.accessible();
    });

    it('is accessible with the error summary shown', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      submitButton(el).click();
      await waitUntil(() => $(el, '[part~="error-summary"]'), 'no error summary');
      await expect(el).to.be.accessible();
    });

    it('is accessible in the client view', async () => {
      const { adapter } = backend({ viewerId: 'u-dana' });
      const el = await mount(adapter);
      await expect(el).to.be.accessible();
    });

    it('is accessible when no check-in is open', async () => {
      const { adapter, now } = freshNova();
      const el = await mount(adapter, { contractId: 'c-nova', now });
      await expect(el).to.be.accessible();
    });

    it('is accessible after submitting, with the answers shown', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      await fillAll(el);
      await el.submit();
      await expect(el).to.be.accessible();
    });
  });

  describe('talent, open check-in', () => {
    it("says who asks, when it was asked and the answer-by time, in the talent's zone and locale", async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      expect(text($(el, '[part~="heading"]'))).to.equal('Check-in for Atlas customer portal: front-end rebuild');
      // 15:00 UTC is 16:00 in Berlin; Kofi reads en-GB.
      expect(text($(el, '.asker'))).to.equal("Dana Whitfield asks for this week's check-in");
      expect(text($(el, '[part~="due"]'))).to.equal('Asked 2 hours ago · answer by Fri 27 Nov, 23:59');
    });

    it('labels each textarea with its question, marks required in words, and describes it by its counter', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      const areas = fields(el);
      expect(areas).to.have.length(3);
      areas.forEach((area, i) => {
        expect(area.labels, `field ${i} has one label`).to.have.length(1);
        expect(text(area.labels![0])).to.equal(`${PROMPTS[i]} (required)`);
        expect(area.getAttribute('aria-required')).to.equal('true');
        const counter = $(el, `#${area.getAttribute('aria-describedby')}`);
        expect(counter?.getAttribute('part')).to.equal('counter');
        expect(counter?.getAttribute('aria-live'), 'counts are not live').to.equal(null);
      });
    });

    it('updates the character count while typing', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      const counter = () => text($(el, '#count-0 .count'));
      expect(counter()).to.equal('0 / 1000');
      fields(el)[0]!.focus();
      await sendKeys({ type: 'Fixed the login' });
      await el.updateComplete;
      expect(fields(el)[0]!.value).to.equal('Fixed the login');
      expect(counter()).to.equal('15 / 1000');
      expect(text($(el, '#count-0 .visually-hidden'))).to.equal('15 of 1000 characters used');
    });

    it('shows how far over the limit an answer is', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      await typeInto(el, 2, 'x'.repeat(520));
      expect(text($(el, '#count-2 .count'))).to.equal('520 / 500 · 20 too many');
      expect($(el, '#count-2')!.classList.contains('over')).to.equal(true);
    });

    it('fills "None" with the quick answer, and asks before replacing typed text', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      const quick = $$<HTMLButtonElement>(el, '[part~="quick-answer"]');
      expect(quick.map(text)).to.deep.equal(['None']);
      expect(quick[0]!.closest('[part~="question"]')?.getAttribute('data-question')).to.equal('blockers');
      quick[0]!.click();
      await el.updateComplete;
      expect(fields(el)[2]!.value).to.equal('None');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(fields(el)[2]);

      await typeInto(el, 2, 'Waiting for the staging credentials.');
      $<HTMLButtonElement>(el, '[part~="quick-answer"]')!.click();
      await el.updateComplete;
      expect(fields(el)[2]!.value, 'typed text is not replaced yet').to.equal('Waiting for the staging credentials.');
      expect($(el, '[part~="fill-confirm"]')).to.exist;
      $<HTMLButtonElement>(el, '[data-fill="replace"]')!.click();
      await el.updateComplete;
      expect(fields(el)[2]!.value).to.equal('None');
      expect($(el, '[part~="fill-confirm"]')).to.equal(null);
    });

    it("copies last week's plan into the first answer, appending to typed text only when asked", async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      const copy = () => $<HTMLButtonElement>(el, '[part~="copy-plan"]')!;
      expect(copy().closest('[part~="question"]')?.getAttribute('data-question')).to.equal('done');
      copy().click();
      await el.updateComplete;
      expect(fields(el)[0]!.value).to.equal(LAST_WEEKS_PLAN);

      await typeInto(el, 0, 'Also fixed two bugs.');
      copy().click();
      await el.updateComplete;
      expect(fields(el)[0]!.value).to.equal('Also fixed two bugs.');
      $<HTMLButtonElement>(el, '[data-fill="append"]')!.click();
      await el.updateComplete;
      expect(fields(el)[0]!.value).to.equal(`Also fixed two bugs.\n\n${LAST_WEEKS_PLAN}`);

      copy().click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[data-fill="cancel"]')!.click();
      await el.updateComplete;
      expect(fields(el)[0]!.value).to.equal(`Also fixed two bugs.\n\n${LAST_WEEKS_PLAN}`);
    });

    it('offers no copy button when there is no plan from last week', async () => {
      const { adapter } = backend({
        data: (d) => {
          for (const c of d.checkins['c-atlas']!)
            if (c.answers) c.answers = c.answers.filter((a) => a.questionId !== 'next');
        },
      });
      const el = await mount(adapter);
      expect($(el, '[part~="copy-plan"]')).to.equal(null);
    });

    it('has a health radio group that starts "Not set"', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      const radios = $$<HTMLInputElement>(el, '[part~="health"] input[type="radio"]');
      expect(radios.map((r) => text(r.closest('label')))).to.deep.equal([
        'Not set',
        'On track',
        'At risk',
        'Off track',
      ]);
      expect(radios.filter((r) => r.checked).map((r) => r.value)).to.deep.equal(['']);
      expect(text($(el, '[part~="health"] legend'))).to.equal('How is the work going? (optional)');
    });
  });

  describe('validation', () => {
    it('shows a focused error summary for empty required answers, links focus the fields, and sends nothing', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      await typeInto(el, 1, '   \n  ');
      submitButton(el).click();
      await waitUntil(() => $(el, '[part~="error-summary"]'), 'no error summary');
      const summary = $(el, '[part~="error-summary"]')!;
      expect(summary.getAttribute('role')).to.equal('alert');
      expect(text(summary.querySelector('[role="heading"]'))).to.equal('There is a problem');
      expect(el.shadowRoot!.activeElement).to.equal(summary);
      const links = [...summary.querySelectorAll('a')];
      expect(links.map(text)).to.deep.equal(PROMPTS.map((p) => `Answer “${p}”`));

      links[1]!.click();
      expect(el.shadowRoot!.activeElement).to.equal(fields(el)[1]);
      expect(location.hash, 'the page URL is left alone').to.equal('');

      fields(el).forEach((area, i) => {
        expect(area.getAttribute('aria-invalid')).to.equal('true');
        expect(area.getAttribute('aria-describedby')).to.equal(`count-${i} err-${i}`);
        expect(text($(el, `#err-${i}`))).to.equal('Error: Answer this question.');
      });
      expect(submitCalls(adapter)).to.have.length(0);
    });

    it('rejects an over-long answer without calling the adapter', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      await fillAll(el);
      await typeInto(el, 2, 'y'.repeat(501));
      await el.submit();
      const links = $$(el, '[part~="error-summary"] a');
      expect(links.map(text)).to.deep.equal([`“${PROMPTS[2]}” is 1 characters too long`]);
      expect(text($(el, '#err-2'))).to.equal('Error: Use 500 characters or fewer (1 too many).');
      expect(fields(el)[0]!.getAttribute('aria-invalid')).to.equal('false');
      expect(submitCalls(adapter)).to.have.length(0);
    });
  });

  describe('submitting', () => {
    it('sends the exact answers, health and a key once, then confirms, announces and clears the draft', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      await fillAll(el);
      $<HTMLInputElement>(el, '[part~="health"] input[value="at-risk"]')!.click();
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLElement>('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await el.updateComplete;
      expect(text(submitButton(el))).to.equal('Submitting…');
      expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
      // Text typed while the answer is on its way would be lost when the draft is cleared.
      expect(fields(el).every((f) => f.readOnly)).to.equal(true);
      const event = (await oneEvent(el, 'checkin-submit')) as CheckinSubmitEvent;

      const calls = submitCalls(adapter);
      expect(calls).to.have.length(1);
      const [contractId, checkinId, input, options] = calls[0]!.args as [
        string,
        string,
        unknown,
        { idempotencyKey: string },
      ];
      expect(contractId).to.equal('c-atlas');
      expect(checkinId).to.equal(OPEN_ID);
      expect(input).to.deep.equal({
        answers: [
          { questionId: 'done', text: 'Team roles behind the flag are done.' },
          { questionId: 'next', text: 'Release checklist with QA.' },
          { questionId: 'blockers', text: 'None' },
        ],
        health: 'at-risk',
      });
      expect(options.idempotencyKey).to.be.a('string').and.not.empty;

      expect(event.detail.contractId).to.equal('c-atlas');
      expect(event.detail.checkin.id).to.equal(OPEN_ID);
      expect(event.detail.checkin.status).to.equal('answered');
      expect(event.detail.checkin.health).to.equal('at-risk');
      await el.updateComplete;
      expect(status(el)).to.equal('Submitted');
      expect(storedDraft(), 'the draft is gone').to.equal(null);
      expect(fields(el)).to.have.length(0);
      expect(text($(el, '#done-heading'))).to.equal('Submitted');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#done-heading'));
      expect($$(el, '[part~="answers"] dd').map(text)).to.deep.equal([
        'Team roles behind the flag are done.',
        'Release checklist with QA.',
        'None',
        'At risk',
      ]);
      expect($(el, '[part~="edit"]')).to.exist;
    });

    it('submits with Ctrl+Enter from any answer', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      await fillAll(el);
      fields(el)[1]!.focus();
      const submitted = oneEvent(el, 'checkin-submit');
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Control' });
      await submitted;
      expect(submitCalls(adapter)).to.have.length(1);
      expect(fields(el)).to.have.length(0);
    });

    it('makes one adapter call for a double or triple submit', async () => {
      const { adapter } = backend();
      adapter.faults.latencyMs = 50;
      const el = await mount(adapter);
      await fillAll(el);
      const submitted = oneEvent(el, 'checkin-submit');
      let events = 0;
      el.addEventListener('checkin-submit', () => events++);
      submitButton(el).click();
      submitButton(el).click();
      await el.updateComplete;
      submitButton(el).click();
      await submitted;
      await el.updateComplete;
      expect(submitCalls(adapter)).to.have.length(1);
      expect(events).to.equal(1);
    });

    const codes: readonly CheckinErrorCode[] = ERROR_CODES;
    for (const code of codes) {
      it(`keeps every character after a "${code}" failure, and a retry reuses the same key`, async () => {
        const { adapter } = backend();
        const el = await mount(adapter);
        await fillAll(el);
        adapter.faults.failNext('submitAnswers', code, `Backend says ${code}.`);
        const errors: CheckinErrorEvent[] = [];
        el.addEventListener('checkin-error', (e) => errors.push(e));
        await el.submit();

        const alert = $(el, '[role="alert"][part~="error"]')!;
        expect(alert.getAttribute('data-code')).to.equal(code);
        expect(text(alert)).to.contain(`Backend says ${code}.`);
        expect(errors.map((e) => [e.detail.action, e.detail.error.code])).to.deep.equal([['submit', code]]);
        expect(fields(el).map((f) => f.value)).to.deep.equal([
          'Team roles behind the flag are done.',
          'Release checklist with QA.',
          'None',
        ]);
        expect(storedDraft()?.value.answers.done).to.equal('Team roles behind the flag are done.');
        expect(storedDraft()?.idempotencyKey).to.equal(keyOf(submitCalls(adapter)[0]!));

        // Retry from the alert where it offers one, else from the submit button: same key.
        const retry = alert.querySelector<HTMLButtonElement>('[part~="retry-button"]');
        const submitted = oneEvent(el, 'checkin-submit');
        if (retry && code !== 'conflict') retry.click();
        else submitButton(el).click();
        await submitted;
        const calls = submitCalls(adapter);
        expect(calls).to.have.length(2);
        expect(keyOf(calls[1]!)).to.equal(keyOf(calls[0]!));
        expect(storedDraft()).to.equal(null);
      });
    }

    it('says when the edit window has closed (conflict)', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      await fillAll(el);
      adapter.faults.failNext(
        'submitAnswers',
        'conflict',
        'This check-in can no longer be edited: the next one has opened.',
      );
      await el.submit();
      const alert = $(el, '[role="alert"][data-code="conflict"]')!;
      expect(text(alert.querySelector('strong'))).to.equal('This check-in can no longer be changed.');
      expect(text(alert)).to.contain('the next one has opened');
      expect(fields(el)[0]!.value).to.equal('Team roles behind the flag are done.');
    });

    it('gets a new key when the answers change after a failure', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      await fillAll(el);
      adapter.faults.failNext('submitAnswers', 'network');
      await el.submit();
      await typeInto(el, 0, 'Team roles behind the flag are done, and tested.');
      await el.submit();
      const calls = submitCalls(adapter);
      expect(calls).to.have.length(2);
      expect(keyOf(calls[1]!)).to.not.equal(keyOf(calls[0]!));
      expect(status(el)).to.equal('Submitted');
    });

    it('edits the answer until the next prompt, through submitAnswers again', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      await fillAll(el);
      await el.submit();
      $<HTMLButtonElement>(el, '[part~="edit"]')!.click();
      await el.updateComplete;
      expect(fields(el).map((f) => f.value)).to.deep.equal([
        'Team roles behind the flag are done.',
        'Release checklist with QA.',
        'None',
      ]);
      expect(el.shadowRoot!.activeElement).to.equal(fields(el)[0]);
      expect(text(submitButton(el))).to.equal('Save changes');
      await typeInto(el, 2, 'QA is short-staffed next week.');
      const submitted = oneEvent(el, 'checkin-submit');
      submitButton(el).click();
      const event = (await submitted) as CheckinSubmitEvent;
      const calls = submitCalls(adapter);
      expect(calls).to.have.length(2);
      expect(keyOf(calls[1]!)).to.not.equal(keyOf(calls[0]!));
      expect(event.detail.checkin.answers?.[2]?.text).to.equal('QA is short-staffed next week.');
      expect(event.detail.checkin.editedAt).to.be.a('string');
    });
  });

  describe('drafts', () => {
    it('saves on change (once per pause), announces it and tells the host', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      const saved: CheckinDraftSavedEvent[] = [];
      el.addEventListener('checkin-draft-saved', (e) => saved.push(e));
      fields(el)[0]!.focus();
      await sendKeys({ type: 'abc' });
      await waitUntil(() => saved.length > 0, 'the draft was never saved');
      expect(saved).to.have.length(1);
      const { savedAt, ...rest } = saved[0]!.detail;
      expect(rest).to.deep.equal({ contractId: 'c-atlas', checkinId: OPEN_ID, persisted: true });
      // The clock is frozen; savedAt still grows by a millisecond per keystroke so tabs can order drafts.
      expect(Date.parse(savedAt) - FRIDAY).to.be.within(0, 10);
      expect(storedDraft()).to.deep.include({
        value: { answers: { done: 'abc' }, health: null, skip: { note: '', open: false } },
        savedAt,
      });
      await el.updateComplete;
      expect(status(el)).to.equal('Draft saved');
    });

    it('is restored, with its idempotency key, when the element is created again', async () => {
      const { adapter } = backend();
      const first = await mount(adapter);
      await typeInto(first, 0, 'Half of my answer');
      await typeInto(first, 1, 'The rest later');
      await typeInto(first, 2, 'None');
      $<HTMLInputElement>(first, '[part~="health"] input[value="on-track"]')!.click();
      // Simulates the key being made by a submit attempt that never came back.
      adapter.faults.hangNext('submitAnswers');
      void first.submit();
      await first.updateComplete;
      const key = storedDraft()?.idempotencyKey;
      expect(key).to.be.a('string').and.not.empty;
      first.remove();

      const second = await mount(adapter);
      expect(fields(second).map((f) => f.value)).to.deep.equal(['Half of my answer', 'The rest later', 'None']);
      expect($<HTMLInputElement>(second, '[part~="health"] input[value="on-track"]')!.checked).to.equal(true);
      expect(text($(second, '[data-draft="restored"]'))).to.match(/^Restored your unsent answers from /);
      expect(storedDraft()?.idempotencyKey).to.equal(key);
      await second.submit();
      const calls = submitCalls(adapter);
      expect(calls).to.have.length(2);
      expect(keyOf(calls[1]!), 'the reloaded form retries with the stored key').to.equal(key);
    });

    it('survives a failed submit and a reload, and the retry reuses the key', async () => {
      const { adapter } = backend();
      const first = await mount(adapter);
      await fillAll(first);
      adapter.faults.failNext('submitAnswers', 'unavailable');
      await first.submit();
      const key = keyOf(submitCalls(adapter)[0]!);
      first.remove();

      const second = await mount(adapter);
      expect(fields(second).map((f) => f.value)).to.deep.equal([
        'Team roles behind the flag are done.',
        'Release checklist with QA.',
        'None',
      ]);
      await second.submit();
      const calls = submitCalls(adapter);
      expect(calls).to.have.length(2);
      expect(keyOf(calls[1]!)).to.equal(key);
      expect(storedDraft()).to.equal(null);
      expect(status(second)).to.equal('Submitted');
    });

    it('restores an edit in progress after a reload, and Cancel editing drops it', async () => {
      const { adapter } = backend();
      const first = await mount(adapter);
      await fillAll(first);
      await first.submit();
      $<HTMLButtonElement>(first, '[part~="edit"]')!.click();
      await first.updateComplete;
      await typeInto(first, 2, 'QA is away on Monday.');
      first.remove();

      const second = await mount(adapter);
      expect(text(submitButton(second))).to.equal('Save changes');
      expect(fields(second)[2]!.value).to.equal('QA is away on Monday.');
      $<HTMLButtonElement>(second, '[part~="cancel-edit"]')!.click();
      await second.updateComplete;
      expect(storedDraft()).to.equal(null);
      expect(fields(second)).to.have.length(0);
      expect($$(second, '[part~="answers"] dd').map(text)[2]).to.equal('None');
    });

    describe('when localStorage throws', () => {
      const original = Storage.prototype.setItem;
      afterEach(() => {
        Storage.prototype.setItem = original;
      });

      it('keeps the draft in memory and says so visibly (persisted: false)', async () => {
        Storage.prototype.setItem = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
        const { adapter } = backend();
        const el = await mount(adapter);
        const saved = oneEvent(el, 'checkin-draft-saved');
        await typeInto(el, 0, 'Kept in memory');
        const event = (await saved) as CheckinDraftSavedEvent;
        expect(event.detail.persisted).to.equal(false);
        await el.updateComplete;
        expect(text($(el, '[data-draft="memory"]'))).to.equal(
          "Drafts can't be saved on this device right now; keep this tab open until you submit.",
        );
        expect(status(el)).to.equal(
          "Drafts can't be saved on this device right now; keep this tab open until you submit.",
        );
        expect(localStorage.getItem(draftKey('c-atlas', OPEN_ID, 'u-kofi'))).to.equal(null);

        // Re-created in the same tab, the memory copy comes back.
        el.remove();
        const again = await mount(adapter);
        expect(fields(again)[0]!.value).to.equal('Kept in memory');
        // Clean up the in-memory copy for the tests after this one.
        Storage.prototype.setItem = original;
        await fillAll(again);
        await again.submit();
      });
    });

    function otherTabWrites(answers: Record<string, string>, savedAt: string): void {
      const key = draftKey('c-atlas', OPEN_ID, 'u-kofi');
      const newValue = JSON.stringify({
        value: { answers, health: null },
        idempotencyKey: null,
        keyFor: null,
        savedAt,
      });
      localStorage.setItem(key, newValue);
      window.dispatchEvent(new StorageEvent('storage', { key, newValue, storageArea: localStorage }));
    }

    it("loads another tab's newer draft when nothing was typed here", async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      otherTabWrites({ done: 'Written in the other tab' }, new Date(FRIDAY + 60_000).toISOString());
      await el.updateComplete;
      expect(fields(el)[0]!.value).to.equal('Written in the other tab');
      expect(text($(el, '[data-draft="other-tab"]'))).to.equal('This draft was updated in another tab.');
    });

    it("offers the other tab's draft instead of replacing what was typed here", async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      await typeInto(el, 0, 'Typed in this tab');
      otherTabWrites({ done: 'Written in the other tab' }, new Date(FRIDAY + 60_000).toISOString());
      await el.updateComplete;
      expect(fields(el)[0]!.value).to.equal('Typed in this tab');
      const notice = $(el, '[data-draft="other-tab"]')!;
      expect(text(notice)).to.contain('This draft was updated in another tab.');
      const load = [...notice.querySelectorAll('button')].find((b) => text(b) === "Load the other tab's draft")!;
      load.click();
      await el.updateComplete;
      expect(fields(el)[0]!.value).to.equal('Written in the other tab');
    });

    it('ignores an older draft from another tab', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      await typeInto(el, 0, 'Newest, typed here');
      otherTabWrites({ done: 'Stale' }, new Date(FRIDAY - 60_000).toISOString());
      await el.updateComplete;
      expect(fields(el)[0]!.value).to.equal('Newest, typed here');
      expect($(el, '[data-draft="other-tab"]')).to.equal(null);
    });
  });

  describe('not working this week', () => {
    it('skips with a note, through one adapter call with a key', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      const toggle = $<HTMLButtonElement>(el, '[part~="skip"]')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      const note = $<HTMLTextAreaElement>(el, '#skip-note')!;
      expect(text(note.labels![0])).to.equal('Note for Dana Whitfield (optional)');
      expect(el.shadowRoot!.activeElement).to.equal(note);
      await sendKeys({ type: 'Moving house, back Monday.' });
      await el.updateComplete;
      expect(text($(el, '#skip-count .count'))).to.equal('26 / 500');

      const skipped = oneEvent(el, 'checkin-skip');
      $<HTMLButtonElement>(el, '[part~="skip-confirm"]')!.click();
      $<HTMLButtonElement>(el, '[part~="skip-confirm"]')!.click();
      const event = (await skipped) as CheckinSkipEvent;
      const calls = adapter.calls.filter((c) => c.method === 'skipCheckin');
      expect(calls).to.have.length(1);
      expect(calls[0]!.args.slice(0, 3)).to.deep.equal(['c-atlas', OPEN_ID, { note: 'Moving house, back Monday.' }]);
      expect(keyOf(calls[0]!)).to.be.a('string').and.not.empty;
      expect(event.detail.checkin.status).to.equal('skipped');
      expect(event.detail.checkin.skipNote).to.equal('Moving house, back Monday.');
      await el.updateComplete;
      expect(status(el)).to.equal('Marked as not working this week');
      expect(el.shadowRoot!.querySelector('[data-state="skipped"]')).to.exist;
      expect(text($(el, '[part~="message"]'))).to.equal('Moving house, back Monday.');
      expect(fields(el)).to.have.length(0);
    });

    it('refuses a note over 500 characters, and retries a failed skip with the same key', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      $<HTMLButtonElement>(el, '[part~="skip"]')!.click();
      await el.updateComplete;
      const note = $<HTMLTextAreaElement>(el, '#skip-note')!;
      note.value = 'z'.repeat(501);
      note.dispatchEvent(new Event('input'));
      await el.skip();
      expect(text($(el, '#skip-err'))).to.equal('Error: Use 500 characters or fewer (1 too many).');
      expect(adapter.calls.filter((c) => c.method === 'skipCheckin')).to.have.length(0);

      note.value = 'Ill this week.';
      note.dispatchEvent(new Event('input'));
      adapter.faults.failNext('skipCheckin', 'timeout');
      await el.skip();
      expect($(el, '[part~="skip-panel"] [role="alert"]')?.getAttribute('data-code')).to.equal('timeout');
      const skipped = oneEvent(el, 'checkin-skip');
      $<HTMLButtonElement>(el, '[part~="skip-panel"] [part~="retry-button"]')!.click();
      await skipped;
      const calls = adapter.calls.filter((c) => c.method === 'skipCheckin');
      expect(calls).to.have.length(2);
      expect(keyOf(calls[1]!)).to.equal(keyOf(calls[0]!));
    });
  });

  describe('the skip note in the draft', () => {
    async function openSkip(el: CheckinForm): Promise<HTMLTextAreaElement> {
      $<HTMLButtonElement>(el, '[part~="skip"]')!.click();
      await el.updateComplete;
      return $<HTMLTextAreaElement>(el, '#skip-note')!;
    }

    async function typeNote(el: CheckinForm, value: string): Promise<void> {
      const note = $<HTMLTextAreaElement>(el, '#skip-note')!;
      note.value = value;
      note.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
    }

    const skipCalls = (adapter: MemoryAdapter) => adapter.calls.filter((c) => c.method === 'skipCheckin');

    it('is restored after a reload, with the panel open, and is accessible there', async () => {
      const { adapter } = backend();
      const first = await mount(adapter);
      await openSkip(first);
      await typeNote(first, 'Moving house, back Monday.');
      // A reload: the element leaves the page (its draft is flushed) and a new one loads.
      first.remove();
      expect(storedDraft()?.value.skip).to.deep.equal({ note: 'Moving house, back Monday.', open: true });

      const second = await mount(adapter);
      const toggle = $<HTMLButtonElement>(second, '[part~="skip"]')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      const note = $<HTMLTextAreaElement>(second, '#skip-note');
      expect(note?.value).to.equal('Moving house, back Monday.');
      expect(text($(second, '#skip-count .count'))).to.equal('26 / 500');
      expect(text($(second, '[data-draft="restored"]'))).to.match(
        /^Restored your unsent note for Dana Whitfield from Fri 27 Nov, 18:00\.$/,
      );
      // The answers were never touched: the form stays an answer form, not an edit.
      expect(fields(second).map((f) => f.value)).to.deep.equal(['', '', '']);
      expect(text(submitButton(second))).to.equal('Submit check-in');
      await expect(second).to.be.accessible();
    });

    it('keeps a closed panel closed after a reload, with the note still in it', async () => {
      const { adapter } = backend();
      const first = await mount(adapter);
      await openSkip(first);
      await typeNote(first, 'Maybe off on Friday.');
      $<HTMLButtonElement>(first, '[part~="skip-cancel"]')!.click();
      await first.updateComplete;
      first.remove();

      const second = await mount(adapter);
      expect($<HTMLButtonElement>(second, '[part~="skip"]')!.getAttribute('aria-expanded')).to.equal('false');
      const note = await openSkip(second);
      expect(note.value).to.equal('Maybe off on Friday.');
    });

    it('is cleared when the skip succeeds', async () => {
      const { adapter } = backend();
      const first = await mount(adapter);
      await openSkip(first);
      await typeNote(first, 'Ill this week.');
      first.remove();
      expect(storedDraft()?.value.skip?.note, 'the note was kept for the reload').to.equal('Ill this week.');

      const second = await mount(adapter);
      const skipped = oneEvent(second, 'checkin-skip');
      $<HTMLButtonElement>(second, '[part~="skip-confirm"]')!.click();
      await skipped;
      expect(skipCalls(adapter)[0]!.args[2]).to.deep.equal({ note: 'Ill this week.' });
      expect(storedDraft()).to.equal(null);
      second.remove();

      const third = await mount(adapter);
      expect(Boolean($(third, '[data-state="skipped"]'))).to.equal(true);
      expect(Boolean($(third, '[data-draft="restored"]'))).to.equal(false);
      expect(text($(third, '[part~="message"]'))).to.equal('Ill this week.');
    });

    it('retries a failed skip after a reload with the same key, and the store applies it once', async () => {
      const { adapter, store } = backend();
      const first = await mount(adapter);
      await openSkip(first);
      await typeNote(first, 'Conference all week.');
      adapter.faults.failNext('skipCheckin', 'unavailable');
      await first.skip();
      expect($(first, '[part~="skip-panel"] [role="alert"]')?.getAttribute('data-code')).to.equal('unavailable');
      first.remove();

      const second = await mount(adapter);
      expect($<HTMLTextAreaElement>(second, '#skip-note')?.value).to.equal('Conference all week.');
      const skipped = oneEvent(second, 'checkin-skip');
      $<HTMLButtonElement>(second, '[part~="skip-confirm"]')!.click();
      await skipped;
      const [failed, retried] = skipCalls(adapter);
      expect(keyOf(retried!), 'the reloaded form retries with the stored key').to.equal(keyOf(failed!));
      const slots = Object.keys(store.snapshot().idempotency ?? {}).filter((slot) => slot.includes('skipCheckin'));
      expect(slots).to.have.length(1);
      // The same key again is answered from the first write, not applied a second time.
      const replay = await adapter.skipCheckin(
        'c-atlas',
        OPEN_ID,
        { note: 'Conference all week.' },
        {
          idempotencyKey: keyOf(failed!),
        },
      );
      expect(replay.skipNote).to.equal('Conference all week.');
    });

    it('reads a draft saved before notes were kept, and adds the note to it', async () => {
      const key = draftKey('c-atlas', OPEN_ID, 'u-kofi');
      // The format written by the version before this one: no `skip` in the value.
      localStorage.setItem(
        key,
        JSON.stringify({
          value: { answers: { done: 'Written by the older version', next: '' }, health: 'at-risk' },
          idempotencyKey: 'key-of-an-older-draft',
          keyFor: '["submit","c-atlas-20261127T150000Z",{"answers":[]}]',
          savedAt: new Date(FRIDAY - 60_000).toISOString(),
        }),
      );
      const { adapter } = backend();
      const first = await mount(adapter);
      expect(fields(first).map((f) => f.value)).to.deep.equal(['Written by the older version', '', '']);
      expect($<HTMLInputElement>(first, '[part~="health"] input[value="at-risk"]')!.checked).to.equal(true);
      expect(text($(first, '[data-draft="restored"]'))).to.match(/^Restored your unsent answers from /);
      expect($<HTMLButtonElement>(first, '[part~="skip"]')!.getAttribute('aria-expanded')).to.equal('false');

      await openSkip(first);
      await typeNote(first, 'On leave after all.');
      first.remove();
      const stored = storedDraft();
      expect(stored.value).to.deep.equal({
        answers: { done: 'Written by the older version', next: '' },
        health: 'at-risk',
        skip: { note: 'On leave after all.', open: true },
      });
      expect(stored.idempotencyKey).to.equal('key-of-an-older-draft');
    });

    function otherTabWrites(value: object, savedAt: string): void {
      const key = draftKey('c-atlas', OPEN_ID, 'u-kofi');
      const newValue = JSON.stringify({ value, idempotencyKey: null, keyFor: null, savedAt });
      localStorage.setItem(key, newValue);
      window.dispatchEvent(new StorageEvent('storage', { key, newValue, storageArea: localStorage }));
    }

    it("loads another tab's newer note when nothing was typed here", async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      otherTabWrites(
        { answers: {}, health: null, skip: { note: 'Typed in the other tab', open: true } },
        new Date(FRIDAY + 60_000).toISOString(),
      );
      await el.updateComplete;
      expect($<HTMLButtonElement>(el, '[part~="skip"]')!.getAttribute('aria-expanded')).to.equal('true');
      expect($<HTMLTextAreaElement>(el, '#skip-note')?.value).to.equal('Typed in the other tab');
      expect(text($(el, '[data-draft="other-tab"]'))).to.equal('This draft was updated in another tab.');
      expect(status(el)).to.equal('This draft was updated in another tab');
    });

    it("offers the other tab's note instead of replacing the one typed here", async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      await openSkip(el);
      await typeNote(el, 'Typed in this tab');
      otherTabWrites(
        { answers: {}, health: null, skip: { note: 'Typed in the other tab', open: true } },
        new Date(FRIDAY + 60_000).toISOString(),
      );
      await el.updateComplete;
      expect($<HTMLTextAreaElement>(el, '#skip-note')?.value).to.equal('Typed in this tab');
      const notice = $(el, '[data-draft="other-tab"]')!;
      const load = [...notice.querySelectorAll('button')].find((b) => text(b) === "Load the other tab's draft")!;
      load.click();
      await el.updateComplete;
      expect($<HTMLTextAreaElement>(el, '#skip-note')?.value).to.equal('Typed in the other tab');
    });

    it("keeps the note here when an older version's tab writes a draft without one", async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      await openSkip(el);
      await typeNote(el, 'Kept here');
      el.remove();
      const again = await mount(adapter);
      otherTabWrites({ answers: { done: 'From an older tab' }, health: null }, new Date(FRIDAY + 60_000).toISOString());
      await again.updateComplete;
      expect(fields(again)[0]!.value).to.equal('From an older tab');
      expect($<HTMLTextAreaElement>(again, '#skip-note')?.value).to.equal('Kept here');
      // ...and written back, with the other tab's answers, so a reload still has both.
      again.remove();
      expect(storedDraft()?.value).to.deep.include({
        answers: { done: 'From an older tab' },
        skip: { note: 'Kept here', open: true },
      });
    });
  });

  describe('client and observer', () => {
    it("shows the open check-in's state to the client, with no textareas", async () => {
      const { adapter } = backend({ viewerId: 'u-dana' });
      const el = await mount(adapter);
      expect(el.shadowRoot!.querySelectorAll('textarea')).to.have.length(0);
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
      // 15:00 UTC in New York, for Dana (en-US).
      expect(text($(el, '[part~="state"]'))).to.equal(
        "Waiting for Kofi Mensah's answer · asked Fri, Nov 27, 10:00 AM, answer by Fri, Nov 27, 6:00 PM",
      );
    });

    it('shows the state to an observer too', async () => {
      const { adapter } = backend({ viewerId: 'u-omar' });
      const el = await mount(adapter);
      expect(el.shadowRoot!.querySelectorAll('textarea')).to.have.length(0);
      expect($(el, '[part~="state"]')?.getAttribute('data-state')).to.equal('open');
    });

    it('shows "Late" after the due day', async () => {
      const monday = Date.parse('2026-11-30T10:00:00Z');
      const { adapter } = backend({ viewerId: 'u-dana', now: monday });
      const el = await mount(adapter, { now: monday });
      expect(text($(el, '[part~="state"]'))).to.equal("Late: Kofi Mensah's answer was due by Fri, Nov 27, 6:00 PM");
    });

    it('shows the answer time once answered', async () => {
      const { adapter, store } = backend({ viewerId: 'u-dana' });
      const talent = new MemoryAdapter({ store, viewerId: 'u-kofi', contractId: 'c-atlas' });
      await talent.submitAnswers(
        'c-atlas',
        OPEN_ID,
        {
          answers: [
            { questionId: 'done', text: 'a' },
            { questionId: 'next', text: 'b' },
            { questionId: 'blockers', text: 'None' },
          ],
        },
        { idempotencyKey: 'k1' },
      );
      const el = await mount(adapter);
      expect(text($(el, '[part~="state"]'))).to.equal('Answered on Fri, Nov 27, 12:00 PM');
    });
  });

  describe('states', () => {
    it('says so when no adapter is connected', async () => {
      const el = await fixture<CheckinForm>(html`<checkin-form contract-id="c-atlas"></checkin-form>`);
      expect($(el, '[data-code="no-adapter"]')).to.exist;
    });

    it('says so when no contract is given', async () => {
      const { adapter } = backend();
      const el = await fixture<CheckinForm>(html`<checkin-form .adapter=${adapter}></checkin-form>`);
      expect($(el, '[data-code="no-contract"]')).to.exist;
    });

    it('shows a named loading placeholder', async () => {
      const { adapter } = backend();
      adapter.faults.hangNext('listCheckins');
      const el = await fixture<CheckinForm>(
        html`<checkin-form .adapter=${adapter} contract-id="c-atlas"></checkin-form>`,
      );
      const loading = $(el, '[part~="loading"]')!;
      expect(loading.getAttribute('aria-busy')).to.equal('true');
      expect(text(loading)).to.equal('Loading the check-in…');
    });

    it('shows a load failure with a retry that works, and reports it once', async () => {
      const { adapter } = backend();
      // A read is retried by itself (3 tries, docs/reliability.md): it fails on every one here,
      // and the retries do not wait.
      adapter.faults.failNext('getContract', 'unavailable', 'Maintenance.', EVERY_TRY);
      const errors: CheckinErrorEvent[] = [];
      // The listener is bound in the template so that it hears the very first load.
      const el = await fixture<CheckinForm>(
        html`<checkin-form
          .adapter=${adapter}
          contract-id="c-atlas"
          .clock=${() => FRIDAY}
          .retryPolicy=${{ baseDelayMs: 0 }}
          @checkin-error=${(e: CheckinErrorEvent) => errors.push(e)}
        ></checkin-form>`,
      );
      await settled(el);
      expect($(el, '[role="alert"]')?.getAttribute('data-code')).to.equal('unavailable');
      expect(text($(el, '[role="alert"]'))).to.contain('Maintenance.');
      expect(errors.map((e) => [e.detail.action, e.detail.error.code])).to.deep.equal([['load', 'unavailable']]);
      $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
      await waitUntil(() => fields(el).length === 3, 'the retry did not load the form');
    });

    it('shows forbidden to a stranger, without retry', async () => {
      const { adapter } = backend({ viewerId: 'u-eve' });
      const el = await mount(adapter);
      expect($(el, '[role="alert"]')?.getAttribute('data-code')).to.equal('forbidden');
      expect($(el, '[part~="retry-button"]')).to.equal(null);
    });

    it('shows not-found for a check-in id that does not exist', async () => {
      const { adapter } = backend();
      const el = await mount(adapter, { checkinId: 'nope' });
      expect($(el, '[role="alert"]')?.getAttribute('data-code')).to.equal('not-found');
      expect(text($(el, '[role="alert"]'))).to.contain('"nope"');
    });

    it('finds a check-in named by checkin-id beyond the first page of the history', async () => {
      const { adapter } = backend({
        data: (d) => {
          const atlas = d.contracts.find((c) => c.id === 'c-atlas')!;
          // 40 older weeks behind the seeded ones: the oldest is far past the first page.
          const older = generateHistory(atlas, 50, { now: Date.parse('2026-09-20T00:00:00Z') });
          d.checkins['c-atlas'] = [...d.checkins['c-atlas']!, ...older];
        },
      });
      const oldest = (await adapter.listCheckins('c-atlas', { limit: 100 })).items.at(-1)!;
      const el = await mount(adapter, { checkinId: oldest.id });
      expect(Boolean($(el, '[role="alert"]'))).to.equal(false);
      expect(text($(el, '[part~="checkin"]'))).to.contain('Check-in for Atlas customer portal');
    });

    it('shows invalid adapter data as an error, not a crash', async () => {
      const { adapter } = backend();
      adapter.faults.corruptNext('listCheckins', (page) => ({ ...page, items: [{ id: 42 }] }));
      const el = await mount(adapter);
      expect($(el, '[role="alert"]')?.getAttribute('data-code')).to.equal('invalid');
    });

    it('marks a late check-in and says when it was due', async () => {
      const monday = Date.parse('2026-11-30T10:00:00Z');
      const { adapter } = backend({ now: monday });
      const el = await mount(adapter, { now: monday });
      expect(text($(el, '.asker'))).to.equal("Dana Whitfield asks for this week's check-in Late");
      expect(text($(el, '[part~="due"]'))).to.equal('Asked 3 days ago · the answer was due by Fri 27 Nov, 23:59');
      expect(fields(el)).to.have.length(3);
    });

    it('shows a requested check-in with the client message', async () => {
      const { adapter, store } = backend();
      const client = new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' });
      // Answer this week's first, so that the request is the open one.
      const talent = new MemoryAdapter({ store, viewerId: 'u-kofi', contractId: 'c-atlas' });
      await talent.submitAnswers(
        'c-atlas',
        OPEN_ID,
        {
          answers: [
            { questionId: 'done', text: 'a' },
            { questionId: 'next', text: 'b' },
            { questionId: 'blockers', text: 'None' },
          ],
        },
        { idempotencyKey: 'k1' },
      );
      const requested: Checkin = await client.requestUpdate(
        'c-atlas',
        { message: 'Where does the export stand?' },
        { idempotencyKey: 'k2' },
      );
      const el = await mount(adapter);
      expect(text($(el, '.asker'))).to.equal('Dana Whitfield asked for an update');
      expect(text($(el, '[part~="due"]'))).to.equal('Asked just now · answer by Sat 28 Nov, 23:59');
      expect(text($(el, '[part~="message"]'))).to.equal('Where does the export stand?');
      await typeInto(el, 0, 'x');
      await typeInto(el, 1, 'y');
      await typeInto(el, 2, 'None');
      await el.submit();
      expect(submitCalls(adapter)[0]!.args[1]).to.equal(requested.id);
    });

    it('shows the answered check-in with "Edit answer" until the next prompt', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      await fillAll(el);
      await el.submit();
      el.remove();
      const again = await mount(adapter);
      expect(again.shadowRoot!.querySelector('[data-state="answered"]')).to.exist;
      expect(text($(again, '#done-heading'))).to.equal('Your answer');
      expect(text($(again, '[part~="state"]'))).to.equal(
        'Answered on Fri 27 Nov, 18:00. You can change your answer until the next check-in opens, Fri 4 Dec, 16:00.',
      );
      expect($(again, '[part~="edit"]')).to.exist;
    });

    it('shows a closed edit window for an older answer', async () => {
      const { adapter } = backend();
      const el = await mount(adapter, { checkinId: LAST_WEEK_ID });
      expect(el.shadowRoot!.querySelector('[data-state="closed"]')).to.exist;
      expect(text($(el, '[part~="state"]'))).to.contain(
        'The edit window closed on Fri 27 Nov, 16:00, when the next check-in opened.',
      );
      expect($(el, '[part~="edit"]')).to.equal(null);
      expect(fields(el)).to.have.length(0);
    });

    it('says when weekly check-ins are off', async () => {
      const { adapter } = backend({ contractId: 'c-nova' });
      const el = await mount(adapter, { contractId: 'c-nova' });
      expect(text($(el, '[part~="state"]'))).to.equal(
        "Weekly check-ins are off for this contract, so you won't be asked each week. Dana Whitfield can still ask you for an update, and you can answer it here.",
      );
      expect(fields(el)).to.have.length(0);
    });

    it('asks the talent to accept in the settings first when consent is pending, and says requests still come', async () => {
      const { adapter } = backend({
        contractId: 'c-nova',
        data: (d) => {
          d.settings['c-nova'] = { ...d.settings['c-nova']!, enabled: true, consent: 'pending' };
        },
      });
      const el = await mount(adapter, { contractId: 'c-nova' });
      expect(text($(el, '[part~="state"]'))).to.equal(
        'Dana Whitfield wants weekly check-ins on this contract. They start once you agree to them in the check-in settings. Dana Whitfield can still ask you for an update, and you can answer it here.',
      );
      expect(fields(el)).to.have.length(0);
    });

    it('tells when the next check-in opens when none is open (fixed clock, exact text)', async () => {
      const { adapter, now } = freshNova();
      const el = await mount(adapter, { contractId: 'c-nova', now });
      expect(text($(el, '[part~="state"]'))).to.equal(
        'No check-in is open. The next one opens Fri 4 Dec, 9:00 (in 3 days)',
      );
      expect(fields(el)).to.have.length(0);
    });

    it('shows the offline notice when the browser goes offline', async () => {
      const { adapter } = backend();
      const el = await mount(adapter);
      window.dispatchEvent(new Event('offline'));
      await el.updateComplete;
      expect(text($(el, '[part~="offline"]'))).to.equal(
        "You're offline. Your answers stay on this device; submit when you're back online.",
      );
      window.dispatchEvent(new Event('online'));
      await el.updateComplete;
      expect($(el, '[part~="offline"]')).to.equal(null);
    });

    it('never renders an old response after the contract id changes', async () => {
      const { adapter } = backend();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      // An adapter that ignores abort signals: the stale Atlas answer arrives after Nova's.
      const slow: CheckinAdapter = Object.assign(Object.create(adapter) as MemoryAdapter, {
        listCheckins: async (contractId: string, options?: { limit?: number }) => {
          const page = await adapter.listCheckins(contractId, { limit: options?.limit });
          if (contractId === 'c-atlas') await gate;
          return page;
        },
      });
      const el = await fixture<CheckinForm>(
        html`<checkin-form .adapter=${slow} contract-id="c-atlas" .clock=${() => FRIDAY}></checkin-form>`,
      );
      el.contractId = 'c-nova';
      await settled(el);
      expect($(el, '[part~="state"]')?.getAttribute('data-state')).to.equal('off');
      release();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await el.updateComplete;
      expect($(el, '[part~="state"]')?.getAttribute('data-state')).to.equal('off');
      expect(fields(el)).to.have.length(0);
    });
  });
});

/** Nova with check-ins just turned on (no check-in yet): on Tuesday 1 Dec, the first is Friday. */
function freshNova() {
  const now = Date.parse('2026-12-01T10:00:00Z');
  return backend({
    now,
    contractId: 'c-nova',
    data: (d) => {
      d.settings['c-nova'] = { ...d.settings['c-nova']!, enabled: true, consent: 'given' };
      d.activeSince = { ...d.activeSince, 'c-nova': new Date(now).toISOString() };
    },
  });
}
