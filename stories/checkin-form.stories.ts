import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/define/checkin-form.js';
import { MemoryAdapter, MemoryStore, seedDemo, type MemoryData } from '../src/adapters/memory.js';
import { ERROR_CODES, type CheckinErrorCode } from '../src/model.js';
import { DEFAULT_REQUEST_POLICY } from '../src/adapters/resilient.js';

// Reads are tried this many times before a failure is shown: fail every one of them.
const EVERY_TRY = DEFAULT_REQUEST_POLICY.attempts;

// Friday 27 November 2026, 18:00 in Berlin: this week's check-in (16:00 Berlin) has just opened.
const NOW = Date.parse('2026-11-27T17:00:00.000Z');
// Monday after: the same check-in is late.
const MONDAY = Date.parse('2026-11-30T10:00:00.000Z');
// Tuesday 1 December: Nova's check-ins were just turned on and the first is on Friday.
const TUESDAY = Date.parse('2026-12-01T10:00:00.000Z');
const OPEN_ID = 'c-atlas-20261127T150000Z';
const LAST_WEEK_ID = 'c-atlas-20261120T150000Z';
const ANSWERS = [
  { questionId: 'done', text: 'Team roles behind a flag; release checklist drafted with QA.' },
  { questionId: 'next', text: 'Release candidate and the handover notes.' },
  { questionId: 'blockers', text: 'None' },
];

interface World {
  now?: number;
  viewerId?: string;
  contractId?: string;
  data?: (data: MemoryData) => void;
  /** Runs against the store before the element loads (answers, skips, requests). */
  before?: (store: MemoryStore) => void;
  latencyMs?: number;
}

function world({ now = NOW, viewerId = 'u-kofi', contractId = 'c-atlas', data, before, latencyMs }: World = {}) {
  const seed = seedDemo({ now });
  data?.(seed);
  const store = new MemoryStore(seed, { clock: () => now });
  before?.(store);
  const adapter = new MemoryAdapter({ store, viewerId, contractId, latencyMs });
  return { adapter, now, contractId };
}

function form(
  { adapter, now, contractId }: { adapter?: MemoryAdapter; now: number; contractId: string },
  checkinId = '',
): TemplateResult {
  // Stories are independent: a draft left by another story must not show up here.
  localStorage.removeItem(`checkin-elements:draft:${contractId}:${OPEN_ID}:u-kofi`);
  return html`<checkin-form
    .adapter=${adapter}
    .clock=${() => now}
    contract-id=${contractId}
    checkin-id=${checkinId}
  ></checkin-form>`;
}

const nova =
  (settings: Partial<MemoryData['settings'][string]>, now = TUESDAY) =>
  (d: MemoryData) => {
    d.settings['c-nova'] = { ...d.settings['c-nova']!, ...settings };
    d.activeSince = { ...d.activeSince, 'c-nova': new Date(now).toISOString() };
  };

// Play helpers: the element renders into its shadow root after the adapter answers.
async function until<T>(find: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

async function fillAndSubmit(canvas: HTMLElement): Promise<void> {
  const el = canvas.querySelector('checkin-form')!;
  const fields = await until(() => {
    const found = el.shadowRoot?.querySelectorAll<HTMLTextAreaElement>('textarea[part="textarea"]');
    return found?.length ? [...found] : null;
  }, 'the answer fields');
  fields.forEach((field, i) => {
    field.value = ANSWERS[i]?.text ?? '';
    field.dispatchEvent(new Event('input'));
  });
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
}

const meta: Meta = {
  title: 'Elements/checkin-form',
  component: 'checkin-form',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          "The talent answers this week's check-in (or edits the answer until the next prompt), with quick answers, last week's plan, a health value, character counts, an error summary and a draft that survives reloads; the client and observers see the check-in's state. The stories use the memory adapter with a clock fixed at Friday 27 November 2026, 17:00 UTC.",
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const TalentOpen: Story = {
  name: 'Talent: open check-in',
  render: () => form(world()),
};

export const TalentLate: Story = {
  name: 'Talent: late',
  render: () => form(world({ now: MONDAY })),
};

export const TalentRequested: Story = {
  name: "Talent: requested update with the client's message",
  render: () =>
    form(
      world({
        before: (store) => {
          store.session('u-kofi').submitAnswers('c-atlas', OPEN_ID, { answers: ANSWERS }, { idempotencyKey: 's1' });
          store
            .session('u-dana')
            .requestUpdate(
              'c-atlas',
              { message: 'Could you send where the export stands before our 3pm review?' },
              { idempotencyKey: 's2' },
            );
        },
      }),
    ),
};

export const ErrorSummary: Story = {
  name: 'Talent: error summary (empty submit)',
  render: () => form(world()),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('checkin-form')!;
    const submit = await until(
      () => el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="submit"]'),
      'the submit button',
    );
    submit.click();
  },
};

