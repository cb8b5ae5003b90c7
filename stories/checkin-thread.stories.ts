import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/define/checkin-thread.js';
import { MemoryAdapter, MemoryStore, generateHistory, seedDemo, type MemoryData } from '../src/adapters/memory.js';
import { CheckinError, type Checkin } from '../src/model.js';
import { DEFAULT_REQUEST_POLICY } from '../src/adapters/resilient.js';

// Reads are tried this many times before a failure is shown: fail every one of them.
const EVERY_TRY = DEFAULT_REQUEST_POLICY.attempts;

// Friday 27 November 2026, 17:00 UTC: the week's prompt has just opened, so the thread shows
// every status. A fixed clock makes dates and the request cooldown read the same on every build.
const NOW = Date.parse('2026-11-27T17:00:00.000Z');
const HOUR = 3_600_000;
const clock = () => NOW;

/** The demo world, optionally changed; a deep copy so stories never share objects. */
function world(change?: (data: MemoryData) => void, now: () => number = clock): MemoryStore {
  const data = structuredClone(seedDemo({ now: NOW }));
  change?.(data);
  return new MemoryStore(data, { clock: now });
}

/** Atlas with `count` weeks of generated history. */
function longWorld(count: number): MemoryStore {
  return world((data) => {
    const atlas = data.contracts.find((c) => c.id === 'c-atlas')!;
    data.checkins['c-atlas'] = generateHistory(atlas, count, { now: NOW, seed: 3 });
  });
}

function adapter(viewerId: string, store = world(), contractId = 'c-atlas'): MemoryAdapter {
  return new MemoryAdapter({ store, viewerId, contractId });
}

function thread(a: MemoryAdapter | undefined, contractId = 'c-atlas', checkins?: Checkin[]): TemplateResult {
  return html`<checkin-thread
    .adapter=${a}
    .clock=${clock}
    .checkins=${checkins}
    contract-id=${contractId}
  ></checkin-thread>`;
}

const meta: Meta = {
  title: 'Elements/checkin-thread',
  component: 'checkin-thread',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The check-in history of a contract as an accessible feed (Page Down / Page Up move between entries, Ctrl+Home / Ctrl+End leave the list): answers under their questions, health, statuses in words, skip notes, replies, every change to the settings as a one-line entry in its actor\'s name, closed check-ins with who closed them, the client\'s "Mark as seen" and "Request an update" (in the client\'s name, with the cooldown), paging, live updates and a Markdown / CSV / JSON export of the whole history. The stories use the memory adapter with a clock fixed at Friday 27 November 2026, 17:00 UTC.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Client: Story = {
  name: 'Client (Dana, New York)',
  render: () => thread(adapter('u-dana')),
};

export const Talent: Story = {
  name: 'Talent (Kofi, Berlin)',
  render: () => thread(adapter('u-kofi')),
};

export const Observer: Story = {
  name: 'Observer: read-only',
  render: () => thread(adapter('u-omar')),
};

/** The demo world after Dana moved the check-ins to Tuesdays 09:30 and then turned them off. */
function turnedOff(): MemoryStore {
  const store = world();
  const dana = adapter('u-dana', store);
  void dana
    .getSettings('c-atlas')
    .then((s) =>
      dana.updateSettings(
        'c-atlas',
        { schedule: { ...s.schedule, weekday: 2, time: '09:30' } },
        { expectedVersion: s.version, idempotencyKey: 'story-move' },
      ),
    )
    .then((s) =>
      dana.updateSettings('c-atlas', { enabled: false }, { expectedVersion: s.version, idempotencyKey: 'story-off' }),
    );
  return store;
}

export const PaperTrailTalent: Story = {
  name: 'Paper trail: talent after check-ins were moved and turned off',
  render: () => thread(adapter('u-kofi', turnedOff())),
};

export const PaperTrailClient: Story = {
  name: 'Paper trail: client, her own changes as "You" (New York time)',
  render: () => thread(adapter('u-dana', turnedOff())),
};

export const Loading: Story = {
  render: () => {
    const a = adapter('u-dana');
    a.faults.hangNext('listHistory');
    return thread(a);
  },
};

