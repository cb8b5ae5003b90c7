// The words of the paper trail (src/elements/checkin-thread/activity.ts): one sentence per
// change of the settings, in the actor's name or "You" for the reader's own, and the note on a
// check-in that a change closed. A table per change type, for both readers.
import { expect } from '@open-wc/testing';
import { activityText, closedText, slotWords } from '../src/elements/checkin-thread/activity.js';
import type { Activity, ActivityChange, Checkin } from '../src/model.js';

const DANA = { id: 'u-dana', name: 'Dana Whitfield', timeZone: 'America/New_York' };
const KOFI = { id: 'u-kofi', name: 'Kofi Mensah', timeZone: 'Europe/Berlin' };
// Dana reads in New York on a 12-hour clock, Kofi in Berlin on a 24-hour one.
const danaReads = { viewerId: 'u-dana', locale: 'en-US', timeZone: 'America/New_York' };
const kofiReads = { viewerId: 'u-kofi', locale: 'en-GB', timeZone: 'Europe/Berlin' };

function activity(change: ActivityChange, actor = DANA): Activity {
  return { id: 'a1', contractId: 'c-atlas', kind: 'activity', at: '2026-11-27T17:00:00.000Z', actor, change };
}

const BERLIN_FRIDAY = { weekday: 5, time: '16:00', timeZone: 'Europe/Berlin' } as const;
const BERLIN_TUESDAY = { weekday: 2, time: '09:30', timeZone: 'Europe/Berlin' } as const;

describe('activity entries', () => {
  // [what, change, actor, reader, text]
  const cases: Array<[string, ActivityChange, typeof DANA, typeof danaReads, string]> = [
    ['on, by the other', { type: 'enabled' }, DANA, kofiReads, 'Dana Whitfield turned weekly check-ins on.'],
    ['on, by the reader', { type: 'enabled' }, DANA, danaReads, 'You turned weekly check-ins on.'],
    ['off, by the other', { type: 'disabled' }, DANA, kofiReads, 'Dana Whitfield turned weekly check-ins off.'],
    ['off, by the reader', { type: 'disabled' }, DANA, danaReads, 'You turned weekly check-ins off.'],
    [
      'a new day, read in the schedule’s zone',
      { type: 'schedule', from: BERLIN_FRIDAY, to: BERLIN_TUESDAY },
      DANA,
      kofiReads,
      'Dana Whitfield changed the check-in day to Tuesdays at 09:30 Central European Time (Berlin). Before: Fridays at 16:00.',
    ],
    [
      'a new day, read in another zone (and day)',
      { type: 'schedule', from: BERLIN_FRIDAY, to: BERLIN_TUESDAY },
      DANA,
      danaReads,
      'You changed the check-in day to Tuesdays at 9:30 AM Central European Time (Berlin), your time 3:30 AM. Before: Fridays at 4:00 PM.',
    ],
    [
      'a new time, the reader’s day differs',
      { type: 'schedule', from: BERLIN_FRIDAY, to: { ...BERLIN_FRIDAY, time: '02:00' } },
      KOFI,
      danaReads,
      'Kofi Mensah changed the check-in time to Fridays at 2:00 AM Central European Time (Berlin), your time Thursdays at 8:00 PM. Before: Fridays at 4:00 PM.',
    ],
    [
      'a new zone',
      { type: 'schedule', from: BERLIN_FRIDAY, to: { ...BERLIN_FRIDAY, timeZone: 'America/New_York' } },
      DANA,
      kofiReads,
      'Dana Whitfield changed the check-in time zone: now Fridays at 16:00 Eastern Time (New York), your time 22:00. Before: Central European Time (Berlin).',
    ],
    [
      'a pause',
      { type: 'pause', pausedUntil: '2026-12-14T23:00:00.000Z' },
      DANA,
      kofiReads,
      'Dana Whitfield paused weekly check-ins until 15 Dec 2026.',
    ],
    ['the end of a pause', { type: 'pause', pausedUntil: null }, DANA, danaReads, 'You resumed weekly check-ins.'],
    [
      'skip dates added',
      { type: 'skip-dates', added: ['2026-12-25', '2027-01-01'], removed: [] },
      DANA,
      kofiReads,
      'Dana Whitfield cancelled the check-ins of 25 Dec 2026 and 1 Jan 2027.',
    ],
    [
      'skip dates removed',
      { type: 'skip-dates', added: [], removed: ['2026-12-25'] },
      DANA,
      danaReads,
      'You brought back the check-ins of Dec 25, 2026.',
    ],
    [
      'skip dates both ways',
      { type: 'skip-dates', added: ['2027-01-01'], removed: ['2026-12-25'] },
      DANA,
      kofiReads,
      'Dana Whitfield cancelled the check-ins of 1 Jan 2027 and brought back those of 25 Dec 2026.',
    ],
    [
      'many skip dates',
      {
        type: 'skip-dates',
        added: ['2026-12-04', '2026-12-11', '2026-12-18', '2026-12-25', '2027-01-01', '2027-01-08', '2027-01-15'],
        removed: [],
      },
      DANA,
      kofiReads,
      'Dana Whitfield cancelled the check-ins of 4 Dec 2026, 11 Dec 2026, 18 Dec 2026, 25 Dec 2026, 1 Jan 2027 and 2 more.',
    ],
    [
      'questions added and removed',
      { type: 'questions', prompts: ['Done?', 'Demo link?'], previous: ['Done?', 'Blockers?'] },
      DANA,
      kofiReads,
      'Dana Whitfield changed the questions: added “Demo link?”; removed “Blockers?”.',
    ],
    [
      'questions reordered',
      { type: 'questions', prompts: ['B', 'A'], previous: ['A', 'B'] },
      DANA,
      danaReads,
      'You reordered the questions.',
    ],
    [
      'questions’ limits changed',
      { type: 'questions', prompts: ['A', 'B'], previous: ['A', 'B'] },
      DANA,
      kofiReads,
      'Dana Whitfield changed how the questions are answered (required, length or quick answers).',
    ],
    [
      'consent given, by the other',
      { type: 'consent', consent: 'given' },
      KOFI,
      danaReads,
      'Kofi Mensah agreed to weekly check-ins.',
    ],
    [
      'consent given, by the reader',
      { type: 'consent', consent: 'given' },
      KOFI,
      kofiReads,
      'You agreed to weekly check-ins.',
    ],
    ['consent declined', { type: 'consent', consent: 'declined' }, KOFI, kofiReads, 'You declined weekly check-ins.'],
    [
      'declined, by the other',
      { type: 'consent', consent: 'declined' },
      KOFI,
      danaReads,
      'Kofi Mensah declined weekly check-ins.',
    ],
    [
      'consent withdrawn',
      { type: 'consent', consent: 'withdrawn' },
      KOFI,
      kofiReads,
      'You withdrew your consent to weekly check-ins.',
    ],
    [
      'withdrawn, by the other',
      { type: 'consent', consent: 'withdrawn' },
      KOFI,
      danaReads,
      'Kofi Mensah withdrew consent to weekly check-ins.',
    ],
  ];
  for (const [what, change, actor, reader, text] of cases) {
    it(`${what}: ${text}`, () => {
      expect(activityText(activity(change, actor), reader)).to.equal(text);
    });
  }

  it('is neutral without a reader (exports): the actor’s name, never "You"', () => {
    expect(activityText(activity({ type: 'disabled' }), { timeZone: 'UTC', locale: 'en-GB' })).to.equal(
      'Dana Whitfield turned weekly check-ins off.',
    );
  });

  it('shortens an over-long name, and takes the full one when asked', () => {
    const long = { ...DANA, id: 'u-long', name: 'D'.repeat(5000) };
    const short = activityText(activity({ type: 'enabled' }, long), kofiReads);
    expect(short.length).to.be.lessThan(200);
    expect(short).to.match(/^D+… turned weekly check-ins on\.$/);
    const full = activityText(activity({ type: 'enabled' }, long), kofiReads, long.name);
    expect(full.length).to.equal(long.name.length + ' turned weekly check-ins on.'.length);
  });

  it('follows the reader’s DST for "your time" (the first prompt after the change)', () => {
    // 09:30 Berlin is 3:30 AM New York in winter, but 4:30 AM in the three weeks of March when
    // New York has moved its clocks and Berlin has not.
    expect(slotWords(BERLIN_TUESDAY, danaReads, '2027-03-15T00:00:00.000Z')).to.equal(
      'Tuesdays at 9:30 AM Central European Time (Berlin), your time 4:30 AM',
    );
  });
});

