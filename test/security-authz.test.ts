/**
 * Promise 5, "no one acts where they don't belong": the authorization matrix, through the
 * elements. For every role (client, talent, observer, stranger) and every action, the control is
 * absent or disabled for a role that may not act; and a FORCED call, from a host that mis-sets
 * the viewer's role (the adapter below claims a role the store does not grant), is refused by
 * the memory adapter with `forbidden`, shown in the element (role="alert") and dispatched as
 * `checkin-error`, with no effect on the data. The allowed role succeeds (the positive control).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/define/checkin-form.js';
import '../src/define/checkin-thread.js';
import '../src/define/checkin-toggle.js';
import type { CheckinAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter, MemoryStore, seedDemo, type MemoryData } from '../src/adapters/memory.js';
import type { CheckinErrorEvent } from '../src/events.js';
import type { Role } from '../src/model.js';
import { text } from './support/dom.js';

// Friday 27 November 2026, 17:00 UTC: Atlas has an open check-in, an answered one not yet seen,
// and its last requested update is weeks old (no cooldown).
const FIXED = Date.parse('2026-11-27T17:00:00.000Z');
const clock = () => FIXED;
const OPEN_ID = 'c-atlas-20261127T150000Z';
const UNSEEN_ID = 'c-atlas-20261120T150000Z';

type Who = 'client' | 'talent' | 'observer' | 'stranger';
const USERS: Record<Who, string> = {
  client: 'u-dana',
  talent: 'u-kofi',
  observer: 'u-omar',
  stranger: 'u-eve',
};
const WHO: Who[] = ['client', 'talent', 'observer', 'stranger'];

type Action =
  | 'turn on'
  | 'turn off'
  | 'edit schedule'
  | 'accept'
  | 'decline'
  | 'submit answers'
  | 'skip'
  | 'reply'
  | 'acknowledge'
  | 'request update';
/** Who may do what (DESIGN.md, adapter contract). */
const ALLOWED: Record<Action, Who[]> = {
  'turn on': ['client'],
  'turn off': ['client'],
  'edit schedule': ['client'],
  accept: ['talent'],
  decline: ['talent'],
  'submit answers': ['talent'],
  skip: ['talent'],
  reply: ['client', 'talent'],
  acknowledge: ['client'],
  'request update': ['client'],
};
const ACTIONS = Object.keys(ALLOWED) as Action[];

/** Atlas as seeded ('on'), switched off, or on and waiting for the talent's consent. */
type World = 'on' | 'off' | 'pending';
const WORLD: Record<Action, World> = {
  'turn on': 'off',
  'turn off': 'on',
  'edit schedule': 'on',
  accept: 'pending',
  decline: 'pending',
  'submit answers': 'on',
  skip: 'on',
  reply: 'on',
  acknowledge: 'on',
  'request update': 'on',
};
type Tag = 'checkin-toggle' | 'checkin-form' | 'checkin-thread';
const TAG: Record<Action, Tag> = {
  'turn on': 'checkin-toggle',
  'turn off': 'checkin-toggle',
  'edit schedule': 'checkin-toggle',
  accept: 'checkin-toggle',
  decline: 'checkin-toggle',
  'submit answers': 'checkin-form',
  skip: 'checkin-form',
  reply: 'checkin-thread',
  acknowledge: 'checkin-thread',
  'request update': 'checkin-thread',
};
/** The `action` of the checkin-error a refused attempt dispatches. */
const ERROR_ACTION: Record<Action, string> = {
  'turn on': 'update-settings',
  'turn off': 'update-settings',
  'edit schedule': 'update-settings',
  accept: 'update-settings',
  decline: 'update-settings',
  'submit answers': 'submit',
  skip: 'skip',
  reply: 'reply',
  acknowledge: 'acknowledge',
  'request update': 'request-update',
};

function makeStore(world: World): MemoryStore {
  const data: MemoryData = structuredClone(seedDemo({ now: FIXED }));
  const settings = data.settings['c-atlas']!;
  if (world === 'off') {
    settings.enabled = false;
    settings.consent = 'not-needed';
  } else if (world === 'pending') {
    settings.consent = 'pending';
  }
  return new MemoryStore(data, { clock });
}

/**
 * A host that mis-sets the viewer: `getViewer` claims `claimed` for the real user, and reads come
 * from the claimed role's own session (so the element renders that role's controls), but every
 * write goes out as the real user, whom the memory adapter judges by the store alone.
 */
function lyingAdapter(store: MemoryStore, real: Who, claimed: Role): CheckinAdapter {
  const reader = new MemoryAdapter({ store, viewerId: USERS[claimed], contractId: 'c-atlas' });
  const writer = new MemoryAdapter({ store, viewerId: USERS[real], contractId: 'c-atlas' });
  return {
    getViewer: async () => ({ ...(await writer.getViewer()), role: claimed }),
    getContract: (...a) => reader.getContract(...a),
    getSettings: (...a) => reader.getSettings(...a),
    listCheckins: (...a) => reader.listCheckins(...a),
    subscribe: (...a) => reader.subscribe(...a),
    updateSettings: (...a) => writer.updateSettings(...a),
    submitAnswers: (...a) => writer.submitAnswers(...a),
    skipCheckin: (...a) => writer.skipCheckin(...a),
    acknowledge: (...a) => writer.acknowledge(...a),
    requestUpdate: (...a) => writer.requestUpdate(...a),
    reply: (...a) => writer.reply(...a),
  };
}

