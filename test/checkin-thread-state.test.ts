// The pure parts of <checkin-thread> (src/elements/checkin-thread/): the request panel and the
// reply drafts (state.ts), the feed's window (feed.ts), the request cooldown (cooldown.ts) and
// the feed keys (feed-keys.ts). Tables, no DOM.
import { expect } from '@open-wc/testing';
import { CheckinError, type Checkin, type HistoryItem } from '../src/model.js';
import { LIMITS } from '../src/limits.js';
import { cooldownHours, cooldownTick, cooldownUntil, latestRequest } from '../src/elements/checkin-thread/cooldown.js';
import { feedMove } from '../src/elements/checkin-thread/feed-keys.js';
import {
  EMPTY_FEED,
  MAX_RENDERED,
  SLICE,
  hasOlder,
  insertAt,
  moreToLoad,
  resetFeed,
  reveal,
  setSize,
  showNewer,
  showOlder,
  type Feed,
} from '../src/elements/checkin-thread/feed.js';
import * as S from '../src/elements/checkin-thread/state.js';

const HOUR = 3_600_000;
const item = (id: string, dueAt = '2026-11-20T15:00:00.000Z', kind: Checkin['kind'] = 'scheduled') =>
  ({ id, kind, dueAt, status: 'answered', replies: [] }) as unknown as Checkin;
const items = (n: number): HistoryItem[] => Array.from({ length: n }, (_, i) => item(`c${i}`));
const win = (feed: Feed) => [feed.start, feed.end];

describe('checkin-thread state: the request panel', () => {
  const failure = new CheckinError('network', 'down');
  const limited = new CheckinError('rate-limited', 'wait', { retryAt: '2026-11-27T18:00:00.000Z' });
  const base: S.RequestPanel = { ...S.REQUEST_CLOSED, text: 'Hi', key: 'k1' };
  const cases: Array<[string, S.RequestPanel, Partial<S.RequestPanel>]> = [
    [
      'toggled open, the last error cleared',
      S.requestToggled({ ...base, error: failure }),
      { open: true, error: null },
    ],
    ['toggled closed', S.requestToggled({ ...base, open: true }), { open: false }],
    ['closed, the message kept', S.requestClosed({ ...base, open: true }), { open: false, text: 'Hi', key: 'k1' }],
    ['typed: a new message is a new write', S.requestTyped(base, 'Hello'), { text: 'Hello', key: undefined }],
    [
      'sending: the key kept, the error cleared',
      S.requestSending({ ...base, error: failure }, 'k2'),
      { key: 'k2', error: null },
    ],
    [
      'sent: closed, emptied, no key',
      S.requestSent({ ...base, open: true }),
      { open: false, text: '', key: undefined },
    ],
    [
      'failed: the key kept for a retry',
      S.requestFailed(base, failure),
      { error: failure, key: 'k1', rateLimitedUntil: null },
    ],
    [
      'rate-limited: a cooldown until retryAt, a new key next time',
      S.requestFailed(base, limited),
      { error: limited, key: undefined, rateLimitedUntil: Date.parse('2026-11-27T18:00:00.000Z') },
    ],
    [
      'rate-limited without retryAt: the cooldown as it was',
      S.requestFailed({ ...base, rateLimitedUntil: 5 }, new CheckinError('rate-limited', 'wait')),
      { key: undefined, rateLimitedUntil: 5 },
    ],
    [
      'reset for another thread: the outcome goes, the panel stays',
      S.requestReset({ ...base, open: true, error: failure, rateLimitedUntil: 5 }),
      { open: true, text: 'Hi', key: 'k1', error: null, rateLimitedUntil: null },
    ],
  ];
  for (const [name, state, expected] of cases) {
    it(name, () => expect(state).to.include(expected));
  }
});

