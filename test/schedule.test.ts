import { expect } from '@open-wc/testing';
import type { Contract, Schedule } from '../src/model.js';
import {
  assertTimeZone,
  checkEligibility,
  describeSchedule,
  isValidTimeZone,
  localDateOf,
  nextPrompt,
  timeZones,
  upcomingPrompts,
  validateSchedule,
  zoneOffsetMinutes,
} from '../src/schedule/index.js';
import cases from './fixtures/schedule-cases.json';

interface Case {
  id: number;
  zone: string;
  after: string;
  weekday: number;
  time: string;
  expected: string | null;
  note?: string;
  skipDates?: string[];
  pausedUntil?: string | null;
  contract?: Pick<Contract, 'startsAt' | 'endsAt'> | null;
}

const schedule = (change: Partial<Schedule> = {}): Schedule => ({
  weekday: 5,
  time: '09:00',
  timeZone: 'America/New_York',
  skipDates: [],
  pausedUntil: null,
  ...change,
});

const contract = (change: Partial<Contract> = {}): Contract => ({
  id: 'c1',
  title: 'Design system audit',
  kind: 'hourly',
  startsAt: '2025-05-01T00:00:00Z',
  endsAt: null,
  milestoneCount: null,
  client: { id: 'cl', name: 'Ada Client', timeZone: 'Europe/Berlin' },
  talent: { id: 'ta', name: 'Tom Talent', timeZone: 'America/New_York' },
  ...change,
});

/** The instant in the canonical form nextPrompt returns ("...:00.000Z"). */
const iso = (instant: string) => new Date(instant).toISOString();

function expectRangeError(run: () => unknown, ...named: string[]) {
  let error: unknown;
  try {
    run();
  } catch (caught) {
    error = caught;
  }
  expect(error, 'a RangeError').to.be.instanceOf(RangeError);
  for (const name of named) expect((error as Error).message).to.include(name);
}

describe('nextPrompt: the shared table of cases', () => {
  for (const c of cases as Case[]) {
    it(`#${c.id} ${c.zone}: ${c.note ?? ''}`, () => {
      const got = nextPrompt(
        schedule({
          weekday: c.weekday as Schedule['weekday'],
          time: c.time,
          timeZone: c.zone,
          skipDates: c.skipDates ?? [],
          pausedUntil: c.pausedUntil ?? null,
        }),
        c.after,
        c.contract ?? null,
      );
      expect(got).to.equal(c.expected === null ? null : iso(c.expected));
    });
  }

  it('read every case of the table', () => {
    expect((cases as Case[]).length).to.be.greaterThan(9);
  });
});

