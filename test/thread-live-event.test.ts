// What one live event, or one catch-up, does to the thread on screen
// (src/elements/checkin-thread/live-event.ts and reconcile.ts): tables over the feed, no DOM.
import { expect } from '@open-wc/testing';
import type { CheckinEvent } from '../src/adapters/adapter.js';
import type { Activity, HistoryItem, Page, Reply, Settings } from '../src/model.js';
import { resetFeed, type Feed } from '../src/elements/checkin-thread/feed.js';
import { catchupNews, onLive, type LiveScene } from '../src/elements/checkin-thread/live-event.js';
import { addReply, dedupe, mergeNewest, mergePage, upsertItem } from '../src/elements/checkin-thread/reconcile.js';
import type { Thread } from '../src/elements/checkin-thread/state.js';
import { DANA, checkinOn } from './support/fixtures.js';

const ANA = { id: 'u-ana', name: 'Ana Lima', timeZone: 'Europe/Lisbon' };

const checkin = checkinOn;

function change(id: string, day: number, actor = DANA): Activity {
  return {
    id,
    contractId: 'c',
    kind: 'activity',
    at: new Date(Date.UTC(2026, 10, day, 15)).toISOString(),
    actor,
    change: { type: 'disabled' },
  };
}

const reply = (id: string, author = ANA) =>
  ({ id, author, text: 'hi', createdAt: '2026-11-27T10:00:00.000Z' }) as Reply;
const thread = (fields: Partial<Thread> = {}): Thread =>
  ({
    contractId: 'c',
    viewer: { id: 'u-dana', role: 'client', name: 'Dana Whitfield' },
    contract: { talent: ANA, client: DANA },
    fromHost: false,
    ...fields,
  }) as unknown as Thread;
const ids = (feed: Feed | undefined) => feed?.items.map((c) => c.id);

// Loaded: the 27th, 20th and 13th, older pages still to come (a total of 10).
const loaded = () =>
  resetFeed([checkin('w27', 27), checkin('w20', 20, { status: 'answered' }), checkin('w13', 13)], 'next', 10);
const scene = (fields: Partial<LiveScene> = {}): LiveScene => ({
  feed: loaded(),
  thread: thread(),
  withActivity: true,
  terms: { locale: 'en-US', timeZone: 'UTC' },
  announce: true,
  ...fields,
});

describe('onLive', () => {
  const settings = { contractId: 'c', enabled: true } as Settings;
  const cases: Array<
    [string, LiveScene, CheckinEvent, { ids?: string[]; settings?: Settings; say?: RegExp; total?: number }]
  > = [
    ['settings of the contract', scene(), { type: 'settings', settings }, { settings }],
    [
      'settings of another contract: nothing',
      scene(),
      { type: 'settings', settings: { ...settings, contractId: 'x' } },
      {},
    ],
    [
      'a new check-in: inserted, announced, the total one more',
      scene(),
      { type: 'checkin', checkin: checkin('w28', 28) },
      { ids: ['w28', 'w27', 'w20', 'w13'], say: /New check-in from Dana Whitfield/, total: 11 },
    ],
    [
      'a check-in answered: replaced in place',
      scene(),
      { type: 'checkin', checkin: checkin('w27', 27, { status: 'answered' }) },
      { ids: ['w27', 'w20', 'w13'], say: /Ana Lima answered a check-in/, total: 10 },
    ],
    [
      'a check-in skipped',
      scene(),
      { type: 'checkin', checkin: checkin('w27', 27, { status: 'skipped' }) },
      { ids: ['w27', 'w20', 'w13'], say: /Ana Lima skipped a check-in/ },
    ],
    [
      'another change to a loaded check-in: replaced, not announced',
      scene(),
      {
        type: 'checkin',
        checkin: checkin('w20', 20, { status: 'answered', acknowledgedAt: '2026-11-21T00:00:00.000Z' }),
      },
      { ids: ['w27', 'w20', 'w13'] },
    ],
    ['an old one not loaded: left to paging', scene(), { type: 'checkin', checkin: checkin('w6', 6) }, {}],
    [
      'a check-in of another contract',
      scene(),
      { type: 'checkin', checkin: checkin('x', 28, { contractId: 'x' }) },
      {},
    ],
    [
      'held during the load: applied, not announced',
      scene({ announce: false }),
      { type: 'checkin', checkin: checkin('w28', 28) },
      { ids: ['w28', 'w27', 'w20', 'w13'] },
    ],
    [
      'a reply from someone else: added and announced',
      scene(),
      { type: 'reply', checkinId: 'w20', reply: reply('r1') },
      { ids: ['w27', 'w20', 'w13'], say: /New reply from Ana Lima/ },
    ],
    [
      'the viewer’s own reply: added, not announced',
      scene(),
      { type: 'reply', checkinId: 'w20', reply: reply('r1', DANA) },
      { ids: ['w27', 'w20', 'w13'] },
    ],
    ['a reply to a check-in not loaded', scene(), { type: 'reply', checkinId: 'w6', reply: reply('r1') }, {}],
    [
      'a change by someone else: inserted with its words',
      scene(),
      { type: 'activity', activity: change('a21', 21, ANA) },
      { ids: ['w27', 'a21', 'w20', 'w13'], say: /Ana Lima turned weekly check-ins off/ },
    ],
    [
      'the viewer’s own change: inserted, not announced',
      scene(),
      { type: 'activity', activity: change('a21', 21) },
      { ids: ['w27', 'a21', 'w20', 'w13'] },
    ],
    [
      'a change without listHistory: not shown',
      scene({ withActivity: false }),
      { type: 'activity', activity: change('a21', 21, ANA) },
      {},
    ],
    [
      'a change over a host’s list: not shown',
      scene({ thread: thread({ fromHost: true }) }),
      { type: 'activity', activity: change('a21', 21, ANA) },
      {},
    ],
    ['stale: nothing here (the host catches up)', scene(), { type: 'stale' }, {}],
  ];
  for (const [name, given, event, expected] of cases) {
    it(name, () => {
      const outcome = onLive(given, event);
      expect(ids(outcome.feed)).to.deep.equal(expected.ids);
      expect(outcome.settings).to.equal(expected.settings);
      if (expected.say) expect(outcome.say).to.match(expected.say);
      else expect(outcome.say).to.equal(undefined);
      if (expected.total !== undefined) expect(outcome.feed?.total).to.equal(expected.total);
    });
  }
});