describe('closed check-ins', () => {
  const closed = (patch: Partial<Checkin>): Checkin => ({
    id: 'c1',
    contractId: 'c-atlas',
    kind: 'scheduled',
    dueAt: '2026-11-27T15:00:00.000Z',
    status: 'closed',
    requestedBy: DANA,
    answers: null,
    health: null,
    answeredAt: null,
    editedAt: null,
    skipNote: null,
    acknowledgedAt: null,
    replies: [],
    closedAt: '2026-12-02T14:00:00.000Z',
    closedBy: DANA,
    closedReason: 'turned-off',
    ...patch,
  });
  const cases: Array<[Partial<Checkin>, typeof danaReads, string | null]> = [
    [{}, kofiReads, 'Closed: Dana Whitfield turned weekly check-ins off on 2 Dec 2026.'],
    [{}, danaReads, 'Closed: you turned weekly check-ins off on Dec 2, 2026.'],
    [
      { closedBy: KOFI, closedReason: 'declined' },
      danaReads,
      'Closed: Kofi Mensah declined weekly check-ins on Dec 2, 2026.',
    ],
    [{ closedBy: KOFI, closedReason: 'declined' }, kofiReads, 'Closed: you declined weekly check-ins on 2 Dec 2026.'],
    [
      { closedBy: KOFI, closedReason: 'withdrawn' },
      danaReads,
      'Closed: Kofi Mensah withdrew consent to weekly check-ins on Dec 2, 2026.',
    ],
    [
      { closedBy: KOFI, closedReason: 'withdrawn' },
      kofiReads,
      'Closed: you withdrew your consent to weekly check-ins on 2 Dec 2026.',
    ],
    [{ closedBy: null, closedAt: null }, kofiReads, 'Closed: weekly check-ins were turned off.'],
    [{ closedReason: null, closedBy: null }, kofiReads, 'Closed on 2 Dec 2026.'],
    [{ status: 'open' }, kofiReads, null],
  ];
  for (const [patch, reader, text] of cases) {
    it(`${JSON.stringify(patch)} for ${reader.viewerId}: ${text}`, () => {
      expect(closedText(closed(patch), reader)).to.equal(text);
    });
  }
});
