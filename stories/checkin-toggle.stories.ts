import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/define/checkin-toggle.js';
import { MemoryAdapter, MemoryStore, seedDemo, type MemoryData } from '../src/adapters/memory.js';
import type { Consent, Schedule } from '../src/model.js';
import { DEFAULT_REQUEST_POLICY } from '../src/adapters/resilient.js';

// Reads are tried this many times before a failure is shown: fail every one of them.
const EVERY_TRY = DEFAULT_REQUEST_POLICY.attempts;

// A fixed Monday noon (UTC), so the next prompts and "in 4 days" read the same on every build.
const NOW = Date.parse('2026-11-30T12:00:00.000Z');
const clock = () => NOW;

/**
 * The demo world; `consent` switches c-nova on with the talent's answer in that state, and
 * `schedule` replaces c-nova's schedule.
 */
function world(consent?: Consent, schedule?: Schedule): MemoryStore {
  const data: MemoryData = seedDemo({ now: NOW });
  if (schedule) data.settings['c-nova']!.schedule = schedule;
  if (consent) {
    const nova = data.contracts.find((c) => c.id === 'c-nova')!;
    Object.assign(data.settings['c-nova']!, {
      enabled: true,
      consent,
      version: 2,
      updatedAt: new Date(NOW - 2 * 86_400_000).toISOString(),
      updatedBy: consent === 'pending' ? nova.client : nova.talent,
    });
  }
  return new MemoryStore(data, { clock });
}

function adapter(viewerId: string, contractId: string, store = world()): MemoryAdapter {
  return new MemoryAdapter({ store, viewerId, contractId });
}

function toggle(a: MemoryAdapter | undefined, contractId: string): TemplateResult {
  return html`<checkin-toggle
    .adapter=${a}
    .clock=${clock}
    contract-id=${contractId}
    consent-policy="required"
  ></checkin-toggle>`;
}