describe('reconcile: what reaches the feed', () => {
  it('upsertItem: update, insert or ignore', () => {
    const feed = loaded();
    expect(upsertItem(feed, checkin('w20', 20), false).action).to.equal('update');
    expect(upsertItem(feed, checkin('w24', 24), false).action).to.equal('insert');
    expect(upsertItem(feed, checkin('w6', 6), false)).to.deep.equal({ feed, action: 'ignore' });
    const all = { ...feed, nextCursor: null, total: 3 };
    expect(upsertItem(all, checkin('w6', 6), false).action, 'everything loaded: new').to.equal('insert');
    const host = { ...all, total: 9 };
    expect(upsertItem(host, checkin('w6', 6), true).action, 'beyond the host’s part').to.equal('ignore');
  });

  it('addReply: once, and only to a loaded check-in', () => {
    const once = addReply(loaded(), 'w20', reply('r1'), false);
    expect(once.added).to.equal(true);
    const twice = addReply(once.feed, 'w20', reply('r1'), false);
    expect([twice.added, twice.feed]).to.deep.equal([false, once.feed]);
    expect(addReply(loaded(), 'w6', reply('r1'), false).added).to.equal(false);
  });

  it('dedupe keeps the first of each id', () => {
    expect(dedupe([checkin('a', 3), checkin('b', 2), checkin('a', 1)]).map((c) => c.dueAt.slice(8, 10))).to.deep.equal([
      '03',
      '02',
    ]);
  });

  const page = (items: HistoryItem[], nextCursor: string | null, total: number | null): Page<HistoryItem> => ({
    items,
    nextCursor,
    total,
  });
  const pages: Array<[string, Feed, Page<HistoryItem>, string[], number[], number, number | null]> = [
    [
      'appended, the window at the end takes them',
      loaded(),
      page([checkin('w6', 6)], null, 4),
      ['w27', 'w20', 'w13', 'w6'],
      [0, 4],
      1,
      4,
    ],
    [
      'a fresh copy replaces the one here',
      loaded(),
      page([checkin('w13', 13, { status: 'missed' }), checkin('w6', 6)], 'n2', null),
      ['w27', 'w20', 'w13', 'w6'],
      [0, 4],
      1,
      10,
    ],
    [
      'a window short of the end stays',
      {
        ...resetFeed(
          Array.from({ length: 40 }, (_, i) => checkin(`x${i}`, 27)),
          'n',
          50,
        ),
      },
      page([checkin('w6', 6)], null, null),
      [],
      [0, 30],
      1,
      50,
    ],
  ];
  for (const [name, feed, next, order, window, added, total] of pages) {
    it(`mergePage: ${name}`, () => {
      const merged = mergePage(feed, next);
      if (order.length) expect(ids(merged.feed)).to.deep.equal(order);
      expect([merged.feed.start, merged.feed.end]).to.deep.equal(window);
      expect(merged.added).to.equal(added);
      expect(merged.feed.total).to.equal(total);
    });
  }

  const catchups: Array<[string, Page<HistoryItem>, string, string[], number | null, RegExp | undefined]> = [
    [
      'nothing new',
      page([checkin('w27', 27), checkin('w20', 20)], 'n', 10),
      'merge',
      ['w27', 'w20', 'w13'],
      10,
      undefined,
    ],
    [
      'one new',
      page([checkin('w28', 28), checkin('w27', 27)], 'n', 11),
      'merge',
      ['w28', 'w27', 'w20', 'w13'],
      11,
      /^1 new check-in\.$/,
    ],
    [
      'two new',
      page([checkin('w29', 29), checkin('w28', 28), checkin('w27', 27)], 'n', 12),
      'merge',
      ['w29', 'w28', 'w27', 'w20', 'w13'],
      12,
      /^2 new check-ins\.$/,
    ],
    [
      'a page with no overlap and more behind it: start again',
      page([checkin('w40', 40), checkin('w39', 39)], 'n', 30),
      'reset',
      ['w40', 'w39'],
      30,
      /brought up to date/,
    ],
    [
      'no overlap but nothing behind it: merged',
      page([checkin('w28', 28)], null, null),
      'merge',
      ['w28', 'w27', 'w20', 'w13'],
      11,
      /^1 new check-in\.$/,
    ],
  ];
  for (const [name, fresh, action, order, total, say] of catchups) {
    it(`mergeNewest: ${name}`, () => {
      const result = mergeNewest(loaded(), fresh, false);
      expect(result.action).to.equal(action);
      expect(ids(result.feed)).to.deep.equal(order);
      expect(result.feed.total).to.equal(total);
      const news = catchupNews(result);
      if (say) expect(news).to.match(say);
      else expect(news).to.equal(undefined);
    });
  }
});