describe('nextPrompt', () => {
  it('accepts Date and epoch-millisecond instants like ISO strings', () => {
    const after = '2025-05-14T12:00:00Z';
    const expected = '2025-05-16T13:00:00.000Z';
    expect(nextPrompt(schedule(), new Date(after))).to.equal(expected);
    expect(nextPrompt(schedule(), Date.parse(after))).to.equal(expected);
    expect(nextPrompt(schedule(), '2025-05-14T08:00:00-04:00')).to.equal(expected);
  });

  it('is strictly after `after`, to the millisecond', () => {
    expect(nextPrompt(schedule(), '2025-05-16T12:59:59.999Z')).to.equal('2025-05-16T13:00:00.000Z');
    expect(nextPrompt(schedule(), '2025-05-16T13:00:00.000Z')).to.equal('2025-05-23T13:00:00.000Z');
  });

  it('skips skip dates, read as local dates of the schedule zone', () => {
    expect(nextPrompt(schedule({ skipDates: ['2025-05-16'] }), '2025-05-14T12:00:00Z')).to.equal(
      '2025-05-23T13:00:00.000Z',
    );
    expect(nextPrompt(schedule({ skipDates: ['2025-05-16', '2025-05-23'] }), '2025-05-14T12:00:00Z')).to.equal(
      '2025-05-30T13:00:00.000Z',
    );
    // Kiritimati (UTC+14): Friday 2025-05-23 09:00 local is Thursday 2025-05-22 in UTC.
    const kiritimati = { timeZone: 'Pacific/Kiritimati' };
    expect(nextPrompt(schedule({ ...kiritimati, skipDates: ['2025-05-22'] }), '2025-05-15T20:00:00Z')).to.equal(
      '2025-05-22T19:00:00.000Z',
    );
    expect(nextPrompt(schedule({ ...kiritimati, skipDates: ['2025-05-23'] }), '2025-05-15T20:00:00Z')).to.equal(
      '2025-05-29T19:00:00.000Z',
    );
  });

  it('sends nothing before pausedUntil, but a prompt exactly at it', () => {
    const after = '2025-05-14T12:00:00Z';
    expect(nextPrompt(schedule({ pausedUntil: '2025-06-01T00:00:00Z' }), after)).to.equal('2025-06-06T13:00:00.000Z');
    expect(nextPrompt(schedule({ pausedUntil: '2025-05-16T13:00:00.000Z' }), after)).to.equal(
      '2025-05-16T13:00:00.000Z',
    );
    expect(nextPrompt(schedule({ pausedUntil: '2025-05-16T13:00:00.001Z' }), after)).to.equal(
      '2025-05-23T13:00:00.000Z',
    );
    // A pause in the past changes nothing.
    expect(nextPrompt(schedule({ pausedUntil: '2020-01-01T00:00:00Z' }), after)).to.equal('2025-05-16T13:00:00.000Z');
  });

  it('jumps straight to a pause decades away', () => {
    const started = performance.now();
    // 2100-01-01 is a Friday; 09:00 EST.
    expect(nextPrompt(schedule({ pausedUntil: '2100-01-01T00:00:00Z' }), '2025-05-14T12:00:00Z')).to.equal(
      '2100-01-01T14:00:00.000Z',
    );
    expect(performance.now() - started).to.be.lessThan(100);
  });

  it('starts at the contract start and stops at its end (both inclusive)', () => {
    const after = '2025-05-14T12:00:00Z';
    const bounds = (startsAt: string, endsAt: string | null) => ({ startsAt, endsAt });
    expect(nextPrompt(schedule(), after, bounds('2025-06-02T00:00:00Z', null))).to.equal('2025-06-06T13:00:00.000Z');
    expect(nextPrompt(schedule(), after, bounds('2025-05-16T13:00:00Z', null))).to.equal('2025-05-16T13:00:00.000Z');
    expect(nextPrompt(schedule(), after, bounds('2025-05-01T00:00:00Z', '2025-05-16T13:00:00Z'))).to.equal(
      '2025-05-16T13:00:00.000Z',
    );
    expect(nextPrompt(schedule(), after, bounds('2025-05-01T00:00:00Z', '2025-05-16T12:59:59Z'))).to.be.null;
    expect(nextPrompt(schedule(), after, contract({ endsAt: '2025-05-10T00:00:00Z' }))).to.be.null;
    expect(nextPrompt(schedule(), after, null)).to.equal('2025-05-16T13:00:00.000Z');
  });

  it('never prompts twice on the local day of a DST overlap', () => {
    const sunday = schedule({ weekday: 7, time: '01:30' });
    expect(upcomingPrompts(sunday, '2025-10-25T00:00:00Z', 3)).to.deep.equal([
      '2025-10-26T05:30:00.000Z',
      '2025-11-02T05:30:00.000Z', // the first 01:30 (EDT); the second one (EST) is not used
      '2025-11-09T06:30:00.000Z',
    ]);
  });

  it('skips a date the zone never had (Pacific/Apia, Friday 2011-12-30)', () => {
    const apia = { timeZone: 'Pacific/Apia' };
    expect(nextPrompt(schedule(apia), '2011-12-25T00:00:00Z')).to.equal('2012-01-05T19:00:00.000Z');
    // The Thursday before the jump still exists, at UTC-10.
    expect(upcomingPrompts(schedule({ ...apia, weekday: 4 }), '2011-12-20T00:00:00Z', 3)).to.deep.equal([
      '2011-12-22T19:00:00.000Z',
      '2011-12-29T19:00:00.000Z',
      '2012-01-04T19:00:00.000Z',
    ]);
  });

  it('moves a time in a gap that ends after midnight onto the next day (Asia/Dhaka 2009)', () => {
    // Friday 2009-06-19 23:00 +06 became Saturday 00:00 +07: 23:30 is Saturday 00:30 +07.
    const dhaka = schedule({ timeZone: 'Asia/Dhaka', time: '23:30' });
    expect(nextPrompt(dhaka, '2009-06-18T00:00:00Z')).to.equal('2009-06-19T17:30:00.000Z');
    // Even when `after` is already on that Saturday (00:10 +07).
    expect(nextPrompt(dhaka, '2009-06-19T17:10:00Z')).to.equal('2009-06-19T17:30:00.000Z');
    // The skip date names the scheduled Friday, not the Saturday the prompt lands on.
    expect(nextPrompt({ ...dhaka, skipDates: ['2009-06-19'] }, '2009-06-18T00:00:00Z')).to.equal(
      '2009-06-26T16:30:00.000Z',
    );
  });
});

