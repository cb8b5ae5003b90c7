// <checkin-form> as the fault and contract tests use it: Kofi (the talent) on Atlas, his three
// answers, and where the form shows them, its alerts and its buttons.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/define/checkin-form.js';
import type { MemoryAdapter } from '../../src/adapters/memory.js';
import type { CheckinForm } from '../../src/elements/checkin-form/checkin-form.js';
import { $, $$, input, text } from './dom.js';
import { adapterFor, world } from './fixtures.js';
import type { ElementHarness } from './harness.js';
import { mountElement, type MountOptions } from './mount.js';

export const ANSWERS = ['Team roles behind the flag are done.', 'Release checklist with QA.', 'None'];

/** What the form says on Nova, where weekly check-ins are off. */
export const NOVA_OFF =
  "Weekly check-ins are off for this contract, so you won't be asked each week. Dana Whitfield can still ask you for an update, and you can answer it here.";

export const mountForm = (adapter: MemoryAdapter, options?: MountOptions) =>
  mountElement<CheckinForm>('checkin-form', adapter, options);

/** Waits until the form shows the check-in or an error. */
export const shown = (el: CheckinForm) =>
  waitUntil(() => $(el, '[part~="checkin"], [part~="error"]'), 'the form did not finish loading');
export const fields = (el: CheckinForm) => $$<HTMLTextAreaElement>(el, 'textarea[part="textarea"]');
export const alertOf = (el: CheckinForm) => $(el, '[role="alert"][part~="error"]');
export const submitButton = (el: CheckinForm) => $<HTMLButtonElement>(el, '[part~="submit"]')!;

export async function fillAll(el: CheckinForm, answers = ANSWERS): Promise<void> {
  answers.forEach((value, i) => input(fields(el)[i]!, value));
  await el.updateComplete;
}

/** Kofi's form on a fresh store, loaded, with every answer typed (not sent). */
export async function talentWithAnswers(options?: MountOptions) {
  const store = world();
  const adapter = adapterFor(store, 'u-kofi');
  const { el, errors } = await mountForm(adapter, options);
  await shown(el);
  await fillAll(el);
  return { store, adapter, el, errors };
}

/** Removes every stored draft. */
export function cleanDrafts(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('checkin-elements:draft:')) localStorage.removeItem(key);
  }
}

export const formHarness: ElementHarness<CheckinForm> = {
  tag: 'checkin-form',
  viewer: 'u-kofi',
  load: 'listCheckins',
  retryableReads: [
    ['listCheckins', 'network'],
    ['getViewer', 'timeout'],
  ],
  mount: mountForm,
  loadAlert: alertOf,
  retryButton: (el) => $<HTMLButtonElement>(el, '[part~="retry-button"]')!,
  loaded: (el) => waitUntil(() => fields(el).length === 3, 'the form did not load'),
  nova: {
    shown: (el) => $(el, '[part~="state"]'),
    check(el) {
      expect(text($(el, '[part~="state"]'))).to.equal(NOVA_OFF);
      expect(fields(el)).to.have.length(0);
      expect(text($(el, '#heading'))).to.contain('Nova onboarding flow');
    },
  },
  clean: cleanDrafts,
};