export const Submitting: Story = {
  name: 'Talent: submitting',
  render: () => {
    const w = world();
    w.adapter.faults.hangNext('submitAnswers');
    return form(w);
  },
  play: async ({ canvasElement }) => fillAndSubmit(canvasElement),
};

export const SubmitFailed: Story = {
  name: 'Talent: submit failed',
  argTypes: { code: { control: 'select', options: ERROR_CODES } },
  args: { code: 'unavailable' },
  render: (args) => {
    const w = world();
    w.adapter.faults.failNext('submitAnswers', args.code as CheckinErrorCode);
    return form(w);
  },
  play: async ({ canvasElement }) => fillAndSubmit(canvasElement),
};

export const Offline: Story = {
  name: 'Talent: offline (network failure on submit)',
  render: () => {
    const w = world();
    w.adapter.faults.failNext('submitAnswers', 'network');
    return form(w);
  },
  play: async ({ canvasElement }) => fillAndSubmit(canvasElement),
};

export const EditWindowConflict: Story = {
  name: 'Talent: edit window closed on submit (conflict)',
  render: () => {
    const w = world();
    w.adapter.faults.failNext(
      'submitAnswers',
      'conflict',
      'This check-in can no longer be edited: the next one has opened.',
    );
    return form(w);
  },
  play: async ({ canvasElement }) => fillAndSubmit(canvasElement),
};

export const Submitted: Story = {
  name: 'Talent: submitted',
  render: () => form(world()),
  play: async ({ canvasElement }) => fillAndSubmit(canvasElement),
};

export const Answered: Story = {
  name: 'Talent: answered, editable until the next prompt',
  render: () =>
    form(
      world({
        before: (store) =>
          store
            .session('u-kofi')
            .submitAnswers('c-atlas', OPEN_ID, { answers: ANSWERS, health: 'on-track' }, { idempotencyKey: 's1' }),
      }),
    ),
};

export const EditWindowClosed: Story = {
  name: 'Talent: edit window closed',
  render: () => form(world(), LAST_WEEK_ID),
};

export const Skipped: Story = {
  name: 'Talent: not working this week',
  render: () =>
    form(
      world({
        before: (store) =>
          store
            .session('u-kofi')
            .skipCheckin('c-atlas', OPEN_ID, { note: 'Moving house; back on Monday.' }, { idempotencyKey: 's1' }),
      }),
    ),
};

export const SkipPanel: Story = {
  name: 'Talent: skip with a note',
  render: () => form(world()),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('checkin-form')!;
    (await until(() => el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="skip"]'), 'the skip button')).click();
  },
};

export const RestoredSkipNote: Story = {
  name: 'Talent: skip note restored after a reload',
  render: () => {
    const template = form(world());
    // What a reload finds: a note typed in the "Not working this week" panel 20 minutes ago.
    localStorage.setItem(
      `checkin-elements:draft:c-atlas:${OPEN_ID}:u-kofi`,
      JSON.stringify({
        value: { answers: {}, health: null, skip: { note: 'Moving house this week; back on Monday.', open: true } },
        idempotencyKey: null,
        keyFor: null,
        savedAt: new Date(NOW - 20 * 60_000).toISOString(),
      }),
    );
    return template;
  },
};

export const Refreshing: Story = {
  name: 'Talent: refreshing after a live update',
  render: () => form(world()),
  // The client changes a question; the reload hangs, and the form stays on screen (aria-busy)
  // with no loading placeholder, until it comes back.
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('checkin-form')!;
    await until(() => el.shadowRoot?.querySelector('textarea'), 'the answer fields');
    const adapter = el.adapter as MemoryAdapter;
    adapter.faults.hangNext('getSettings');
    const dana = adapter.store.session('u-dana');
    const settings = dana.getSettings('c-atlas');
    const questions = settings.questions.map((q, i) =>
      i === 0 ? { ...q, prompt: 'What did you ship this week?' } : q,
    );
    dana.updateSettings(
      'c-atlas',
      { questions },
      { expectedVersion: settings.version, idempotencyKey: 'story-refresh' },
    );
    await until(() => el.shadowRoot?.querySelector('[aria-busy="true"][part~="checkin"]'), 'the refresh');
  },
};

export const AnsweredElsewhere: Story = {
  name: 'Talent: answered on another device while typing',
  render: () => form(world()),
  // Half an answer typed here; the talent's phone answers the same check-in. The text stays on
  // screen (and in the draft), and the notice offers the latest.
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('checkin-form')!;
    const field = await until(() => el.shadowRoot?.querySelector('textarea'), 'the answer fields');
    field.value = 'Team roles behind a flag; release';
    field.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const adapter = el.adapter as MemoryAdapter;
    adapter.store
      .session('u-kofi')
      .submitAnswers('c-atlas', OPEN_ID, { answers: ANSWERS }, { idempotencyKey: 'story-elsewhere' });
    await until(() => el.shadowRoot?.querySelector('[part~="newer"]'), 'the notice');
  },
};