// Play helpers: the element renders into its shadow root after the adapter answers.
async function until<T>(find: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
const part = (canvas: HTMLElement, selector: string) =>
  canvas.querySelector('checkin-toggle')?.shadowRoot?.querySelector<HTMLElement>(selector);

async function turnOn(canvas: HTMLElement): Promise<void> {
  (await until(() => part(canvas, '[role="switch"]'), 'the switch')).click();
  const confirm = await until(() => part(canvas, 'dialog[open] button.primary'), 'the confirmation');
  confirm.click();
}

const meta: Meta = {
  title: 'Elements/checkin-toggle',
  component: 'checkin-toggle',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The client switches weekly check-ins on or off and sets their schedule; the talent sees who turned them on, when they will be asked (in their own time) and can accept or decline; observers read a summary. The stories use the memory adapter with a clock fixed at Monday 30 November 2026, 12:00 UTC.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const ClientOff: Story = {
  name: 'Client: off (eligible)',
  render: () => toggle(adapter('u-dana', 'c-nova'), 'c-nova'),
};

export const ClientOn: Story = {
  name: 'Client: on',
  render: () => toggle(adapter('u-dana', 'c-atlas'), 'c-atlas'),
};

export const Confirmation: Story = {
  name: 'Client: confirmation before turning on',
  render: () => toggle(adapter('u-dana', 'c-nova'), 'c-nova'),
  play: async ({ canvasElement }) => {
    (await until(() => part(canvasElement, '[role="switch"]'), 'the switch')).click();
  },
};

export const Saving: Story = {
  name: 'Client: saving (pending)',
  render: () => {
    const a = adapter('u-dana', 'c-nova');
    // The write never answers: the switch stays on and busy.
    a.faults.hangNext('updateSettings');
    return toggle(a, 'c-nova');
  },
  play: ({ canvasElement }) => turnOn(canvasElement),
};

export const FailedSave: Story = {
  name: 'Client: failed save (rolled back)',
  render: () => {
    const a = adapter('u-dana', 'c-nova');
    a.faults.failNext('updateSettings', 'unavailable');
    return toggle(a, 'c-nova');
  },
  play: ({ canvasElement }) => turnOn(canvasElement),
};

export const OfflineSave: Story = {
  name: 'Client: offline while saving',
  render: () => {
    const a = adapter('u-dana', 'c-nova');
    a.faults.failNext('updateSettings', 'network');
    return toggle(a, 'c-nova');
  },
  play: ({ canvasElement }) => turnOn(canvasElement),
};

export const Conflict: Story = {
  name: 'Client: conflict turning on (changed elsewhere)',
  loaders: [
    () => {
      const store = world();
      return { store, mine: adapter('u-dana', 'c-nova', store), other: adapter('u-dana', 'c-nova', store) };
    },
  ],
  render: (_args, { loaded }) => toggle(loaded.mine as MemoryAdapter, 'c-nova'),
  play: async ({ canvasElement, loaded }) => {
    await until(() => part(canvasElement, '[role="switch"]'), 'the switch');
    // Another tab moves the schedule to Tuesdays while this one misses the live update.
    (loaded.mine as MemoryAdapter).faults.dropSubscriptions();
    await (loaded.other as MemoryAdapter).updateSettings(
      'c-nova',
      { schedule: { weekday: 2, time: '10:30', timeZone: 'Europe/Berlin', skipDates: [], pausedUntil: null } },
      { expectedVersion: 1, idempotencyKey: 'story-other-tab' },
    );
    await turnOn(canvasElement);
  },
};

/** Types into one of the element's fields as a person would. */
async function type(canvas: HTMLElement, selector: string, value: string, event = 'input'): Promise<void> {
  const field = await until(() => part(canvas, selector) as HTMLInputElement | null, selector);
  field.value = value;
  field.dispatchEvent(new Event(event, { bubbles: true }));
}

/** Dana edits c-atlas's schedule; meanwhile `change` is saved elsewhere; then she saves. */
function editConflict(change: (store: MemoryStore) => Promise<unknown>): Story {
  return {
    loaders: [
      () => {
        const store = world();
        return { store, mine: adapter('u-dana', 'c-atlas', store) };
      },
    ],
    render: (_args, { loaded }) => toggle(loaded.mine as MemoryAdapter, 'c-atlas'),
    play: async ({ canvasElement, loaded }) => {
      await type(canvasElement, '#weekday', '4', 'change');
      await type(canvasElement, '#time', '14:15');
      await type(canvasElement, '#skip-date', '2026-12-24');
      (await until(() => part(canvasElement, '.skip-add button'), 'Add date')).click();
      await change(loaded.store as MemoryStore);
      (await until(() => part(canvasElement, 'button[type="submit"]'), 'Save schedule')).click();
      await until(() => part(canvasElement, '[part~="conflict"] button'), 'the conflict notice');
    },
  };
}

/** A change saved through a second adapter on the same store (Dana's other tab, or Kofi). */
async function saveElsewhere(
  store: MemoryStore,
  viewerId: string,
  change: Parameters<MemoryAdapter['updateSettings']>[1],
): Promise<void> {
  const other = adapter(viewerId, 'c-atlas', store);
  const { version } = await other.getSettings('c-atlas');
  await other.updateSettings('c-atlas', change, {
    expectedVersion: version,
    idempotencyKey: `story-${viewerId}-${version}`,
  });
}

export const ScheduleConflict: Story = {
  name: 'Client: schedule conflict (edits kept)',
  ...editConflict((store) =>
    saveElsewhere(store, 'u-dana', {
      schedule: { weekday: 2, time: '10:30', timeZone: 'Europe/Berlin', skipDates: ['2026-12-22'], pausedUntil: null },
    }),
  ),
};

export const ScheduleConflictByTalent: Story = {
  name: 'Client: schedule conflict (the talent withdrew consent)',
  ...editConflict((store) => saveElsewhere(store, 'u-kofi', { consent: 'withdrawn' })),
};

export const ScheduleConflictTurnedOff: Story = {
  name: 'Client: schedule conflict (check-ins turned off elsewhere)',
  ...editConflict((store) => saveElsewhere(store, 'u-dana', { enabled: false })),
};

export const ScheduleConflictAfterOwnSwitch: Story = {
  name: 'Client: schedule conflict (latest version is hers, the talent withdrew before)',
  loaders: [
    () => {
      const store = world();
      return { store, mine: adapter('u-dana', 'c-atlas', store) };
    },
  ],
  render: (_args, { loaded }) => toggle(loaded.mine as MemoryAdapter, 'c-atlas'),
  play: async ({ canvasElement, loaded }) => {
    const mine = loaded.mine as MemoryAdapter;
    await type(canvasElement, '#time', '14:15');
    // Kofi withdraws while this tab misses the live update; Dana's switch-off meets a conflict.
    mine.faults.dropSubscriptions();
    await saveElsewhere(loaded.store as MemoryStore, 'u-kofi', { consent: 'withdrawn' });
    const switchOf = () => part(canvasElement, '[role="switch"]');
    (await until(switchOf, 'the switch')).click();
    await until(() => part(canvasElement, '[data-code="conflict"]'), 'the switch conflict');
    // She turns them off again here (it works), then saves her schedule: the edits' base is older.
    switchOf()!.click();
    await until(
      () => switchOf()?.getAttribute('aria-checked') === 'false' && switchOf()?.getAttribute('aria-busy') === 'false',
      'check-ins off',
    );
    (await until(() => part(canvasElement, 'button[type="submit"]'), 'Save schedule')).click();
    await until(() => part(canvasElement, '[part~="conflict"] button'), 'the conflict notice');
  },
};

export const SwitchConflictEditsCantBeSaved: Story = {
  name: "Client: switch conflict on a contract no longer offered (edits can't be saved)",
  loaders: [
    () => {
      // c-atlas as a 7-day contract: not offered, but check-ins are still on.
      const data: MemoryData = seedDemo({ now: NOW });
      const atlas = data.contracts.find((c) => c.id === 'c-atlas')!;
      atlas.startsAt = new Date(NOW - 2 * 86_400_000).toISOString();
      atlas.endsAt = new Date(NOW + 5 * 86_400_000).toISOString();
      const store = new MemoryStore(data, { clock });
      return { store, mine: adapter('u-dana', 'c-atlas', store) };
    },
  ],
  render: (_args, { loaded }) => toggle(loaded.mine as MemoryAdapter, 'c-atlas'),
  play: async ({ canvasElement, loaded }) => {
    await type(canvasElement, '#time', '14:15');
    // Dana's other tab turns check-ins off while this one misses it; she clicks the switch here.
    (loaded.mine as MemoryAdapter).faults.dropSubscriptions();
    await saveElsewhere(loaded.store as MemoryStore, 'u-dana', { enabled: false });
    (await until(() => part(canvasElement, '[role="switch"]'), 'the switch')).click();
    await until(() => part(canvasElement, '[data-code="conflict"]'), 'the conflict notice');
  },
};

export const InvalidInput: Story = {
  name: 'Client: invalid input in the editor',
  render: () => toggle(adapter('u-dana', 'c-nova'), 'c-nova'),
  play: async ({ canvasElement }) => {
    const zone = await until(() => part(canvasElement, '#zone') as HTMLInputElement | null, 'the zone field');
    zone.value = 'Mars/Olympus';
    zone.dispatchEvent(new Event('input', { bubbles: true }));
    const time = part(canvasElement, '#time') as HTMLInputElement;
    time.value = '';
    time.dispatchEvent(new Event('input', { bubbles: true }));
    part(canvasElement, 'button[type="submit"]')?.click();
  },
};

export const SkipAndPause: Story = {
  name: 'Client: skipped dates and a pause',
  render: () =>
    toggle(
      adapter(
        'u-dana',
        'c-nova',
        world(undefined, {
          weekday: 5,
          time: '09:00',
          timeZone: 'Europe/Berlin',
          skipDates: ['2026-12-25', '2027-01-01'],
          // Midnight 10 December in Berlin.
          pausedUntil: '2026-12-09T23:00:00.000Z',
        }),
      ),
      'c-nova',
    ),
};

export const Ineligible: Story = {
  name: 'Client: ineligible contract',
  render: () => toggle(adapter('u-dana', 'c-logo'), 'c-logo'),
};

export const ClientWaitingForConsent: Story = {
  name: 'Client: waiting for consent',
  render: () => toggle(adapter('u-dana', 'c-nova', world('pending')), 'c-nova'),
};

export const ClientDeclined: Story = {
  name: 'Client: talent declined',
  render: () => toggle(adapter('u-dana', 'c-nova', world('declined')), 'c-nova'),
};

export const TalentOn: Story = {
  name: 'Talent: on',
  render: () => toggle(adapter('u-kofi', 'c-atlas'), 'c-atlas'),
};

export const TalentConsent: Story = {
  name: 'Talent: asked to consent',
  render: () => toggle(adapter('u-kofi', 'c-nova', world('pending')), 'c-nova'),
};

export const TalentDeclined: Story = {
  name: 'Talent: declined',
  render: () => toggle(adapter('u-kofi', 'c-nova', world('declined')), 'c-nova'),
};

export const TalentWithdrawn: Story = {
  name: 'Talent: withdrew consent',
  render: () => {
    const store = world('withdrawn');
    return toggle(adapter('u-kofi', 'c-nova', store), 'c-nova');
  },
};

export const WithdrawConfirmation: Story = {
  name: 'Talent: confirming a withdrawal',
  render: () => toggle(adapter('u-kofi', 'c-atlas'), 'c-atlas'),
  play: async ({ canvasElement }) => {
    (await until(() => part(canvasElement, '#withdraw'), 'the withdraw button')).click();
  },
};

export const TalentTurnedOff: Story = {
  name: 'Talent: the client turned check-ins off',
  render: () => {
    const data: MemoryData = seedDemo({ now: NOW });
    const atlas = data.contracts.find((c) => c.id === 'c-atlas')!;
    Object.assign(data.settings['c-atlas']!, {
      enabled: false,
      disabledAt: new Date(NOW - 86_400_000).toISOString(),
      disabledBy: atlas.client,
    });
    return toggle(adapter('u-kofi', 'c-atlas', new MemoryStore(data, { clock })), 'c-atlas');
  },
};

export const TalentOff: Story = {
  name: 'Talent: off',
  render: () => toggle(adapter('u-kofi', 'c-nova'), 'c-nova'),
};

export const Observer: Story = {
  name: 'Observer',
  render: () => toggle(adapter('u-omar', 'c-atlas'), 'c-atlas'),
};

export const LiveBothSides: Story = {
  name: 'Live: client and talent on one store',
  render: () => {
    const store = world();
    return html`<style>
        .pair {
          display: grid;
          gap: 1rem;
          grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
        }
      </style>
      <p>Turn check-ins on as Dana (left): Kofi (right) is asked to accept, and his answer appears on the left.</p>
      <div class="pair">
        ${toggle(adapter('u-dana', 'c-nova', store), 'c-nova')}
        ${toggle(adapter('u-kofi', 'c-nova', store), 'c-nova')}
      </div>`;
  },
};

export const Loading: Story = {
  render: () => {
    const a = adapter('u-dana', 'c-atlas');
    a.faults.hangNext('getSettings');
    return toggle(a, 'c-atlas');
  },
};

export const LoadError: Story = {
  name: 'Load error (with retry)',
  render: () => {
    const a = adapter('u-dana', 'c-atlas');
    a.faults.failNext('getSettings', 'unavailable', undefined, EVERY_TRY);
    return toggle(a, 'c-atlas');
  },
};

export const Offline: Story = {
  name: 'Offline while loading',
  render: () => {
    const a = adapter('u-dana', 'c-atlas');
    a.faults.failNext('getContract', 'network', undefined, EVERY_TRY);
    return toggle(a, 'c-atlas');
  },
};

export const Forbidden: Story = {
  name: 'Forbidden (a stranger)',
  render: () => toggle(adapter('u-eve', 'c-atlas'), 'c-atlas'),
};

export const NotFound: Story = {
  name: 'Contract not found',
  render: () => toggle(adapter('u-dana', 'c-missing'), 'c-missing'),
};

export const NoAdapter: Story = {
  name: 'No adapter',
  render: () => toggle(undefined, 'c-atlas'),
};

export const NoContract: Story = {
  name: 'No contract id',
  render: () => toggle(adapter('u-dana', 'c-atlas'), ''),
};

export const Narrow: Story = {
  name: 'Narrow (320 px)',
  render: () => html`<style>
      .narrow {
        inline-size: 320px;
        outline: 1px dashed #999;
      }
    </style>
    <div class="narrow">${toggle(adapter('u-dana', 'c-atlas'), 'c-atlas')}</div>`,
};

export const Dark: Story = {
  render: () => html`<style>
      .dark {
        /* The elements follow the system by default; this forces their dark tokens. */
        --checkin-color-scheme: dark;
        color-scheme: dark;
        background: #0d1117;
        color: #e6e8eb;
        padding: 1rem;
      }
    </style>
    <div class="dark">
      ${toggle(adapter('u-dana', 'c-atlas'), 'c-atlas')}
      <br />
      ${toggle(adapter('u-kofi', 'c-nova', world('pending')), 'c-nova')}
    </div>`,
};

export const SkipDateRefused: Story = {
  name: 'Client: a skip date that is not a check-in day',
  render: () => toggle(adapter('u-dana', 'c-atlas'), 'c-atlas'),
  play: async ({ canvasElement }) => {
    const input = await until(
      () => part(canvasElement, '#skip-date') as HTMLInputElement | null,
      'the skip-date field',
    );
    // A Thursday; Atlas prompts on Fridays.
    input.value = '2026-12-03';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    part(canvasElement, '.skip-add button')?.click();
  },
};

export const QuestionEditor: Story = {
  name: 'Client: editing the questions, with a field message',
  render: () => toggle(adapter('u-dana', 'c-atlas'), 'c-atlas'),
  play: async ({ canvasElement }) => {
    (await until(() => part(canvasElement, '#add-question'), 'the question editor')).click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    part(canvasElement, '.questions-editor button[type="submit"]')?.click();
  },
};

export const TwoContractsOnOnePage: Story = {
  name: 'Host page: two toggles under an h1, heading-level 2',
  render: () => {
    const store = world();
    return html`<h1>Your contracts</h1>
      ${toggle(adapter('u-dana', 'c-atlas', store), 'c-atlas')} ${toggle(adapter('u-dana', 'c-nova', store), 'c-nova')}`;
  },
};

export const LongTitleAndNames: Story = {
  name: 'Host page: a 20,000-character title and a 5,000-character name',
  render: () => {
    const data: MemoryData = seedDemo({ now: NOW });
    for (const c of data.contracts) {
      c.title = 'Portal rebuild '.repeat(1334).slice(0, 20_000);
      c.talent.name = `Kofi ${'Mensah'.repeat(833)}`;
    }
    return toggle(adapter('u-dana', 'c-atlas', new MemoryStore(data, { clock })), 'c-atlas');
  },
};