describe('upcomingPrompts', () => {
  it('lists weekly prompts across a DST change', () => {
    expect(upcomingPrompts(schedule(), '2025-02-27T00:00:00Z', 4)).to.deep.equal([
      '2025-02-28T14:00:00.000Z',
      '2025-03-07T14:00:00.000Z',
      '2025-03-14T13:00:00.000Z',
      '2025-03-21T13:00:00.000Z',
    ]);
  });

  it('returns nothing for a count of 0 and stops early at the contract end', () => {
    expect(upcomingPrompts(schedule(), '2025-05-14T12:00:00Z', 0)).to.deep.equal([]);
    expect(
      upcomingPrompts(schedule(), '2025-05-14T12:00:00Z', 10, {
        startsAt: '2025-05-01T00:00:00Z',
        endsAt: '2025-06-01T00:00:00Z',
      }),
    ).to.deep.equal(['2025-05-16T13:00:00.000Z', '2025-05-23T13:00:00.000Z', '2025-05-30T13:00:00.000Z']);
  });

  it('skips dates and honours the pause in every item', () => {
    expect(
      upcomingPrompts(
        schedule({ skipDates: ['2025-05-23'], pausedUntil: '2025-05-15T00:00:00Z' }),
        '2025-05-01T00:00:00Z',
        3,
      ),
    ).to.deep.equal(['2025-05-16T13:00:00.000Z', '2025-05-30T13:00:00.000Z', '2025-06-06T13:00:00.000Z']);
  });
});