describe('checkin-thread state: reply drafts', () => {
  const failure = new CheckinError('network', 'down');
  const cases: Array<[string, S.ReplyDraft, S.ReplyDraft]> = [
    [
      'typed the same words: the key stays',
      S.draftTyped({ text: 'ok', key: 'k' }, ' ok '),
      { text: ' ok ', key: 'k', error: undefined },
    ],
    [
      'typed other words: a new write',
      S.draftTyped({ text: 'ok', key: 'k' }, 'okay'),
      { text: 'okay', key: undefined, error: undefined },
    ],
    [
      'typed: a validation message goes',
      S.draftTyped({ text: '', error: 'Write' }, 'a'),
      { text: 'a', key: undefined, error: undefined },
    ],
    [
      'typed: the adapter failure stays',
      S.draftTyped({ text: 'a', error: failure }, 'a'),
      { text: 'a', key: undefined, error: failure },
    ],
    ['invalid', S.draftInvalid({ text: '' }, 'Write'), { text: '', error: 'Write' }],
    [
      'sending: keyed, no error',
      S.draftSending({ text: 'a', error: failure }, 'k'),
      { text: 'a', key: 'k', error: undefined },
    ],
    [
      'failed: the words and key kept',
      S.draftFailed({ text: 'a', key: 'k' }, failure),
      { text: 'a', key: 'k', error: failure },
    ],
  ];
  for (const [name, draft, expected] of cases) {
    it(name, () => expect(draft).to.deep.equal(expected));
  }

  const problems: Array<[string, string, RegExp | null]> = [
    ['empty', '', /Write a reply/],
    ['white space only', '  \n ', /Write a reply/],
    ['at the limit', 'x'.repeat(LIMITS.reply), null],
    ['at the limit once trimmed', ` ${'x'.repeat(LIMITS.reply)} `, null],
    [
      'over the limit',
      'x'.repeat(LIMITS.reply + 1),
      new RegExp(`at most ${LIMITS.reply} characters; this one has ${LIMITS.reply + 1}`),
    ],
  ];
  for (const [name, text, expected] of problems) {
    it(`replyProblem: ${name}`, () => {
      const problem = S.replyProblem(text);
      if (expected) expect(problem).to.match(expected);
      else expect(problem).to.equal(null);
    });
  }
});

describe('checkin-thread feed: the rendered window', () => {
  const long = resetFeed(items(200), 'next', 500);
  const cases: Array<[string, Feed, number[]]> = [
    ['a fresh list shows the newest SLICE', long, [0, SLICE]],
    ['a short list shows all', resetFeed(items(4), null, 4), [0, 4]],
    ['older: SLICE more', showOlder(long), [0, 2 * SLICE]],
    ['older: never past the list', showOlder(resetFeed(items(40), null, 40)), [0, 40]],
    [
      'older: the newest dropped past the cap',
      showOlder(showOlder(showOlder(long))),
      [4 * SLICE - MAX_RENDERED, 4 * SLICE],
    ],
    ['newer: SLICE back', showNewer({ ...long, start: 100, end: 150 }), [100 - SLICE, 150]],
    ['newer: never before the first', showNewer({ ...long, start: 10, end: 40 }), [0, 40]],
    [
      'newer: the oldest dropped past the cap',
      showNewer({ ...long, start: 100, end: 190 }),
      [100 - SLICE, 100 - SLICE + MAX_RENDERED],
    ],
    ['reveal: already rendered', reveal(long, 5), [0, SLICE]],
    ['reveal: below the window', reveal(long, 100), [101 - MAX_RENDERED, 101]],
    ['reveal: just below, one SLICE', reveal(long, SLICE), [0, 2 * SLICE]],
    ['reveal: above the window', reveal({ ...long, start: 120, end: 150 }, 10), [10, 10 + MAX_RENDERED]],
  ];
  for (const [name, feed, expected] of cases) {
    it(name, () => expect(win(feed)).to.deep.equal(expected));
  }

  const inserts: Array<[string, Feed, number, number[], number | null]> = [
    ['above the window: the same articles stay', { ...long, start: 10, end: 40 }, 3, [11, 41], 501],
    ['inside the window: it grows', { ...long, start: 0, end: 30 }, 3, [0, 31], 501],
    ['inside a full window: it keeps its size', { ...long, start: 0, end: MAX_RENDERED }, 3, [0, MAX_RENDERED], 501],
    ['just after a window at the end: it grows', resetFeed(items(10), null, null), 10, [0, 11], null],
    ['below a window not at the end: not rendered', { ...long, start: 0, end: 30 }, 31, [0, 30], 501],
  ];
  for (const [name, feed, at, expected, total] of inserts) {
    it(`insertAt: ${name}`, () => {
      const next = insertAt(feed, item('new'), at);
      expect(win(next)).to.deep.equal(expected);
      expect(next.items[at]!.id).to.equal('new');
      expect(next.items.length).to.equal(feed.items.length + 1);
      expect(next.total).to.equal(total);
    });
  }

  const sizes: Array<[string, Feed, number, boolean, boolean, boolean]> = [
    // name, feed, setSize, hasOlder, moreToLoad (adapter), moreToLoad (host)
    ['empty', EMPTY_FEED, 0, false, false, false],
    ['a total known', long, 500, true, true, true],
    ['more than the total says', resetFeed(items(12), null, 10), 12, false, false, false],
    ['no total, more pages', resetFeed(items(12), 'next', null), -1, true, true, true],
    ['no total, all loaded', resetFeed(items(12), null, null), 12, false, false, false],
    ['rendered part of a host list', { ...resetFeed(items(40), null, 40) }, 40, true, false, false],
    ['a host list shorter than its total', resetFeed(items(12), null, 30), 30, false, false, true],
  ];
  for (const [name, feed, size, older, more, moreHost] of sizes) {
    it(`setSize, hasOlder, moreToLoad: ${name}`, () => {
      expect(setSize(feed)).to.equal(size);
      expect(hasOlder(feed)).to.equal(older);
      expect(moreToLoad(feed, false)).to.equal(more);
      expect(moreToLoad(feed, true)).to.equal(moreHost);
    });
  }
});

