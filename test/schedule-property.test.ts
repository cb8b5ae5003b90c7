import { expect } from '@open-wc/testing';
import { Temporal } from 'temporal-polyfill';
import type { Schedule, Weekday } from '../src/model.js';
import { nextPrompt, upcomingPrompts } from '../src/schedule/index.js';
import { oracleNextPrompt } from './schedule-oracle.js';
import cases from './fixtures/schedule-cases.json';

// A fresh seed each run widens the search; a failure prints it. Set REPLAY to re-run one.
const REPLAY: number | null = null;
const SEED = REPLAY ?? (Math.random() * 2 ** 32) >>> 0;
console.log(`schedule property tests: seed ${SEED}`);

/** mulberry32: small, fast and good enough to spread inputs. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const ZONES = [
  // Half-hour and 45-minute offsets.
  'Asia/Kolkata',
  'Australia/Adelaide',
  'Asia/Kathmandu',
  'Australia/Eucla',
  'Pacific/Chatham',
  'America/St_Johns',
  'Asia/Tehran',
  'Australia/Lord_Howe',
  'Asia/Yangon',
  'Pacific/Marquesas',
  // Near or across the date line.
  'Pacific/Kiritimati',
  'Pacific/Apia',
  'Pacific/Tongatapu',
  'Pacific/Fakaofo',
  'Pacific/Auckland',
  'Pacific/Pago_Pago',
  'Pacific/Kwajalein',
  // DST changes on Fridays, at midnight or at 24:00.
  'Asia/Jerusalem',
  'America/Santiago',
  'America/Havana',
  'Asia/Beirut',
  'Africa/Cairo',
  'America/Asuncion',
  'Asia/Damascus',
  'Asia/Amman',
  'Asia/Gaza',
  'Africa/Casablanca',
  'America/Sao_Paulo',
  'Asia/Dhaka',
  'Europe/Moscow',
  'America/Scoresbysund',
  // Ordinary ones.
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'America/Chicago',
  'America/Mexico_City',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Dublin',
  'Europe/Kyiv',
  'Africa/Lagos',
  'Asia/Tokyo',
  'Asia/Shanghai',
  'Australia/Sydney',
  'Antarctica/Troll',
  'Asia/Riyadh',
];
// Times that fall inside or next to the usual gaps and overlaps.
const EDGE_TIMES = ['00:00', '00:30', '01:00', '01:30', '02:00', '02:30', '03:00', '23:00', '23:30', '23:59'];
const FROM = Date.UTC(1990, 0, 1);
const TO = Date.UTC(2037, 11, 31);

const pad = (n: number) => String(n).padStart(2, '0');
const nextTick = () => new Promise((resolve) => setTimeout(resolve));

interface Input {
  zone: string;
  after: string;
  weekday: Weekday;
  time: string;
}

/** Inputs spread over 1990-2037, about half of them aimed at a transition of the zone. */
function* inputs(random: () => number, count: number): Generator<Input> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  let previous: string | null = null;
  for (let i = 0; i < count; i++) {
    const zone = pick(ZONES);
    let after = FROM + Math.floor(random() * (TO - FROM));
    let weekday = (1 + Math.floor(random() * 7)) as Weekday;
    let time =
      random() < 0.3 ? pick(EDGE_TIMES) : `${pad(Math.floor(random() * 24))}:${pad(Math.floor(random() * 60))}`;
    const aim = random();
    if (aim < 0.45) {
      const transition = Temporal.Instant.fromEpochMilliseconds(after)
        .toZonedDateTimeISO(zone)
        .getTimeZoneTransition('next');
      if (transition) {
        // The local clock just before or at the change: a time in its gap or overlap.
        const local = random() < 0.5 ? transition.subtract({ seconds: 1 }) : transition;
        if (random() < 0.8) weekday = local.dayOfWeek as Weekday;
        if (random() < 0.7) {
          const near = local.toPlainTime().add({ minutes: Math.floor(random() * 120) - 60 });
          time = `${pad(near.hour)}:${pad(near.minute)}`;
        }
        after = transition.epochMilliseconds + Math.floor((random() - 0.6) * 36 * 36e5);
      }
    } else if (aim < 0.55 && previous) {
      // Exactly at, or a millisecond before, a prompt found earlier: the strictly-after edge.
      after = Date.parse(previous) - (random() < 0.5 ? 0 : 1);
    }
    if (random() < 0.3) after -= after % 6e4;
    yield { zone, after: new Date(after).toISOString(), weekday, time };
    previous = oracleNextPrompt({ weekday, time, timeZone: zone }, new Date(after));
  }
}