function template(tag: Tag, adapter: CheckinAdapter): TemplateResult {
  switch (tag) {
    case 'checkin-toggle':
      return html`<checkin-toggle .adapter=${adapter} contract-id="c-atlas" .clock=${clock}></checkin-toggle>`;
    case 'checkin-form':
      return html`<checkin-form .adapter=${adapter} contract-id="c-atlas" .clock=${clock}></checkin-form>`;
    case 'checkin-thread':
      return html`<checkin-thread .adapter=${adapter} contract-id="c-atlas" .clock=${clock}></checkin-thread>`;
  }
}

type Updatable = HTMLElement & { updateComplete: Promise<unknown> };

function ready(el: Element): boolean {
  const root = el.shadowRoot;
  if (!root || root.querySelector('[part~="loading"]')) return false;
  return !!root.querySelector('[role="feed"], [part~="empty"], [part~="base"], [part~="checkin"], [role="alert"]');
}

async function mount(tag: Tag, adapter: CheckinAdapter): Promise<Updatable> {
  const el = await fixture<Updatable>(template(tag, adapter));
  await waitUntil(() => ready(el), `<${tag}> did not load`, { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const buttonNamed = (scope: ParentNode | null | undefined, name: string) =>
  [...(scope?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => text(b) === name) ?? null;

/** The control a person would use for `action`, if the element offers it (usable or not). */
function control(el: Element, action: Action): HTMLElement | null {
  switch (action) {
    case 'turn on':
    case 'turn off':
      return $(el, '[role="switch"]');
    case 'edit schedule':
      return $(el, '[part~="editor"]');
    case 'accept':
      return buttonNamed($(el, '[part~="consent"]'), 'Accept');
    case 'decline':
      return buttonNamed($(el, '[part~="consent"]'), 'Decline');
    case 'submit answers':
      return $(el, '[part~="submit"]');
    case 'skip':
      return $(el, '[part~="skip"]');
    case 'reply':
      return $(el, `article[data-id="${UNSEEN_ID}"] [part~="reply-button"]`);
    case 'acknowledge':
      return $(el, `article[data-id="${UNSEEN_ID}"] [part~="acknowledge"]`);
    case 'request update':
      return $(el, '[part~="request-update"]');
  }
}

/** Offered and usable: present, and neither disabled nor aria-disabled. */
function usable(node: HTMLElement | null): boolean {
  return !!node && !(node as HTMLButtonElement).disabled && node.getAttribute('aria-disabled') !== 'true';
}

function setValue(field: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Uses the control like a person would, up to the adapter call. */
async function perform(el: Updatable, action: Action): Promise<void> {
  switch (action) {
    case 'turn on':
      control(el, action)!.click();
      await el.updateComplete;
      buttonNamed($(el, 'dialog'), 'Turn on check-ins')!.click();
      break;
    case 'turn off':
      control(el, action)!.click();
      break;
    case 'edit schedule':
      setValue($<HTMLInputElement>(el, '#time')!, '10:30');
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part~="editor"] button[type="submit"]')!.click();
      break;
    case 'accept':
    case 'decline':
      control(el, action)!.click();
      break;
    case 'submit answers':
      [...el.shadowRoot!.querySelectorAll<HTMLTextAreaElement>('textarea[id^="q-"]')].forEach((f, i) =>
        setValue(f, `Answer ${i + 1}`),
      );
      control(el, action)!.click();
      break;
    case 'skip':
      control(el, action)!.click();
      await el.updateComplete;
      setValue($<HTMLTextAreaElement>(el, '#skip-note')!, 'Away');
      $<HTMLButtonElement>(el, '[part~="skip-confirm"]')!.click();
      break;
    case 'reply': {
      control(el, action)!.click();
      await el.updateComplete;
      const box = $(el, `article[data-id="${UNSEEN_ID}"] [part~="reply-box"]`)!;
      setValue(box.querySelector('textarea')!, 'A reply');
      box.querySelector<HTMLButtonElement>('[part~="reply-send"]')!.click();
      break;
    }
    case 'acknowledge':
      control(el, action)!.click();
      break;
    case 'request update':
      control(el, action)!.click();
      await el.updateComplete;
      setValue($<HTMLTextAreaElement>(el, '#request-message')!, 'Status please');
      $<HTMLButtonElement>(el, '[part~="request-panel"] button[type="submit"]')!.click();
      break;
  }
}

/** What the store holds that `action` would change, to prove a refusal changed nothing. */
function footprint(store: MemoryStore, action: Action): string {
  const data = store.snapshot();
  const settings = data.settings['c-atlas']!;
  const checkins = data.checkins['c-atlas']!;
  switch (TAG[action]) {
    case 'checkin-toggle':
      return JSON.stringify([settings.enabled, settings.consent, settings.schedule, settings.version]);
    case 'checkin-form':
      return JSON.stringify(checkins.find((c) => c.id === OPEN_ID));
    case 'checkin-thread':
      return JSON.stringify([checkins.length, checkins.find((c) => c.id === UNSEEN_ID)]);
  }
}

const dispatched: Array<{ el: EventTarget | null; event: CheckinErrorEvent }> = [];
const onCheckinError = (e: Event) => dispatched.push({ el: e.target, event: e as CheckinErrorEvent });
const errorsOf = (el: Element) =>
  dispatched.filter((d) => d.el === el).map((d) => `${d.event.detail.action}:${d.event.detail.error.code}`);

const cells = { ui: 0, forced: 0, allowed: 0 };

describe('security: the authorization matrix through the elements', function () {
  this.timeout(20000);

  beforeEach(() => {
    dispatched.length = 0;
    document.addEventListener('checkin-error', onCheckinError);
  });
  afterEach(() => {
    document.removeEventListener('checkin-error', onCheckinError);
    localStorage.clear();
  });
  after(() => {
    console.log(
      `authorization matrix: ${cells.ui} UI cells, ${cells.forced} forced-call cells, ${cells.allowed} allowed-role cells ` +
        `(${cells.ui + cells.forced + cells.allowed} in all)`,
    );
  });

  describe('what each role is offered (honest host)', () => {
    for (const who of WHO) {
      it(`${who}: the controls of exactly the allowed actions`, async () => {
        const offered: Partial<Record<Action, boolean>> = {};
        const mounted = new Map<string, Updatable>();
        for (const action of ACTIONS) {
          const key = `${TAG[action]}|${WORLD[action]}`;
          let el = mounted.get(key);
          if (!el) {
            const store = makeStore(WORLD[action]);
            el = await mount(TAG[action], new MemoryAdapter({ store, viewerId: USERS[who], contractId: 'c-atlas' }));
            mounted.set(key, el);
            if (who === 'stranger') {
              // A stranger is refused at once, and told so.
              expect($(el, '[role="alert"]')?.dataset.code, `${key} for a stranger`).to.equal('forbidden');
              expect(text($(el, '[role="alert"]'))).to.contain("You don't have permission to do this.");
              expect(errorsOf(el)).to.deep.equal(['load:forbidden']);
            }
          }
          offered[action] = usable(control(el, action));
          cells.ui++;
        }
        const expected = Object.fromEntries(ACTIONS.map((a) => [a, ALLOWED[a].includes(who)]));
        expect(offered).to.deep.equal(expected);
        // Each role's view (the stranger's refusal included) is accessible.
        for (const el of mounted.values()) await expect(el).to.be.accessible();
      });
    }
  });

  describe('the allowed role succeeds (positive control)', () => {
    for (const action of ACTIONS) {
      for (const who of ALLOWED[action]) {
        it(`${who}: ${action}`, async () => {
          const store = makeStore(WORLD[action]);
          const before = footprint(store, action);
          const el = await mount(
            TAG[action],
            new MemoryAdapter({ store, viewerId: USERS[who], contractId: 'c-atlas' }),
          );
          await perform(el, action);
          await waitUntil(() => footprint(store, action) !== before, `${action} had no effect`, { timeout: 5000 });
          await el.updateComplete;
          expect(Boolean($(el, '[role="alert"][data-code]')), 'no failure shown').to.equal(false);
          expect(errorsOf(el)).to.deep.equal([]);
          cells.allowed++;
        });
      }
    }
  });

  describe('a forced call (the host claims a role the store does not grant) is refused and shown', () => {
    for (const action of ACTIONS) {
      const refused = WHO.filter((w) => !ALLOWED[action].includes(w));
      it(`${action}: refused for ${refused.join(', ')}`, async () => {
        const claimed = ALLOWED[action][0] as Role;
        for (const real of refused) {
          dispatched.length = 0;
          const store = makeStore(WORLD[action]);
          const before = footprint(store, action);
          const el = await mount(TAG[action], lyingAdapter(store, real, claimed));
          expect(usable(control(el, action)), `${real} claiming ${claimed} is offered "${action}"`).to.equal(true);
          await perform(el, action);
          const forbidden = () =>
            [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="alert"]')].find(
              (a) => a.dataset.code === 'forbidden',
            );
          await waitUntil(forbidden, `${real}: no forbidden alert for ${action}`, { timeout: 5000 });
          expect(text(forbidden()), real).to.contain("You don't have permission to do this.");
          // The adapter's own reason is shown too, not swallowed.
          expect(text(forbidden()).length, real).to.be.greaterThan("You don't have permission to do this.".length);
          expect(errorsOf(el), real).to.deep.equal([`${ERROR_ACTION[action]}:forbidden`]);
          expect(footprint(store, action), `${real}: the data did not change`).to.equal(before);
          cells.forced++;
        }
      });
    }
  });
});
