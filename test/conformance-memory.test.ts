/** The conformance kit against the reference: the memory adapter, with its clock. */
import { MemoryAdapter, MemoryStore } from '../src/adapters/memory.js';
import { PEOPLE, defineConformance, worldData } from '../src/conformance/index.js';

defineConformance(
  { describe, it: (title, body) => it(title, body) },
  {
    name: 'MemoryAdapter',
    async open(options) {
      const data = worldData(options);
      const clock = { now: Date.parse(data.now) };
      const store = new MemoryStore(data, { clock: () => clock.now });
      const as = (viewerId: string) => new MemoryAdapter({ store, viewerId, contractId: 'c-1' });
      return {
        client: as(PEOPLE.client),
        talent: as(PEOPLE.talent),
        observer: as(PEOPLE.observer),
        stranger: as(PEOPLE.stranger),
        setClock(instant) {
          clock.now = Date.parse(instant);
        },
      };
    },
  },
);