describe('checkEligibility', () => {
  const now = '2025-05-02T00:00:00Z';

  it('offers check-ins on open-ended hourly contracts', () => {
    expect(checkEligibility(contract(), undefined, now)).to.deep.equal({
      eligible: true,
      reason: null,
    });
  });

  it('refuses contracts shorter than 14 days, saying how long they are', () => {
    expect(checkEligibility(contract({ endsAt: '2025-05-11T00:00:00Z' }), undefined, now)).to.deep.equal({
      eligible: false,
      reason: 'This contract lasts 10 days; weekly check-ins are offered for contracts of 14 days or more.',
    });
    expect(checkEligibility(contract({ endsAt: '2025-05-14T23:00:00Z' }), undefined, now).reason).to.equal(
      'This contract lasts 13 days; weekly check-ins are offered for contracts of 14 days or more.',
    );
    expect(checkEligibility(contract({ endsAt: '2025-05-02T00:00:00Z' }), undefined, now).reason).to.match(
      /^This contract lasts 1 day;/,
    );
    expect(checkEligibility(contract({ endsAt: '2025-05-15T00:00:00Z' }), undefined, now).eligible).to.be.true;
  });

  it('refuses fixed-price contracts with a single milestone', () => {
    const fixed = (milestoneCount: number | null) => contract({ kind: 'fixed', milestoneCount });
    const single =
      "Fixed-price contracts with a single milestone don't get weekly check-ins; they need 2 milestones or more.";
    expect(checkEligibility(fixed(1), undefined, now)).to.deep.equal({
      eligible: false,
      reason: single,
    });
    expect(checkEligibility(fixed(null), undefined, now).reason).to.equal(single);
    expect(checkEligibility(fixed(2), undefined, now).eligible).to.be.true;
    // The hourly rule has no milestone condition.
    expect(checkEligibility(contract({ milestoneCount: 1 }), undefined, now).eligible).to.be.true;
  });

  it('follows the policy it is given', () => {
    const policy = {
      minContractDays: 7,
      minFixedMilestones: 3,
      consent: 'notify',
      requestUpdateCooldownHours: 24,
    } as const;
    expect(checkEligibility(contract({ endsAt: '2025-05-11T00:00:00Z' }), policy, now).eligible).to.be.true;
    expect(checkEligibility(contract({ kind: 'fixed', milestoneCount: 2 }), policy, now).reason).to.equal(
      "Fixed-price contracts with 2 milestones don't get weekly check-ins; they need 3 milestones or more.",
    );
  });

  it('refuses a contract that has already ended at `now`', () => {
    const ended = contract({ endsAt: '2025-06-30T00:00:00Z' });
    expect(checkEligibility(ended, undefined, '2025-06-30T00:00:00Z')).to.deep.equal({
      eligible: false,
      reason: 'This contract has already ended.',
    });
    expect(checkEligibility(ended, undefined, new Date('2025-06-29T23:59:59Z')).eligible).to.be.true;
  });
});

describe('describeSchedule', () => {
  // Zones without DST, so the viewer's time does not depend on today's date.
  const tokyo = { weekday: 5, time: '09:00', timeZone: 'Asia/Tokyo' } as const;

  it('says the weekday and time in English', () => {
    expect(describeSchedule(tokyo)).to.equal('Fridays at 09:00');
    expect(describeSchedule({ ...tokyo, weekday: 1, time: '17:45' }, { locale: 'en-GB' })).to.equal('Mondays at 17:45');
  });

  it("adds the viewer's time only when it differs", () => {
    expect(describeSchedule(tokyo, { timeZone: 'Asia/Tokyo' })).to.equal('Fridays at 09:00');
    expect(describeSchedule(tokyo, { timeZone: 'Asia/Seoul' })).to.equal('Fridays at 09:00');
    expect(describeSchedule(tokyo, { timeZone: 'Asia/Kolkata' })).to.equal(
      'Fridays at 09:00 (Fridays at 05:30 your time)',
    );
    expect(describeSchedule({ ...tokyo, time: '03:00' }, { timeZone: 'Pacific/Honolulu' })).to.equal(
      'Fridays at 03:00 (Thursdays at 08:00 your time)',
    );
  });

  it("takes the viewer's time on the date `now` says, not today's", () => {
    // Berlin is 6 hours ahead of New York, but 5 in the weeks when only the US is on summer time.
    const berlin = { weekday: 5, time: '16:00', timeZone: 'Europe/Berlin' } as const;
    const newYork = (now: string | number | Date) => describeSchedule(berlin, { timeZone: 'America/New_York', now });
    const summer = 'Fridays at 16:00 (Fridays at 10:00 your time)';
    const mismatch = 'Fridays at 16:00 (Fridays at 11:00 your time)';
    expect(newYork('2026-07-13T12:00:00Z')).to.equal(summer);
    expect(newYork('2026-03-16T12:00:00Z')).to.equal(mismatch);
    expect(newYork(Date.parse('2026-12-07T12:00:00Z'))).to.equal(summer);
    // The next prompt after a Monday in late October is the Friday before New York's switch.
    expect(newYork(new Date('2026-10-26T12:00:00Z'))).to.equal(mismatch);
    expect(newYork('2026-11-02T12:00:00Z')).to.equal(summer);
  });

  it('uses Intl phrasing in other locales', () => {
    expect(describeSchedule(tokyo, { locale: 'de-DE' })).to.equal('Freitag, 09:00');
    expect(describeSchedule(tokyo, { locale: 'de-DE', timeZone: 'Pacific/Honolulu' })).to.equal(
      'Freitag, 09:00 (Donnerstag, 14:00 GMT-10)',
    );
    expect(describeSchedule(tokyo, { locale: 'fr-FR', timeZone: 'Asia/Tokyo' })).to.match(/^vendredi (à )?09:00$/);
  });
});

