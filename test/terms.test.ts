// The one clock and the one locale/zone resolution every element uses.
import { expect } from '@open-wc/testing';
import { browserZone, readClock, viewerTerms } from '../src/elements/terms.js';
import type { Contract, Viewer } from '../src/model.js';

const contract = {
  talent: { id: 't', name: 'Ana', timeZone: 'Asia/Kolkata' },
  client: { id: 'c', name: 'Dana', timeZone: 'America/New_York' },
} as unknown as Contract;
const viewer = (fields: Partial<Viewer>): Viewer => ({ id: 'v', role: 'talent', name: 'Ana', ...fields });

describe('readClock', () => {
  const at = Date.parse('2026-11-27T16:00:00Z');
  const cases: Array<[string, (() => number | string | Date) | undefined, number | 'now']> = [
    ['ms', () => at, at],
    ['an ISO string', () => '2026-11-27T16:00:00Z', at],
    ['a Date', () => new Date(at), at],
    ['no clock', undefined, 'now'],
    ['an invalid string', () => 'soon', 'now'],
  ];
  for (const [name, clock, expected] of cases) {
    it(`reads ${name}`, () => {
      const before = Date.now();
      const value = readClock(clock);
      if (expected === 'now') expect(value).to.be.within(before, Date.now());
      else expect(value).to.equal(expected);
    });
  }
});

describe('viewerTerms', () => {
  const cases: Array<[string, Viewer | undefined, Contract | undefined, { locale?: string; timeZone: string }]> = [
    [
      "the viewer's own",
      viewer({ locale: 'de-DE', timeZone: 'Europe/Berlin' }),
      contract,
      { locale: 'de-DE', timeZone: 'Europe/Berlin' },
    ],
    ["the talent's party zone", viewer({ locale: 'pt-BR' }), contract, { locale: 'pt-BR', timeZone: 'Asia/Kolkata' }],
    [
      "the client's party zone",
      viewer({ role: 'client' }),
      contract,
      { locale: navigator.language, timeZone: 'America/New_York' },
    ],
    [
      "an observer: the browser's",
      viewer({ role: 'observer' }),
      contract,
      { locale: navigator.language, timeZone: browserZone() },
    ],
    ['no contract yet', viewer({}), undefined, { locale: navigator.language, timeZone: browserZone() }],
    ['no viewer yet', undefined, contract, { locale: navigator.language, timeZone: browserZone() }],
    [
      'empty strings count as none',
      viewer({ locale: '', timeZone: '' }),
      contract,
      { locale: navigator.language, timeZone: 'Asia/Kolkata' },
    ],
  ];
  for (const [name, who, on, expected] of cases) {
    it(`resolves ${name}`, () => expect(viewerTerms(who, on)).to.deep.equal(expected));
  }
});
