// The fault matrix for <checkin-form>: hanging writes, the network dropping mid-submit followed
// by a reload, repeated clicks and a held Ctrl+Enter, one write at a time, removal mid-submit,
// storage that cannot be used and clock skew. See docs/reliability.md.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { MemoryStore } from '../src/adapters/memory.js';
import { draftKey } from '../src/controllers/draft.js';
import type { CheckinForm } from '../src/elements/checkin-form/checkin-form.js';
import { $, settle, text } from './support/dom.js';
import {
  FRIDAY,
  HOUR,
  OPEN_ID,
  adapterFor,
  calls,
  hold,
  keyOf,
  loseFirstAnswer,
  optionsOf,
  watchUnhandled,
  world,
} from './support/fixtures.js';
import {
  ANSWERS,
  alertOf,
  cleanDrafts,
  fields,
  fillAll,
  mountForm as mount,
  shown,
  submitButton,
  talentWithAnswers,
} from './support/form.js';

// The fault shapes every element shares (a hanging load, removal and a contract change
// mid-load, offline) are in element-contract.test.ts.

const DRAFT = draftKey('c-atlas', OPEN_ID, 'u-kofi');

function ctrlEnter(target: Element, repeat = false): void {
  target.dispatchEvent(
    new KeyboardEvent('keydown', {
      key: 'Enter',
      ctrlKey: true,
      repeat,
      bubbles: true,
      composed: true,
      cancelable: true,
    }),
  );
}

/** The stored Atlas check-in and how many submit writes the store applied for Kofi. */
function stored(store: MemoryStore) {
  const data = store.snapshot();
  const checkin = data.checkins['c-atlas']!.find((c) => c.id === OPEN_ID)!;
  const writes = Object.keys(data.idempotency ?? {}).filter((slot) => {
    const [viewer, method] = JSON.parse(slot) as string[];
    return viewer === 'u-kofi' && method === 'submitAnswers';
  });
  return { checkin, writes };
}