export const EmptyFirstComing: Story = {
  name: 'Empty: the first check-in is coming',
  render: () =>
    thread(
      adapter(
        'u-dana',
        world((data) => {
          data.checkins['c-atlas'] = [];
          data.activeSince!['c-atlas'] = new Date(NOW).toISOString();
        }),
      ),
    ),
};

export const EmptyOff: Story = {
  name: 'Empty: weekly check-ins are off',
  render: () => thread(adapter('u-dana', world(), 'c-nova'), 'c-nova'),
};

export const LoadError: Story = {
  name: 'Load error (retry)',
  render: () => {
    const a = adapter('u-dana');
    a.faults.failNext('getContract', 'unavailable', undefined, EVERY_TRY);
    return thread(a);
  },
};

export const Offline: Story = {
  name: 'Offline',
  render: () => {
    const a = adapter('u-dana');
    a.faults.failNext('listHistory', 'network', undefined, EVERY_TRY);
    return thread(a);
  },
};

export const Forbidden: Story = {
  name: 'Forbidden (not party to the contract)',
  render: () => thread(adapter('u-eve')),
};

export const LongThread: Story = {
  name: 'Long thread (1,200 check-ins, paged by 20)',
  render: () => thread(adapter('u-dana', longWorld(1200))),
};

export const HostGivenHistory: Story = {
  name: 'Host-given history (10,000 check-ins, windowed)',
  render: () => {
    const a = adapter('u-dana');
    const atlas = seedDemo({ now: NOW }).contracts.find((c) => c.id === 'c-atlas')!;
    return thread(a, 'c-atlas', generateHistory(atlas, 10_000, { now: NOW, seed: 5 }));
  },
};

export const ScrollingFeed: Story = {
  name: 'Scrolling inside a box (loads older on scroll)',
  render: () =>
    html`<style>
        .box checkin-thread {
          --checkin-thread-max-height: 480px;
        }
      </style>
      <div class="box">${thread(adapter('u-dana', longWorld(200)))}</div>`,
};

export const RequestCooldown: Story = {
  name: 'Client: request cooldown',
  render: () => {
    // Dana asked for an update 19 hours ago: she can ask again in 5 hours.
    let now = NOW - 19 * HOUR;
    const store = world(undefined, () => now);
    void adapter('u-dana', store)
      .requestUpdate('c-atlas', { message: 'Quick status before the demo?' }, { idempotencyKey: 'story-request' })
      .finally(() => (now = NOW));
    return thread(adapter('u-dana', store));
  },
};

export const ReplyFails: Story = {
  name: 'Reply fails (type a reply and send it)',
  render: () => {
    const a = adapter('u-kofi');
    a.faults.failNext('reply', 'network');
    return thread(a);
  },
};

export const PagingError: Story = {
  name: 'Paging error (press "Load older")',
  render: () => {
    const a = adapter('u-dana', longWorld(60));
    const firstPages = a.listHistory.bind(a);
    // The first page loads; every older page times out (after the automatic retries).
    a.listHistory = (contractId, options) =>
      options?.cursor
        ? Promise.reject(new CheckinError('timeout', 'The server took too long to answer.'))
        : firstPages(contractId, options);
    return thread(a);
  },
};

export const Dark: Story = {
  name: 'Dark',
  render: () =>
    html`<style>
        .dark-frame {
          color-scheme: dark;
          background: #0d1117;
          padding: 1rem;
        }
        .dark-frame checkin-thread {
          --checkin-color-scheme: dark;
        }
      </style>
      <div class="dark-frame">${thread(adapter('u-dana'))}</div>`,
};

export const Narrow: Story = {
  name: 'Narrow (320 px)',
  render: () =>
    html`<style>
        .narrow {
          max-width: 320px;
        }
      </style>
      <div class="narrow">${thread(adapter('u-kofi'))}</div>`,
};

export const NoAdapter: Story = {
  name: 'No adapter',
  render: () => thread(undefined),
};

export const NoContract: Story = {
  name: 'No contract id',
  render: () => thread(adapter('u-dana'), ''),
};