describe('zones', () => {
  it('gives the local date of an instant', () => {
    expect(localDateOf('2025-05-15T20:00:00Z', 'Pacific/Kiritimati')).to.equal('2025-05-16');
    expect(localDateOf('2025-05-16T03:00:00Z', 'America/New_York')).to.equal('2025-05-15');
    expect(localDateOf(new Date('2025-05-16T03:00:00Z'), 'UTC')).to.equal('2025-05-16');
    expect(localDateOf(Date.UTC(2008, 1, 29, 12), 'Europe/London')).to.equal('2008-02-29');
  });

  it('gives offsets in minutes, including 45-minute and DST ones', () => {
    expect(zoneOffsetMinutes('2025-05-16T00:00:00Z', 'Asia/Kathmandu')).to.equal(345);
    expect(zoneOffsetMinutes('2025-07-01T00:00:00Z', 'America/New_York')).to.equal(-240);
    expect(zoneOffsetMinutes('2025-01-01T00:00:00Z', 'America/New_York')).to.equal(-300);
    expect(zoneOffsetMinutes('2025-01-01T00:00:00Z', 'Pacific/Chatham')).to.equal(825);
    expect(zoneOffsetMinutes('2025-07-01T00:00:00Z', 'Pacific/Chatham')).to.equal(765);
    expect(zoneOffsetMinutes(0, 'UTC')).to.equal(0);
  });

  it('lists the zones, sorted, with UTC', () => {
    const zones = timeZones();
    // Chromium lists some zones under older CLDR names (Asia/Katmandu, Asia/Calcutta).
    expect(zones).to.include.members(['UTC', 'America/New_York', 'Europe/Berlin']);
    expect(zones).to.deep.equal([...zones].sort());
    zones.pop();
    expect(timeZones()).to.have.length(zones.length + 1);
  });

  it('tells valid zones from invalid ones', () => {
    expect(isValidTimeZone('Europe/Berlin')).to.be.true;
    expect(isValidTimeZone('UTC')).to.be.true;
    expect(isValidTimeZone('Mars/Olympus_Mons')).to.be.false;
    expect(isValidTimeZone('')).to.be.false;
    expect(isValidTimeZone(undefined as unknown as string)).to.be.false;
    expect(() => assertTimeZone('Europe/Berlin')).not.to.throw();
  });
});

describe('validateSchedule', () => {
  it('returns a valid schedule, filling a missing skip list and pause', () => {
    expect(validateSchedule(schedule({ skipDates: ['2025-12-26'] }))).to.deep.equal(
      schedule({ skipDates: ['2025-12-26'] }),
    );
    expect(validateSchedule({ weekday: 1, time: '00:00', timeZone: 'UTC' })).to.deep.equal({
      weekday: 1,
      time: '00:00',
      timeZone: 'UTC',
      skipDates: [],
      pausedUntil: null,
    });
  });

  it('names the bad field', () => {
    expectRangeError(() => validateSchedule(null), 'schedule');
    expectRangeError(() => validateSchedule('Fridays'), 'schedule', 'Fridays');
    expectRangeError(() => validateSchedule(schedule({ weekday: 0 as never })), 'weekday', '0');
    expectRangeError(() => validateSchedule(schedule({ time: '9:00' })), 'time', '9:00');
    expectRangeError(() => validateSchedule(schedule({ timeZone: 'Mars/Base' })), 'time zone', 'Mars/Base');
    expectRangeError(() => validateSchedule(schedule({ skipDates: ['2025-02-30'] })), 'skipDates', '2025-02-30');
    expectRangeError(() => validateSchedule(schedule({ skipDates: ['26/12/2025'] })), 'skipDates', '26/12/2025');
    expectRangeError(() => validateSchedule(schedule({ skipDates: '2025-12-26' as never })), 'skipDates');
    expectRangeError(() => validateSchedule(schedule({ pausedUntil: 'soon' })), 'pausedUntil', 'soon');
    expectRangeError(() => validateSchedule(schedule({ pausedUntil: 5 as never })), 'pausedUntil', '5');
  });
});

