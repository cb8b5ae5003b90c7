// Shared setup of the form's rule tests (test/form-*.test.ts): one store, the talent's and the
// client's adapters on it, a mounted form, and what a user sees.
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { CheckinAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter, MemoryStore, seedDemo, type MemoryData } from '../src/adapters/memory.js';
import '../src/define/checkin-form.js';
import type { CheckinForm } from '../src/elements/checkin-form/checkin-form.js';
import type { Checkin, Party } from '../src/model.js';
export { text } from './support/dom.js';

// Friday 27 November 2026, 17:00 UTC (18:00 in Berlin): this week's Atlas prompt (16:00 Berlin,
// 15:00 UTC) opened two hours ago.
export const FRIDAY = Date.parse('2026-11-27T17:00:00Z');
export const OPEN_ID = 'c-atlas-20261127T150000Z';
export const LAST_WEEK_ID = 'c-atlas-20261120T150000Z';
export const DANA: Party = { id: 'u-dana', name: 'Dana Whitfield', timeZone: 'America/New_York' };
export const KOFI: Party = { id: 'u-kofi', name: 'Kofi Mensah', timeZone: 'Europe/Berlin' };

export interface World {
  store: MemoryStore;
  /** Kofi, the talent. */
  talent: MemoryAdapter;
  /** Dana, the client. */
  client: MemoryAdapter;
  /** The clock of the store and the form; `tick` moves it. */
  clock: { now: number };
}

/** A store at `now` (seeded demo data, changed by `data`), with the talent's and client's adapters. */
export function world({
  now = FRIDAY,
  weeks,
  data,
}: { now?: number; weeks?: number; data?: (d: MemoryData) => void } = {}): World {
  const seed = seedDemo({ now, weeks });
  data?.(seed);
  const clock = { now };
  const store = new MemoryStore(seed, { clock: () => clock.now });
  return {
    store,
    clock,
    talent: new MemoryAdapter({ store, viewerId: 'u-kofi' }),
    client: new MemoryAdapter({ store, viewerId: 'u-dana' }),
  };
}

/** Nova (an eligible contract under a consent-required policy) with these settings. */
export const nova =
  (settings: Partial<MemoryData['settings'][string]>) =>
  (d: MemoryData): void => {
    d.settings['c-nova'] = { ...d.settings['c-nova']!, ...settings };
  };

/** A check-in as a backend would send it, for data written by hand. */
export function checkinOf(fields: Partial<Checkin> & Pick<Checkin, 'id' | 'contractId' | 'dueAt'>): Checkin {
  return {
    kind: 'scheduled',
    status: 'open',
    requestedBy: { ...DANA },
    answers: null,
    health: null,
    answeredAt: null,
    editedAt: null,
    skipNote: null,
    acknowledgedAt: null,
    replies: [],
    ...fields,
  };
}

/**
 * The form on `adapter`, once it shows the check-in or an error. Its clock is `clock` (moved by
 * the test), else the fixed `now`.
 */
export async function mount(
  adapter: CheckinAdapter | undefined,
  {
    contractId = 'c-atlas',
    checkinId = '',
    clock,
    now = FRIDAY,
    attrs = {},
  }: {
    contractId?: string;
    checkinId?: string;
    clock?: { now: number };
    now?: number;
    attrs?: Record<string, string>;
  } = {},
): Promise<CheckinForm> {
  const el = await fixture<CheckinForm>(
    html`<checkin-form
      .adapter=${adapter}
      contract-id=${contractId}
      checkin-id=${checkinId}
      .clock=${() => clock?.now ?? now}
    ></checkin-form>`,
  );
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  await settled(el);
  return el;
}

/** Waits until the element shows something other than its loading placeholder. */
export async function settled(el: CheckinForm): Promise<void> {
  await waitUntil(
    () => el.shadowRoot?.querySelector('[part~="checkin"], [part~="error"]'),
    'the form never finished loading',
  );
  await el.updateComplete;
}

/** Lets queued events and microtasks run, then the element render. */
export async function flush(el: CheckinForm): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  await el.updateComplete;
}

export const $ = <T extends Element = HTMLElement>(el: CheckinForm, selector: string) =>
  el.shadowRoot!.querySelector<T & HTMLElement>(selector);
export const $$ = <T extends Element = HTMLElement>(el: CheckinForm, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T & HTMLElement>(selector),
];
export const fields = (el: CheckinForm) => $$<HTMLTextAreaElement>(el, 'textarea[part="textarea"]');
export const calls = (adapter: MemoryAdapter, method?: string) =>
  adapter.calls.filter((c) => !method || c.method === method);

/** Types into an answer field as a paste would: one input event. */
export async function typeInto(el: CheckinForm, index: number, value: string): Promise<void> {
  const field = fields(el)[index]!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Test files run in parallel pages that share localStorage: remove only the drafts of these contracts. */
export function cleanStorage(): void {
  for (const key of Object.keys(localStorage)) {
    if (/^checkin-elements:draft:c-(atlas|nova):/.test(key)) localStorage.removeItem(key);
  }
}

/**
 * The adapter as a backend that states these check-in fields would answer: `patch` returns the
 * fields to set (a field set to undefined is left out, as a backend that does not send it).
 */
export function stating(adapter: MemoryAdapter, patch: (c: Checkin) => Partial<Checkin>): MemoryAdapter {
  const list = adapter.listCheckins.bind(adapter);
  const apply = (c: Checkin): Checkin => {
    const copy: Record<string, unknown> = { ...c, ...patch(c) };
    for (const [key, value] of Object.entries(copy)) if (value === undefined) delete copy[key];
    return copy as unknown as Checkin;
  };
  return Object.assign(Object.create(adapter) as MemoryAdapter, {
    listCheckins: async (...args: Parameters<MemoryAdapter['listCheckins']>) => {
      const page = await list(...args);
      return { ...page, items: page.items.map(apply) };
    },
  });
}
