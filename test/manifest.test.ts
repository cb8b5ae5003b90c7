// The manifest (custom-elements.json, generated from class-level JSDoc by `npm run analyze`)
// is what editors, Storybook and the typings know of the styling surface. Each element is
// rendered in its main states here, and every `part` token and every `--checkin-*` property its
// styles read must be declared for its tag. Regenerate the manifest after changing the JSDoc.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../src/define/checkin-toggle.js';
import '../src/define/checkin-form.js';
import '../src/define/checkin-thread.js';
import '../src/define/checkin-provider.js';
import type { CheckinAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter, MemoryStore, generateHistory, seedDemo, type MemoryData } from '../src/adapters/memory.js';
import { DEFAULT_REQUEST_POLICY } from '../src/adapters/resilient.js';
import { baseStyles } from '../src/styles.js';
import manifestJson from '../custom-elements.json';
import { text } from './support/dom.js';

interface Declaration {
  tagName?: string;
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}
const manifest = manifestJson as unknown as { modules: { declarations?: Declaration[] }[] };

function declarationOf(tag: string): Declaration {
  const found = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  if (!found) throw new Error(`${tag} is not in custom-elements.json`);
  return found;
}

const declaredParts = (tag: string) => new Set((declarationOf(tag).cssParts ?? []).map((p) => p.name));
const declaredProperties = (tag: string) => new Set((declarationOf(tag).cssProperties ?? []).map((p) => p.name));

