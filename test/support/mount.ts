// Mounting an element the way the fault and contract tests do: on a memory adapter, with
// retries that do not wait, a pinned clock, and every `checkin-error` recorded.
import { fixture } from '@open-wc/testing';
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
  const el = await fixture<T>(html`<${name}
    .adapter=${adapter}
    contract-id=${contractId}
    request-timeout=${timeout ?? 15000}
    .retryPolicy=${NO_WAIT}
    .clock=${() => now}
    @checkin-error=${(e: CheckinErrorEvent) => errors.push(`${e.detail.action}:${e.detail.error.code}`)}
  ></${name}>`);
  return { el, errors };
}
