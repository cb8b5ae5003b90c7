import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { MemoryAdapter, MemoryStore, seedDemo } from '../src/adapters/memory.js';

// A fixed Monday noon (UTC), so dates and "in 4 days" read the same on every build.
const NOW = Date.parse('2026-11-30T12:00:00.000Z');
const clock = () => NOW;

interface Args {
  viewer: 'u-dana' | 'u-kofi' | 'u-omar' | 'u-eve';
  contract: 'c-atlas' | 'c-nova' | 'c-logo';
}

/**
 * `<checkin-provider>` gives one adapter, contract id and viewer to the elements inside it: the
 * three elements as a contract page would place them, for each side of the contract.
 */
const meta: Meta<Args> = {
  title: 'Elements/checkin-provider',
  component: 'checkin-provider',
  tags: ['autodocs'],
  argTypes: {
    viewer: {
      control: 'select',
      options: ['u-dana', 'u-kofi', 'u-omar', 'u-eve'],
      description: 'Who is looking: client, talent, observer, or someone with no access.',
    },
    contract: {
      control: 'select',
      options: ['c-atlas', 'c-nova', 'c-logo'],
      description: 'On with history, off (consent required), or too short for check-ins.',
    },
  },
  args: { viewer: 'u-dana', contract: 'c-atlas' },
  render: ({ viewer, contract }) => {
    const store = new MemoryStore(seedDemo({ now: NOW }), { clock });
    const adapter = new MemoryAdapter({ store, viewerId: viewer, contractId: contract });
    return html`<checkin-provider .adapter=${adapter} contract-id=${contract}>
      <div class="page">
        <div class="main">
          <checkin-form .clock=${clock}></checkin-form>
          <checkin-thread .clock=${clock}></checkin-thread>
        </div>
        <checkin-toggle .clock=${clock}></checkin-toggle>
      </div>
      <style>
        .page {
          display: grid;
          grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
          gap: 1rem;
          align-items: start;
        }
        .main {
          display: grid;
          gap: 1rem;
        }
        @media (max-width: 700px) {
          .page {
            grid-template-columns: minmax(0, 1fr);
          }
        }
      </style>
    </checkin-provider>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Client: Story = {};
export const Talent: Story = { args: { viewer: 'u-kofi' } };
export const Observer: Story = { args: { viewer: 'u-omar' } };
export const NoAccess: Story = { args: { viewer: 'u-eve' } };
export const CheckinsOff: Story = { args: { contract: 'c-nova' } };
export const Ineligible: Story = { args: { contract: 'c-logo' } };
export const NoAdapter: Story = {
  render: () => html`<checkin-provider contract-id="c-atlas">
    <checkin-toggle></checkin-toggle>
  </checkin-provider>`,
};