/** Every `--checkin-*` custom property read with `var()` in these styles. */
function propertiesRead(styles: readonly unknown[]): Set<string> {
  const text = styles
    .map((s) =>
      s instanceof CSSStyleSheet
        ? [...s.cssRules].map((r) => r.cssText).join('\n')
        : (s as { cssText: string }).cssText,
    )
    .join('\n');
  return new Set([...text.matchAll(/var\(\s*(--checkin-[\w-]+)/g)].map((m) => m[1]!));
}

const EVERY_TRY = DEFAULT_REQUEST_POLICY.attempts;
// Friday 27 November 2026, 17:00 UTC: this week's Atlas prompt (16:00 Berlin) is open.
const FIXED = Date.parse('2026-11-27T17:00:00.000Z');
const clock = () => FIXED;

function store(mutate?: (data: MemoryData) => void): MemoryStore {
  const data = structuredClone(seedDemo({ now: FIXED }));
  mutate?.(data);
  return new MemoryStore(data, { clock });
}

const adapterFor = (viewerId: string, contractId = 'c-atlas', s = store()) =>
  new MemoryAdapter({ store: s, viewerId, contractId });

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

/** Collects the part tokens an element shows, state after state. */
class Parts {
  readonly seen = new Set<string>();
  readonly states: string[] = [];

  record(el: Element, state: string): void {
    this.states.push(state);
    for (const node of el.shadowRoot!.querySelectorAll('[part]')) {
      for (const token of node.getAttribute('part')!.split(/\s+/)) if (token) this.seen.add(token);
    }
  }

  undeclared(tag: string): string[] {
    const declared = declaredParts(tag);
    return [...this.seen].filter((p) => !declared.has(p)).sort();
  }
}

async function goOffline(el: LitElement, parts: Parts, selector: string): Promise<void> {
  window.dispatchEvent(new Event('offline'));
  try {
    await el.updateComplete;
    await waitUntil(() => $(el, selector), 'no offline notice');
    parts.record(el, 'offline');
  } finally {
    window.dispatchEvent(new Event('online'));
  }
}

type Loading = 'checkin-toggle' | 'checkin-form' | 'checkin-thread';

/** The states every loading element shares: no adapter, no contract, loading, a load failure. */
async function setupStates(tag: Loading, parts: Parts, hang: keyof CheckinAdapter) {
  const bare = await fixture(html`<div></div>`);
  const create = (adapter?: MemoryAdapter, contractId = 'c-atlas') => {
    const el = document.createElement(tag) as LitElement & {
      adapter?: MemoryAdapter;
      contractId: string;
      clock: () => number;
      retryPolicy?: { baseDelayMs: number };
    };
    el.adapter = adapter;
    // Reads are retried by themselves: here without waiting in between.
    el.retryPolicy = { baseDelayMs: 0 };
    el.contractId = contractId;
    el.clock = clock;
    bare.append(el);
    return el;
  };
  const none = create(undefined);
  await waitUntil(() => $(none, '[part~="error"]'), 'no "no adapter" error');
  parts.record(none, 'no adapter');
  const noContract = create(adapterFor('u-dana'), '');
  await waitUntil(() => $(noContract, '[part~="error"]'), 'no "no contract" error');
  parts.record(noContract, 'no contract');
  const hanging = adapterFor('u-dana');
  hanging.faults.hangNext(hang);
  const loading = create(hanging);
  await waitUntil(() => $(loading, '[part~="loading"]'), 'no loading state');
  parts.record(loading, 'loading');
  const failing = adapterFor('u-dana');
  failing.faults.failNext('getContract', 'unavailable', 'Down for maintenance.', EVERY_TRY);
  const failed = create(failing);
  await waitUntil(() => $(failed, '[part~="retry-button"]'), 'no load failure with a retry');
  parts.record(failed, 'load failure');
  bare.remove();
}

describe('custom-elements.json', () => {
  describe('declares every CSS part the elements render', () => {
    it('<checkin-toggle>', async () => {
      const parts = new Parts();
      await setupStates('checkin-toggle', parts, 'getSettings');
      const mount = async (viewerId: string, contractId: string, s = store()) => {
        const el = await fixture<LitElement>(html`<checkin-toggle
          .adapter=${adapterFor(viewerId, contractId, s)}
          contract-id=${contractId}
          .clock=${clock}
        ></checkin-toggle>`);
        await waitUntil(() => $(el, '[part~="base"], [part~="error"]'), `${viewerId} ${contractId} did not load`);
        await el.updateComplete;
        return el;
      };

      // The client with check-ins off, and the confirmation before turning them on.
      const off = await mount('u-dana', 'c-nova');
      parts.record(off, 'client, off');
      $(off, '[role="switch"]')!.click();
      await waitUntil(() => $<HTMLDialogElement>(off, 'dialog')?.open, 'no confirmation');
      parts.record(off, 'confirmation');

      // The client with check-ins on: the editor with a skipped date, an inline error, offline.
      const on = await mount('u-dana', 'c-atlas');
      parts.record(on, 'client, on');
      const time = $<HTMLInputElement>(on, '#time')!;
      time.value = '';
      time.dispatchEvent(new Event('input', { bubbles: true }));
      $(on, 'button[type="submit"]')!.click();
      await waitUntil(() => $(on, '[part~="field-error"]'), 'no inline error');
      parts.record(on, 'field error');
      await goOffline(on, parts, '[part~="offline"]');

      // A conflict: someone else saved while the client edited.
      const shared = store();
      const editing = await mount('u-dana', 'c-atlas', shared);
      const field = $<HTMLInputElement>(editing, '#time')!;
      field.value = '11:45';
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await editing.updateComplete;
      const other = adapterFor('u-dana', 'c-atlas', shared);
      const current = await other.getSettings('c-atlas');
      await other.updateSettings(
        'c-atlas',
        { schedule: { ...current.schedule, time: '08:00' } },
        { expectedVersion: current.version, idempotencyKey: 'manifest-other-tab' },
      );
      $(editing, 'button[type="submit"]')!.click();
      await waitUntil(() => $(editing, '[part~="conflict"]'), 'no conflict notice');
      parts.record(editing, 'conflict');

      // Not offered, the talent (on, and asked to consent), the observer.
      parts.record(await mount('u-dana', 'c-logo'), 'ineligible');
      parts.record(await mount('u-kofi', 'c-atlas'), 'talent');
      const consent = store();
      const dana = adapterFor('u-dana', 'c-nova', consent);
      const nova = await dana.getSettings('c-nova');
      await dana.updateSettings(
        'c-nova',
        { enabled: true },
        { expectedVersion: nova.version, idempotencyKey: 'manifest-on' },
      );
      const asked = await mount('u-kofi', 'c-nova', consent);
      expect(text($(asked, '[part~="consent"]'))).to.not.equal('');
      parts.record(asked, 'talent, consent pending');
      parts.record(await mount('u-omar', 'c-atlas'), 'observer');

      expect(parts.undeclared('checkin-toggle'), `states: ${parts.states.join(', ')}`).to.deep.equal([]);
    });

    it('<checkin-form>', async () => {
      const parts = new Parts();
      await setupStates('checkin-form', parts, 'listCheckins');
      const mount = async (viewerId: string, checkinId = '', contractId = 'c-atlas', s = store()) => {
        const el = await fixture<LitElement & { submit(): Promise<void> }>(html`<checkin-form
          .adapter=${adapterFor(viewerId, contractId, s)}
          contract-id=${contractId}
          checkin-id=${checkinId}
          .clock=${clock}
        ></checkin-form>`);
        await waitUntil(() => $(el, '[part~="checkin"], [part~="error"]'), `${viewerId} did not load`);
        await el.updateComplete;
        return el;
      };
      const type = async (el: LitElement, index: number, value: string) => {
        const field = $$(el, 'textarea[part="textarea"]')[index] as HTMLTextAreaElement;
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await el.updateComplete;
      };

      // The talent's open check-in: the form, an empty submit, a helper over typed text.
      const form = await mount('u-kofi');
      parts.record(form, 'talent, open');
      $(form, '[part~="submit"]')!.click();
      await waitUntil(() => $(form, '[part~="error-summary"]'), 'no error summary');
      parts.record(form, 'error summary');
      await type(form, 2, 'Waiting on QA.');
      $(form, '[part~="quick-answer"]')!.click();
      await waitUntil(() => $(form, '[part~="fill-confirm"]'), 'no confirmation before replacing text');
      parts.record(form, 'fill confirm');
      await goOffline(form, parts, '[part~="offline"]');

      // The skip panel.
      const skip = await mount('u-kofi');
      $(skip, '[part~="skip"]')!.click();
      await waitUntil(() => $(skip, '[part~="skip-cancel"]'), 'no skip panel');
      parts.record(skip, 'skip panel');

      // Submitted, then edited.
      const done = await mount('u-kofi');
      await type(done, 0, 'Team roles behind the flag are done.');
      await type(done, 1, 'Release checklist with QA.');
      await type(done, 2, 'None');
      await done.submit();
      await waitUntil(() => $(done, '[part~="edit"]'), 'no "Edit answer"');
      parts.record(done, 'submitted');
      $(done, '[part~="edit"]')!.click();
      await waitUntil(() => $(done, '[part~="cancel-edit"]'), 'no "Cancel editing"');
      parts.record(done, 'editing');

      // The client's and the observer's views; a requested check-in with the client's message.
      parts.record(await mount('u-dana'), 'client');
      parts.record(await mount('u-omar'), 'observer');
      const asking = store();
      const { id } = await adapterFor('u-dana', 'c-atlas', asking).requestUpdate(
        'c-atlas',
        { message: 'How is the release going?' },
        { idempotencyKey: 'manifest-request' },
      );
      const requested = await mount('u-kofi', id, 'c-atlas', asking);
      expect(text($(requested, '[part~="message"]'))).to.contain('How is the release going?');
      parts.record(requested, 'requested');

      expect(parts.undeclared('checkin-form'), `states: ${parts.states.join(', ')}`).to.deep.equal([]);
    });

    it('<checkin-thread>', async () => {
      const parts = new Parts();
      await setupStates('checkin-thread', parts, 'listHistory');
      const mount = async (viewerId: string, contractId = 'c-atlas', adapter = adapterFor(viewerId, contractId)) => {
        const el = await fixture<LitElement>(html`<checkin-thread
          .adapter=${adapter}
          contract-id=${contractId}
          .clock=${clock}
        ></checkin-thread>`);
        await waitUntil(() => $(el, '[role="feed"], [part~="empty"], [role="alert"]'), `${viewerId} did not load`);
        await el.updateComplete;
        return el;
      };

      // The client's view, a reply box, the request panel, then the cooldown after a request.
      const adapter = adapterFor('u-dana');
      const client = await mount('u-dana', 'c-atlas', adapter);
      parts.record(client, 'client');
      $(client, '[part~="reply-button"]')!.click();
      await waitUntil(() => $(client, '[part~="reply-box"]'), 'no reply box');
      parts.record(client, 'reply box');
      $(client, '[part~="request-update"]')!.click();
      await waitUntil(() => $(client, '[part~="request-panel"]'), 'no request panel');
      parts.record(client, 'request panel');
      $$(client, '[part~="request-panel"] button')
        .find((b) => text(b) === 'Send request')!
        .click();
      await waitUntil(() => $(client, '[part~="cooldown"]'), 'no cooldown');
      parts.record(client, 'cooldown');
      await goOffline(client, parts, '[part~="offline"]');

      // A history longer than a page, and its export in progress (the next page never arrives).
      const long = store((data) => {
        const atlas = data.contracts.find((c) => c.id === 'c-atlas')!;
        data.checkins['c-atlas'] = generateHistory(atlas, 45, { now: FIXED, seed: 7 });
      });
      const exporting = adapterFor('u-dana', 'c-atlas', long);
      const exported = await mount('u-dana', 'c-atlas', exporting);
      expect($(exported, '[part~="load-more"]')).to.not.equal(null);
      exporting.faults.hangNext('listHistory');
      $(exported, '[part~="export-markdown"]')!.click();
      await waitUntil(() => text($(exported, '[part~="export-status"]')) !== '', 'no export status');
      parts.record(exported, 'exporting');

      // The talent, the observer, an empty history.
      parts.record(await mount('u-kofi'), 'talent');
      parts.record(await mount('u-omar'), 'observer');
      const empty = await mount('u-dana', 'c-nova');
      expect($(empty, '[part~="empty"]')).to.not.equal(null);
      parts.record(empty, 'empty');

      expect(parts.undeclared('checkin-thread'), `states: ${parts.states.join(', ')}`).to.deep.equal([]);
    });

    it('<checkin-provider>', async () => {
      const parts = new Parts();
      const el = await fixture(html`<checkin-provider .adapter=${adapterFor('u-dana')} contract-id="c-atlas">
        <p>Page content</p>
      </checkin-provider>`);
      parts.record(el, 'providing');
      expect(parts.undeclared('checkin-provider')).to.deep.equal([]);
    });
  });

  describe('declares every --checkin-* property the styles read', () => {
    const shared = propertiesRead([baseStyles]);

    it('finds the shared tokens of src/styles.ts', () => {
      // Guards the check itself: a pattern that matched nothing would pass every element.
      expect(shared.size).to.be.greaterThan(15);
      expect(shared.has('--checkin-color-scheme')).to.equal(true);
    });

    for (const tag of ['checkin-toggle', 'checkin-form', 'checkin-thread', 'checkin-provider'] as const) {
      it(`<${tag}>`, () => {
        const styles = (customElements.get(tag) as unknown as typeof LitElement).elementStyles;
        const read = propertiesRead(styles);
        // The three visible elements build on the shared tokens; the provider renders nothing.
        if (tag !== 'checkin-provider') for (const name of shared) expect(read.has(name), name).to.equal(true);
        const declared = declaredProperties(tag);
        expect([...read].filter((name) => !declared.has(name)).sort()).to.deep.equal([]);
      });
    }
  });
});
