// <checkin-thread> as the fault and contract tests use it: Dana (the client) on Atlas, with the
// demo's history, and where the thread shows its entries, replies and panels.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/define/checkin-thread.js';
import type { MemoryAdapter } from '../../src/adapters/memory.js';
import type { CheckinThread } from '../../src/elements/checkin-thread/checkin-thread.js';
import { $, $$, button, input, text } from './dom.js';
import type { ElementHarness } from './harness.js';
import { mountElement, type MountOptions } from './mount.js';

/** The demo's Atlas history: ten check-ins and three changes to its settings. */
export const SEEDED = 13;

export const mountThread = (adapter: MemoryAdapter, options?: MountOptions) =>
  mountElement<CheckinThread>('checkin-thread', adapter, options);

/** Waits until the thread shows its feed, its empty state or an error. */
export const loaded = (el: CheckinThread) =>
  waitUntil(() => $(el, '[role="feed"], [part~="empty"], [role="alert"]'), 'the thread did not load');
export const articles = (el: CheckinThread) => $$(el, 'article');
export const article = (el: CheckinThread, id: string) => $(el, `article[data-id="${id}"]`);
export const ids = (el: CheckinThread) => articles(el).map((a) => a.dataset.id!);
export const replyTexts = (el: CheckinThread, id: string) =>
  [...article(el, id)!.querySelectorAll('[part~="reply"] .text')].map((r) => text(r));

/** Opens the reply box of a check-in (boxes are rendered on demand) and types into it. */
export async function typeReply(el: CheckinThread, id: string, value: string): Promise<HTMLFormElement> {
  if (!article(el, id)!.querySelector('[part~="reply-box"]')) {
    article(el, id)!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await el.updateComplete;
  }
  const box = article(el, id)!.querySelector<HTMLFormElement>('[part~="reply-box"]')!;
  input(box.querySelector('textarea')!, value);
  return box;
}

export async function openRequest(el: CheckinThread): Promise<HTMLFormElement> {
  $<HTMLButtonElement>(el, '[part~="request-update"]')!.click();
  await el.updateComplete;
  return $<HTMLFormElement>(el, '[part~="request-panel"]')!;
}

export const threadHarness: ElementHarness<CheckinThread> = {
  tag: 'checkin-thread',
  viewer: 'u-dana',
  load: 'listHistory',
  retryableReads: [['listHistory', 'unavailable']],
  mount: mountThread,
  loadAlert: (el) => $(el, '[role="alert"]'),
  retryButton: (el) => button(el.shadowRoot!, 'Try again')!,
  loaded: (el) => waitUntil(() => articles(el).length === SEEDED, 'the thread did not load'),
  nova: {
    shown: (el) => $(el, '[part~="empty"]'),
    check(el) {
      expect(text($(el, '[part~="empty"]'))).to.equal('Weekly check-ins are off for this contract.');
      expect(articles(el)).to.have.length(0);
    },
  },
};
