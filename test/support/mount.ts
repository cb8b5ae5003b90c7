// Mounting an element the way the fault and contract tests do: on a memory adapter, with
// retries that do not wait, a pinned clock, and every `checkin-error` recorded.
import { fixture, waitUntil } from '@open-wc/testing';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { MemoryAdapter } from '../../src/adapters/memory.js';
import type { CheckinErrorEvent } from '../../src/events.js';
import { FRIDAY, NO_WAIT } from './fixtures.js';

export type ElementTag = 'checkin-toggle' | 'checkin-form' | 'checkin-thread';

export interface MountOptions {
  contractId?: string;
  /** The element's `request-timeout` (ms). */
  timeout?: number;
  /** The element's clock (the adapter's stays where its store puts it). */
  now?: number;
}

export interface Mounted<T extends HTMLElement> {
  el: T;
  /** Every `checkin-error` the element reported, as "action:code". */
  errors: string[];
}

/** Mounts `<tag>` on `adapter` with retries that do not wait, recording its `checkin-error`s. */
export async function mountElement<T extends HTMLElement>(
  tag: ElementTag,
  adapter: MemoryAdapter,
  { contractId = 'c-atlas', timeout, now = FRIDAY }: MountOptions = {},
): Promise<Mounted<T>> {
  const errors: string[] = [];
  const name = unsafeStatic(tag);
  // A static tag name (lit/static-html.js), which eslint-plugin-lit reads as a binding.
  /* eslint-disable lit/binding-positions, lit/no-invalid-html */
  const el = await fixture<T>(html`<${name}
    .adapter=${adapter}
    contract-id=${contractId}
    request-timeout=${timeout ?? 15000}
    .retryPolicy=${NO_WAIT}
    .clock=${() => now}
    @checkin-error=${(e: CheckinErrorEvent) => errors.push(`${e.detail.action}:${e.detail.error.code}`)}
  ></${name}>`);
  /* eslint-enable lit/binding-positions, lit/no-invalid-html */
  return { el, errors };
}

export interface PlaceOptions {
  /** Properties set on the element before it connects (adapter, clock, retryPolicy, ...). */
  props?: Record<string, unknown>;
  /** Attributes of the element (contract-id, ...). */
  attrs?: Record<string, string>;
  /** Attributes of the host `<div>` it is put in (lang, style, ...). */
  host?: Record<string, string>;
  /**
   * Waited for right after the element connects (checked at once, then every 50 ms up to
   * `timeout`): nothing else runs in between, as when a test waits on the element it appended.
   */
  until?: { test: (el: HTMLElement) => unknown; message: string; timeout?: number };
}

/**
 * Puts a new `<tag>` in a fresh host `<div>`, its properties and attributes set before it
 * connects, as a page's own script would, then waits for `until` if given.
 */
export async function place<T extends HTMLElement>(
  tag: string,
  { props = {}, attrs = {}, host = {}, until }: PlaceOptions = {},
): Promise<T> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  for (const [name, value] of Object.entries(host)) wrapper.setAttribute(name, value);
  const el = document.createElement(tag) as T;
  Object.assign(el, props);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  wrapper.append(el);
  if (until) await waitUntil(() => until.test(el), until.message, { timeout: until.timeout ?? 1000 });
  return el;
}