describe('invalid input', () => {
  const after = '2025-05-14T12:00:00Z';

  for (const zone of ['Mars/Base', '', 'America/New_York ', 'Europe/Berlin/Mitte']) {
    it(`rejects the zone "${zone}" everywhere, naming it`, () => {
      expectRangeError(() => nextPrompt(schedule({ timeZone: zone }), after), 'time zone', `"${zone}"`);
      expectRangeError(() => upcomingPrompts(schedule({ timeZone: zone }), after, 2), `"${zone}"`);
      expectRangeError(() => describeSchedule(schedule({ timeZone: zone })), `"${zone}"`);
      expectRangeError(() => describeSchedule(schedule(), { timeZone: zone }), `"${zone}"`);
      expectRangeError(() => localDateOf(after, zone), `"${zone}"`);
      expectRangeError(() => zoneOffsetMinutes(after, zone), `"${zone}"`);
      expectRangeError(() => assertTimeZone(zone), `"${zone}"`);
    });
  }

  for (const weekday of [0, 8, 2.5, '5', null]) {
    it(`rejects the weekday ${JSON.stringify(weekday)}, naming it`, () => {
      const named = typeof weekday == 'string' ? `"${weekday}"` : String(weekday);
      expectRangeError(() => nextPrompt(schedule({ weekday: weekday as never }), after), 'weekday', named);
      expectRangeError(() => describeSchedule(schedule({ weekday: weekday as never })), 'weekday', named);
    });
  }

  for (const time of ['9:00', '24:00', '12:60', '', '09:00:00', ' 09:00']) {
    it(`rejects the time "${time}", naming it`, () => {
      expectRangeError(() => nextPrompt(schedule({ time }), after), 'time', `"${time}"`);
      expectRangeError(() => describeSchedule(schedule({ time })), 'time', `"${time}"`);
    });
  }

  for (const instant of ['yesterday', '2025-05-14T12:00', '2025-05-14', '']) {
    it(`rejects the instant "${instant}", naming it`, () => {
      expectRangeError(() => nextPrompt(schedule(), instant), 'after', `"${instant}"`);
      expectRangeError(() => upcomingPrompts(schedule(), instant, 1), 'after', `"${instant}"`);
      expectRangeError(() => localDateOf(instant, 'UTC'), `"${instant}"`);
    });
  }

  it('rejects instants that are not dates', () => {
    expectRangeError(() => nextPrompt(schedule(), Number.NaN), 'after', 'NaN');
    expectRangeError(() => nextPrompt(schedule(), new Date('nope')), 'after');
    expectRangeError(() => describeSchedule(schedule(), { timeZone: 'UTC', now: 'soon' }), 'now', 'soon');
    expectRangeError(() => nextPrompt(schedule({ pausedUntil: 'tomorrow' }), after), 'pausedUntil', 'tomorrow');
    expectRangeError(() => nextPrompt(schedule(), after, { startsAt: 'May', endsAt: null }), 'startsAt', 'May');
    expectRangeError(() => checkEligibility(contract({ endsAt: 'June' })), 'endsAt', 'June');
  });

  for (const count of [-1, 1.5, Number.NaN]) {
    it(`rejects the count ${count}, naming it`, () => {
      expectRangeError(() => upcomingPrompts(schedule(), after, count), 'count', String(count));
    });
  }
});