describe('checkin-thread cooldown', () => {
  const now = Date.parse('2026-11-27T12:00:00.000Z');
  const requested = (dueAt: string) => item(`r-${dueAt}`, dueAt, 'requested');
  const cases: Array<[string, HistoryItem[], number, number | null, number | null]> = [
    ['no request, no rate limit', [item('a')], 24, null, null],
    [
      'a request within the cooldown',
      [requested('2026-11-27T10:00:00.000Z')],
      24,
      null,
      Date.parse('2026-11-28T10:00:00.000Z'),
    ],
    ['a request past the cooldown', [requested('2026-11-26T10:00:00.000Z')], 24, null, null],
    [
      'the latest request counts',
      [requested('2026-11-20T10:00:00.000Z'), requested('2026-11-27T11:00:00.000Z')],
      2,
      null,
      Date.parse('2026-11-27T13:00:00.000Z'),
    ],
    ['scheduled check-ins do not count', [item('w', '2026-11-27T11:00:00.000Z')], 24, null, null],
    ['the backend refused until later', [], 24, now + HOUR, now + HOUR],
    ['the later of the two', [requested('2026-11-27T11:00:00.000Z')], 1, now + 3 * HOUR, now + 3 * HOUR],
    ['a rate limit in the past', [], 24, now - 1, null],
  ];
  for (const [name, list, hours, rateLimitedUntil, expected] of cases) {
    it(name, () => expect(cooldownUntil({ items: list, hours, rateLimitedUntil, now })).to.equal(expected));
  }

  it('reads the latest request once per list', () => {
    const list = [requested('2026-11-27T10:00:00.000Z')];
    expect(latestRequest(list)).to.equal(Date.parse('2026-11-27T10:00:00.000Z'));
    (list[0] as { dueAt: string }).dueAt = '2026-11-01T00:00:00.000Z';
    expect(latestRequest(list), 'the same list, the same answer').to.equal(Date.parse('2026-11-27T10:00:00.000Z'));
    expect(latestRequest([...list])).to.equal(Date.parse('2026-11-01T00:00:00.000Z'));
  });

  const hours: Array<[string, number | undefined, number | undefined, number]> = [
    ['the host wins', 2, 6, 2],
    ['else the backend', undefined, 6, 6],
    ['else the default', undefined, undefined, 24],
  ];
  for (const [name, host, backend, expected] of hours) {
    it(`cooldownHours: ${name}`, () => {
      const settings =
        backend === undefined ? undefined : ({ policy: { requestUpdateCooldownHours: backend } } as never);
      expect(cooldownHours(host === undefined ? undefined : { requestUpdateCooldownHours: host }, settings)).to.equal(
        expected,
      );
    });
  }

  it('cooldownTick: its end, or a minute at most', () => {
    expect(cooldownTick(now + 1000, now)).to.equal(1050);
    expect(cooldownTick(now + 5 * HOUR, now)).to.equal(60_000);
  });
});

describe('checkin-thread feed keys', () => {
  const cases: Array<[string, boolean, ReturnType<typeof feedMove>]> = [
    ['PageDown', false, { to: 'article', index: 5 }],
    ['PageUp', false, { to: 'article', index: 3 }],
    ['PageDown', true, null],
    ['End', true, { to: 'leave', where: 'after' }],
    ['Home', true, { to: 'leave', where: 'before' }],
    ['End', false, null],
    ['ArrowDown', false, null],
  ];
  for (const [key, ctrl, expected] of cases) {
    it(`${ctrl ? 'Ctrl+' : ''}${key}`, () => expect(feedMove(key, ctrl, 4)).to.deep.equal(expected));
  }
});