describe('faults: <checkin-form>', () => {
  beforeEach(cleanDrafts);
  afterEach(cleanDrafts);

  describe('a hanging call', () => {
    it('gives up a hanging submit, keeps every character, and the retry is the same write', async () => {
      const { store, adapter, el, errors } = await talentWithAnswers({ timeout: 40 });
      adapter.faults.hangNext('submitAnswers');
      submitButton(el).click();
      await waitUntil(() => alertOf(el), 'no timeout shown', { timeout: 3000 });
      expect(alertOf(el)!.dataset.code).to.equal('timeout');
      expect(fields(el).map((f) => f.value)).to.deep.equal(ANSWERS);
      const [first] = calls(adapter, 'submitAnswers');
      expect(optionsOf(first!)!.signal!.aborted).to.equal(true);
      expect(calls(adapter, 'submitAnswers'), 'not retried by itself').to.have.length(1);
      expect(errors).to.deep.equal(['submit:timeout']);
      await expect(el).to.be.accessible();
      const submitted = oneEvent(el, 'checkin-submit');
      $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
      await submitted;
      const [, second] = calls(adapter, 'submitAnswers');
      expect(keyOf(second!)).to.equal(keyOf(first!));
      expect(stored(store).writes).to.have.length(1);
    });

    it('gives up a hanging skip, and the retry is the same write', async () => {
      const adapter = adapterFor(world(), 'u-kofi');
      const { el } = await mount(adapter, { timeout: 40 });
      await shown(el);
      $<HTMLButtonElement>(el, '[part~="skip"]')!.click();
      await el.updateComplete;
      adapter.faults.hangNext('skipCheckin');
      $<HTMLButtonElement>(el, '[part~="skip-confirm"]')!.click();
      await waitUntil(() => $(el, '[part~="skip-panel"] [role="alert"]'), 'no timeout shown', { timeout: 3000 });
      expect($(el, '[part~="skip-panel"] [role="alert"]')!.dataset.code).to.equal('timeout');
      expect(calls(adapter, 'skipCheckin')).to.have.length(1);
      const skipped = oneEvent(el, 'checkin-skip');
      $<HTMLButtonElement>(el, '[part~="skip-panel"] [part~="retry-button"]')!.click();
      await skipped;
      const [first, second] = calls(adapter, 'skipCheckin');
      expect(keyOf(second!)).to.equal(keyOf(first!));
    });
  });

  describe('the network drops mid-submit and the page reloads before the answer', () => {
    it('after the write arrived: the reloaded form has the draft and key, and resubmitting is still one write', async () => {
      const store = world();
      const firstPage = adapterFor(store, 'u-kofi');
      const { lost } = loseFirstAnswer(firstPage, 'submitAnswers');
      const { el: first } = await mount(firstPage);
      await shown(first);
      await fillAll(first);
      submitButton(first).click();
      await lost;
      const key = keyOf(calls(firstPage, 'submitAnswers')[0]!);
      expect(JSON.parse(localStorage.getItem(DRAFT)!).idempotencyKey).to.equal(key);
      // The backend has the answers; the page never heard. The page reloads.
      expect(stored(store).checkin.answers).to.have.length(3);
      first.remove();

      const secondPage = adapterFor(store, 'u-kofi');
      const { el: second, errors } = await mount(secondPage);
      await waitUntil(() => fields(second).length === 3, 'the reloaded form has no fields');
      expect(fields(second).map((f) => f.value)).to.deep.equal(ANSWERS);
      expect(text($(second, '[data-draft="restored"]'))).to.match(/^Restored your unsent answers/);
      const submitted = oneEvent(second, 'checkin-submit');
      submitButton(second).click();
      await submitted;
      expect(keyOf(calls(secondPage, 'submitAnswers')[0]!)).to.equal(key);
      const { checkin, writes } = stored(store);
      expect(writes, 'one write in the store').to.have.length(1);
      expect(checkin.answers!.map((a) => a.text)).to.deep.equal(ANSWERS);
      expect(checkin.editedAt, 'no second write (it would count as an edit)').to.equal(null);
      expect(localStorage.getItem(DRAFT)).to.equal(null);
      expect(errors).to.deep.equal([]);
    });

    it('before the write arrived: the reloaded form has the draft and key, and submitting writes once', async () => {
      const store = world();
      const firstPage = adapterFor(store, 'u-kofi');
      firstPage.faults.hangNext('submitAnswers');
      const { el: first } = await mount(firstPage);
      await shown(first);
      await fillAll(first);
      submitButton(first).click();
      await waitUntil(() => calls(firstPage, 'submitAnswers').length === 1, 'no submit');
      const key = keyOf(calls(firstPage, 'submitAnswers')[0]!);
      first.remove();
      await settle();
      expect(optionsOf(calls(firstPage, 'submitAnswers')[0]!)!.signal!.aborted).to.equal(true);
      expect(stored(store).checkin.answers).to.equal(null);

      const secondPage = adapterFor(store, 'u-kofi');
      const { el: second } = await mount(secondPage);
      await waitUntil(() => fields(second).length === 3, 'the reloaded form has no fields');
      expect(fields(second).map((f) => f.value)).to.deep.equal(ANSWERS);
      const submitted = oneEvent(second, 'checkin-submit');
      submitButton(second).click();
      await submitted;
      expect(keyOf(calls(secondPage, 'submitAnswers')[0]!)).to.equal(key);
      expect(stored(store).writes).to.have.length(1);
      expect(stored(store).checkin.answers!.map((a) => a.text)).to.deep.equal(ANSWERS);
    });
  });

  describe('the network drops mid-skip and the page reloads before the answer', () => {
    const NOTE = 'Moving house, back Monday.';

    async function skipWithNote(el: CheckinForm): Promise<void> {
      $<HTMLButtonElement>(el, '[part~="skip"]')!.click();
      await el.updateComplete;
      const note = $<HTMLTextAreaElement>(el, '#skip-note')!;
      note.value = NOTE;
      note.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part~="skip-confirm"]')!.click();
    }

    /** The stored Atlas check-in and how many skip writes the store applied for Kofi. */
    function skipsIn(store: MemoryStore) {
      const data = store.snapshot();
      const checkin = data.checkins['c-atlas']!.find((c) => c.id === OPEN_ID)!;
      const writes = Object.keys(data.idempotency ?? {}).filter((slot) => {
        const [viewer, method] = JSON.parse(slot) as string[];
        return viewer === 'u-kofi' && method === 'skipCheckin';
      });
      return { checkin, writes };
    }

    it('before the write arrived: the reloaded form has the note and key, and the retry is one write', async () => {
      const store = world();
      const firstPage = adapterFor(store, 'u-kofi');
      // The first request reaches the backend only after the page has reloaded and retried.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const late: string[] = [];
      const send = firstPage.skipCheckin.bind(firstPage);
      firstPage.skipCheckin = (contractId, checkinId, input, options) => {
        const answer = gate.then(() => send(contractId, checkinId, input, { idempotencyKey: options.idempotencyKey }));
        answer.then(
          (c) => late.push(`answered:${c.status}`),
          (e: { code?: string }) => late.push(`failed:${e.code}`),
        );
        return answer;
      };
      const { el: first } = await mount(firstPage);
      await shown(first);
      await skipWithNote(first);
      await waitUntil(() => localStorage.getItem(DRAFT), 'the key was not stored before the request left');
      const key = JSON.parse(localStorage.getItem(DRAFT)!).idempotencyKey as string;
      expect(key).to.be.a('string').and.not.empty;
      first.remove();

      const secondPage = adapterFor(store, 'u-kofi');
      const { el: second, errors } = await mount(secondPage);
      await waitUntil(() => $(second, '#skip-note'), 'the reloaded form has no skip note');
      expect($<HTMLTextAreaElement>(second, '#skip-note')!.value).to.equal(NOTE);
      const skipped = oneEvent(second, 'checkin-skip');
      $<HTMLButtonElement>(second, '[part~="skip-confirm"]')!.click();
      await skipped;
      expect(keyOf(calls(secondPage, 'skipCheckin')[0]!)).to.equal(key);
      expect(localStorage.getItem(DRAFT)).to.equal(null);

      // The first request arrives late with the same key: answered from the first write, not
      // refused as a second skip of a skipped check-in.
      release();
      await waitUntil(() => late.length === 1, 'the late request never settled');
      expect(late).to.deep.equal(['answered:skipped']);
      expect(keyOf(calls(firstPage, 'skipCheckin')[0]!)).to.equal(key);
      const { checkin, writes } = skipsIn(store);
      expect(writes, 'one write in the store').to.have.length(1);
      expect(checkin.skipNote).to.equal(NOTE);
      expect(errors).to.deep.equal([]);
    });

    it('after the write arrived: the reloaded form shows the skip, sends nothing and drops the draft', async () => {
      const store = world();
      const firstPage = adapterFor(store, 'u-kofi');
      const { lost } = loseFirstAnswer(firstPage, 'skipCheckin');
      const { el: first } = await mount(firstPage);
      await shown(first);
      // Answers typed before choosing to skip go with the skip, as after a confirmed one.
      await fillAll(first);
      await skipWithNote(first);
      await lost;
      const key = keyOf(calls(firstPage, 'skipCheckin')[0]!);
      expect(JSON.parse(localStorage.getItem(DRAFT)!).idempotencyKey).to.equal(key);
      expect(skipsIn(store).checkin.skipNote).to.equal(NOTE);
      first.remove();

      const secondPage = adapterFor(store, 'u-kofi');
      const { el: second, errors } = await mount(secondPage);
      await waitUntil(() => $(second, '[data-state="skipped"]'), 'the reloaded form does not show the skip');
      expect(text($(second, '[part~="message"]'))).to.equal(NOTE);
      expect(fields(second)).to.have.length(0);
      expect(Boolean($(second, '[data-draft="restored"]'))).to.equal(false);
      expect(localStorage.getItem(DRAFT)).to.equal(null);
      expect(calls(secondPage, 'skipCheckin')).to.have.length(0);
      expect(skipsIn(store).writes).to.have.length(1);
      expect(errors).to.deep.equal([]);
    });
  });

  describe('repeated clicks and keys', () => {
    it('submits once for a triple click on Submit', async () => {
      const adapter = adapterFor(world(), 'u-kofi');
      const { el } = await mount(adapter);
      await shown(el);
      await fillAll(el);
      adapter.faults.latencyMs = 30;
      let events = 0;
      el.addEventListener('checkin-submit', () => events++);
      for (let i = 0; i < 3; i++) submitButton(el).click();
      await waitUntil(() => events === 1, 'not submitted');
      await settle();
      expect(calls(adapter, 'submitAnswers')).to.have.length(1);
    });

    it('skips once for a triple click on the skip confirmation', async () => {
      const adapter = adapterFor(world(), 'u-kofi');
      const { el } = await mount(adapter);
      await shown(el);
      $<HTMLButtonElement>(el, '[part~="skip"]')!.click();
      await el.updateComplete;
      adapter.faults.latencyMs = 30;
      let events = 0;
      el.addEventListener('checkin-skip', () => events++);
      const confirm = $<HTMLButtonElement>(el, '[part~="skip-confirm"]')!;
      for (let i = 0; i < 3; i++) confirm.click();
      await waitUntil(() => events === 1, 'not skipped');
      await settle();
      expect(calls(adapter, 'skipCheckin')).to.have.length(1);
    });

    it('submits once while Ctrl+Enter is held down', async () => {
      const adapter = adapterFor(world(), 'u-kofi');
      const { el } = await mount(adapter);
      await shown(el);
      await fillAll(el);
      adapter.faults.latencyMs = 30;
      const field = fields(el)[1]!;
      const submitted = oneEvent(el, 'checkin-submit');
      ctrlEnter(field);
      for (let i = 0; i < 5; i++) ctrlEnter(field, true);
      await submitted;
      await settle();
      expect(calls(adapter, 'submitAnswers')).to.have.length(1);
    });

    it('does not send a failed submit again while Ctrl+Enter is still held', async () => {
      const adapter = adapterFor(world(), 'u-kofi');
      const { el } = await mount(adapter);
      await shown(el);
      await fillAll(el);
      adapter.faults.failNext('submitAnswers', 'network');
      const field = fields(el)[0]!;
      ctrlEnter(field);
      await waitUntil(() => alertOf(el), 'the failure is not shown');
      for (let i = 0; i < 5; i++) ctrlEnter(field, true);
      await settle();
      await el.updateComplete;
      expect(calls(adapter, 'submitAnswers'), 'no silent resend').to.have.length(1);
      expect(alertOf(el)!.dataset.code).to.equal('network');
      expect(fields(el).map((f) => f.value)).to.deep.equal(ANSWERS);
    });
  });

  describe('one write at a time: a submit and a skip never overlap', () => {
    it('ignores the skip confirmation while the answers are on their way; the retry of the submit is the same write', async () => {
      const { store, adapter, el, errors } = await talentWithAnswers();
      adapter.faults.failNext('submitAnswers', 'network');
      const gate = hold(adapter, 'submitAnswers');
      submitButton(el).click();
      await waitUntil(() => gate.held > 0, 'the submit was not sent');
      $<HTMLButtonElement>(el, '[part~="skip"]')!.click();
      await el.updateComplete;
      const confirm = $<HTMLButtonElement>(el, '[part~="skip-confirm"]')!;
      expect(confirm.getAttribute('aria-disabled')).to.equal('true');
      confirm.click();
      await settle();
      expect(calls(adapter, 'skipCheckin'), 'no skip while the submit is out').to.have.length(0);

      gate.open();
      await waitUntil(() => alertOf(el), 'the failed submit is not shown');
      expect(errors).to.deep.equal(['submit:network']);
      const submitted = oneEvent(el, 'checkin-submit');
      $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
      await submitted;
      const [first, second] = calls(adapter, 'submitAnswers');
      expect(keyOf(second!)).to.equal(keyOf(first!));
      expect(calls(adapter, 'skipCheckin')).to.have.length(0);
      expect(stored(store).checkin.status).to.equal('answered');
    });

    it('ignores Submit and Ctrl+Enter while the skip is on its way', async () => {
      const { store, adapter, el } = await talentWithAnswers();
      $<HTMLButtonElement>(el, '[part~="skip"]')!.click();
      await el.updateComplete;
      const gate = hold(adapter, 'skipCheckin');
      $<HTMLButtonElement>(el, '[part~="skip-confirm"]')!.click();
      await waitUntil(() => gate.held > 0, 'the skip was not sent');
      await el.updateComplete;
      expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
      submitButton(el).click();
      ctrlEnter(fields(el)[0]!);
      await settle();
      expect(calls(adapter, 'submitAnswers'), 'no submit while the skip is out').to.have.length(0);

      const skipped = oneEvent(el, 'checkin-skip');
      gate.open();
      await skipped;
      await settle();
      expect(calls(adapter, 'submitAnswers')).to.have.length(0);
      expect(stored(store).checkin.status).to.equal('skipped');
    });

    it('does not offer "Reload the check-in" while a skip is on its way, and shows the skip', async () => {
      const { adapter, el } = await talentWithAnswers();
      adapter.faults.failNext('submitAnswers', 'conflict');
      submitButton(el).click();
      await waitUntil(() => $(el, '[data-code="conflict"]'), 'the conflict is not shown');
      const reloadButton = () => $<HTMLButtonElement>(el, '[data-code="conflict"] [part~="retry-button"]');
      expect(reloadButton()!.getAttribute('aria-disabled')).to.equal('false');
      $<HTMLButtonElement>(el, '[part~="skip"]')!.click();
      await el.updateComplete;
      const gate = hold(adapter, 'skipCheckin');
      $<HTMLButtonElement>(el, '[part~="skip-confirm"]')!.click();
      await waitUntil(() => gate.held > 0, 'the skip was not sent');
      await el.updateComplete;
      expect(reloadButton()!.getAttribute('aria-disabled')).to.equal('true');
      const loads = calls(adapter, 'listCheckins').length;
      reloadButton()!.click();
      await settle();
      expect(calls(adapter, 'listCheckins'), 'nothing loaded while the skip is out').to.have.length(loads);

      const skipped = oneEvent(el, 'checkin-skip');
      gate.open();
      await skipped;
      await el.updateComplete;
      expect(Boolean($(el, '[data-state="skipped"]')), 'the skip is shown').to.equal(true);
      expect(calls(adapter, 'skipCheckin')).to.have.length(1);
    });
  });

  describe('removed from the page mid-request', () => {
    it('aborts a submit in flight; put back, it shows the answers and no error, and sending again is one write', async () => {
      const unhandled = watchUnhandled();
      const { store, adapter, el, errors } = await talentWithAnswers();
      adapter.faults.latencyMs = 50;
      submitButton(el).click();
      await el.updateComplete;
      const parent = el.parentElement!;
      el.remove();
      await settle();
      expect(optionsOf(calls(adapter, 'submitAnswers')[0]!)!.signal!.aborted).to.equal(true);
      adapter.faults.latencyMs = 0;
      parent.append(el);
      await el.updateComplete;
      await settle();
      expect(Boolean(alertOf(el))).to.equal(false);
      expect(errors).to.deep.equal([]);
      expect(fields(el).map((f) => f.value)).to.deep.equal(ANSWERS);
      expect(text(submitButton(el))).to.equal('Submit check-in');
      const submitted = oneEvent(el, 'checkin-submit');
      submitButton(el).click();
      await submitted;
      const [first, second] = calls(adapter, 'submitAnswers');
      expect(keyOf(second!)).to.equal(keyOf(first!));
      expect(stored(store).writes).to.have.length(1);
      unhandled.stop();
      expect(unhandled.reasons).to.deep.equal([]);
    });
  });

  describe('storage that cannot be used', () => {
    it('works without localStorage at all, and says drafts are not being kept', async () => {
      const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('Storage is disabled.', 'SecurityError');
        },
      });
      try {
        const adapter = adapterFor(world(), 'u-kofi');
        const { el } = await mount(adapter);
        await shown(el);
        const saved = oneEvent(el, 'checkin-draft-saved');
        await fillAll(el);
        expect((await saved).detail.persisted).to.equal(false);
        await el.updateComplete;
        expect(text($(el, '[data-draft="memory"]'))).to.equal(
          "Drafts can't be saved on this device right now; keep this tab open until you submit.",
        );
        const submitted = oneEvent(el, 'checkin-submit');
        submitButton(el).click();
        await submitted;
        expect(calls(adapter, 'submitAnswers')).to.have.length(1);
      } finally {
        if (own) Object.defineProperty(window, 'localStorage', own);
        else delete (window as { localStorage?: Storage }).localStorage;
      }
      expect(typeof window.localStorage.getItem).to.equal('function');
    });
  });

  describe('clock skew between the page and the adapter', () => {
    const noNegative = (s: string) => expect(s).to.not.match(/-\s?\d|NaN|Invalid/);

    it('names the time it was asked (not "in 2 hours") for a check-in not yet due on this clock, and it can be answered', async () => {
      const adapter = adapterFor(world(), 'u-kofi');
      // The page's clock is 4 hours behind the adapter's: the open check-in (due 15:00 UTC) is
      // two hours ahead on this clock.
      const { el } = await mount(adapter, { now: FRIDAY - 4 * HOUR });
      await waitUntil(() => fields(el).length === 3, 'not answerable');
      expect(text($(el, '[part~="due"]'))).to.equal('Asked Fri 27 Nov, 16:00 · answer by Fri 27 Nov, 23:59');
      noNegative(text(el.shadowRoot));
      await fillAll(el);
      const submitted = oneEvent(el, 'checkin-submit');
      submitButton(el).click();
      await submitted;
      noNegative(text(el.shadowRoot));
    });

    it('says "asked 3 days ago" when this clock is days ahead, and it can still be answered', async () => {
      const adapter = adapterFor(world(), 'u-kofi');
      const { el } = await mount(adapter, { now: FRIDAY - 2 * HOUR + 3 * 24 * HOUR });
      await waitUntil(() => fields(el).length === 3, 'not answerable');
      expect(text($(el, '[part~="due"]'))).to.equal('Asked 3 days ago · answer by Fri 27 Nov, 23:59');
      noNegative(text(el.shadowRoot));
    });

    it('gives a late check-in that is not yet due on this clock no contradicting line', async () => {
      // The adapter is two days on (this week's check-in is late there); the page is before its due time.
      const store = world(() => FRIDAY + 2 * 24 * HOUR);
      const adapter = adapterFor(store, 'u-kofi');
      const { el } = await mount(adapter, { now: FRIDAY - 4 * HOUR });
      await waitUntil(() => fields(el).length === 3, 'not answerable');
      expect(text($(el, '.asker'))).to.contain('Late');
      expect(text($(el, '[part~="due"]'))).to.equal(
        'Asked Fri 27 Nov, 16:00 · the answer was due by Fri 27 Nov, 23:59',
      );
      noNegative(text(el.shadowRoot));
    });
  });
});