export const NoneOpen: Story = {
  name: 'Talent: no check-in open',
  render: () => form(world({ now: TUESDAY, contractId: 'c-nova', data: nova({ enabled: true, consent: 'given' }) })),
};

export const Off: Story = {
  name: 'Talent: check-ins off',
  render: () => form(world({ contractId: 'c-nova' })),
};

export const PendingConsent: Story = {
  name: 'Talent: waiting for consent',
  render: () => form(world({ contractId: 'c-nova', data: nova({ enabled: true, consent: 'pending' }) })),
};

export const RequestWhilePending: Story = {
  name: 'Talent: a request for an update while consent is pending',
  render: () =>
    form(
      world({
        contractId: 'c-nova',
        data: nova({ enabled: true, consent: 'pending' }),
        before: (store) =>
          store
            .session('u-dana')
            .requestUpdate(
              'c-nova',
              { message: 'Could you send a quick status before Monday?' },
              { idempotencyKey: 's-req' },
            ),
      }),
    ),
};

export const RequestWhileOff: Story = {
  name: 'Talent: a request for an update while check-ins are off',
  render: () =>
    form(
      world({
        contractId: 'c-nova',
        before: (store) => store.session('u-dana').requestUpdate('c-nova', {}, { idempotencyKey: 's-req' }),
      }),
    ),
};

export const ClosedByTurningOff: Story = {
  name: "Talent: this week's check-in closed when check-ins were turned off",
  render: () =>
    form(
      world({
        before: (store) => {
          const dana = store.session('u-dana');
          const { version } = dana.getSettings('c-atlas');
          dana.updateSettings('c-atlas', { enabled: false }, { expectedVersion: version, idempotencyKey: 's-off' });
        },
      }),
    ),
};

export const Client: Story = {
  name: 'Client: waiting for the answer',
  render: () => form(world({ viewerId: 'u-dana' })),
};

export const ClientLate: Story = {
  name: 'Client: late',
  render: () => form(world({ viewerId: 'u-dana', now: MONDAY })),
};

export const ClientAnswered: Story = {
  name: 'Client: answered',
  render: () =>
    form(
      world({
        viewerId: 'u-dana',
        before: (store) =>
          store.session('u-kofi').submitAnswers('c-atlas', OPEN_ID, { answers: ANSWERS }, { idempotencyKey: 's1' }),
      }),
    ),
};

export const Observer: Story = {
  name: 'Observer',
  render: () => form(world({ viewerId: 'u-omar' })),
};

export const Loading: Story = {
  name: 'Loading',
  render: () => {
    const w = world();
    w.adapter.faults.hangNext('listCheckins');
    return form(w);
  },
};

export const LoadError: Story = {
  name: 'Load error with retry',
  render: () => {
    const w = world();
    w.adapter.faults.failNext('getSettings', 'unavailable', 'The check-in service is down for maintenance.', EVERY_TRY);
    return form(w);
  },
};

export const Forbidden: Story = {
  name: 'Forbidden (not party to the contract)',
  render: () => form(world({ viewerId: 'u-eve' })),
};

export const NotFound: Story = {
  name: 'Not found (bad checkin-id)',
  render: () => form(world(), 'c-atlas-19990101T000000Z'),
};

export const InvalidData: Story = {
  name: 'Invalid adapter data',
  render: () => {
    const w = world();
    w.adapter.faults.corruptNext('listCheckins', (page) => ({ ...page, items: [{ id: 42 }] }));
    return form(w);
  },
};

export const NoAdapter: Story = {
  name: 'No adapter',
  render: () => html`<checkin-form contract-id="c-atlas"></checkin-form>`,
};

export const NoContract: Story = {
  name: 'No contract id',
  render: () => html`<checkin-form .adapter=${world().adapter}></checkin-form>`,
};

export const Narrow: Story = {
  name: 'Narrow (320 px)',
  render: () => html`<style>
      .narrow {
        width: 320px;
      }
    </style>
    <div class="narrow">${form(world())}</div>`,
};

export const Dark: Story = {
  name: 'Dark',
  render: () => html`<style>
      .dark {
        color-scheme: dark;
        /* The elements follow --checkin-color-scheme (default: the system's); set both. */
        --checkin-color-scheme: dark;
        background: #0d1117;
        padding: 1rem;
      }
    </style>
    <div class="dark">${form(world())}</div>`,
};