const schedule = ({ zone, weekday, time }: Input): Schedule => ({
  weekday,
  time,
  timeZone: zone,
  skipDates: [],
  pausedUntil: null,
});

describe('nextPrompt against the Temporal oracle', () => {
  it('the oracle agrees with the shared table of cases', () => {
    for (const c of cases) {
      const expected = new Date(c.expected).toISOString();
      const got = oracleNextPrompt({ weekday: c.weekday as Weekday, time: c.time, timeZone: c.zone }, c.after);
      expect(got, `case #${c.id}`).to.equal(expected);
    }
  });

  it(`agrees on 20,000 random zones, instants, weekdays and times (seed ${SEED})`, async function () {
    this.timeout(120000);
    const random = prng(SEED);
    const failures: string[] = [];
    let count = 0;
    for (const input of inputs(random, 20000)) {
      const ours = nextPrompt(schedule(input), input.after);
      const oracle = oracleNextPrompt(schedule(input), input.after);
      if (ours !== oracle && failures.length < 10) {
        failures.push(JSON.stringify({ ...input, ours, oracle }));
      }
      // Yield now and then so the runner's heartbeat keeps going.
      if (++count % 500 === 0) await nextTick();
    }
    expect(count).to.equal(20000);
    expect(failures, `seed ${SEED}, first mismatches:\n${failures.join('\n')}`).to.deep.equal([]);
  });

  it('agrees with skip dates, pauses and contract bounds on 2,000 random inputs', async function () {
    this.timeout(60000);
    const random = prng(SEED ^ 0x9e3779b9);
    const failures: string[] = [];
    let count = 0;
    for (const input of inputs(random, 2000)) {
      const base = oracleNextPrompt(schedule(input), input.after);
      const near = (spread: number) =>
        new Date(Date.parse(base ?? input.after) + Math.floor((random() - 0.5) * spread)).toISOString();
      const withExtras: Schedule = {
        ...schedule(input),
        // Dates around the first prompt, local to the zone, so that some of them hit.
        skipDates: Array.from({ length: Math.floor(random() * 3) }, () =>
          Temporal.Instant.from(near(20 * 864e5))
            .toZonedDateTimeISO(input.zone)
            .toPlainDate()
            .toString(),
        ),
        pausedUntil: random() < 0.4 ? near(30 * 864e5) : null,
      };
      const bounds =
        random() < 0.5 ? { startsAt: near(20 * 864e5), endsAt: random() < 0.7 ? near(60 * 864e5) : null } : null;
      const ours = nextPrompt(withExtras, input.after, bounds);
      const oracle = oracleNextPrompt(withExtras, input.after, bounds);
      if (ours !== oracle && failures.length < 10) {
        failures.push(JSON.stringify({ ...withExtras, after: input.after, bounds, ours, oracle }));
      }
      if (++count % 250 === 0) await nextTick();
    }
    expect(count).to.equal(2000);
    expect(failures, `seed ${SEED}, first mismatches:\n${failures.join('\n')}`).to.deep.equal([]);
  });

  it('upcomingPrompts is nextPrompt repeated, on 1,000 random inputs', async function () {
    this.timeout(60000);
    const random = prng(SEED ^ 0x85ebca6b);
    let count = 0;
    for (const input of inputs(random, 1000)) {
      const expected: string[] = [];
      let after: string | null = input.after;
      while (expected.length < 4 && (after = oracleNextPrompt(schedule(input), after))) expected.push(after);
      expect(upcomingPrompts(schedule(input), input.after, 4), JSON.stringify(input)).to.deep.equal(expected);
      if (++count % 250 === 0) await nextTick();
    }
  });
});
