// What the thread does with an entry it hears about (src/elements/checkin-thread/reconcile.ts):
// update what is loaded, insert what is genuinely new, leave what is not loaded to paging.
import { expect } from '@open-wc/testing';
import { compareItems, mergeOlder, placeItem } from '../src/elements/checkin-thread/reconcile.js';
import type { Activity, Checkin, HistoryItem } from '../src/model.js';
import { DANA, checkinOn } from './support/fixtures.js';

const checkin = (id: string, day: number): Checkin => checkinOn(id, day, { status: 'answered' });

function change(id: string, day: number): Activity {
  return {
    id,
    contractId: 'c',
    kind: 'activity',
    at: new Date(Date.UTC(2026, 10, day, 15)).toISOString(),
    actor: DANA,
    change: { type: 'disabled' },
  };
}

// Loaded: the 27th, the 20th (a check-in and a change at the same instant) and the 13th.
const loaded: HistoryItem[] = [checkin('w27', 27), checkin('w20', 20), change('a20', 20), checkin('w13', 13)];

describe('placeItem', () => {
  // [what, item, more pages exist, expected]
  const cases: Array<[string, HistoryItem, boolean, ReturnType<typeof placeItem>]> = [
    [
      'a loaded check-in is updated in place',
      { ...checkin('w20', 20), status: 'skipped' },
      true,
      { action: 'update', index: 1 },
    ],
    ['a loaded change is updated in place', change('a20', 20), false, { action: 'update', index: 2 }],
    ['the oldest loaded is updated, more or not', checkin('w13', 13), true, { action: 'update', index: 3 }],
    ['a newer one goes on top', checkin('w28', 28), true, { action: 'insert', index: 0 }],
    ['a new change goes on top', change('a28', 28), true, { action: 'insert', index: 0 }],
    [
      'a new one inside the loaded span is new since the load',
      checkin('r24', 24),
      true,
      { action: 'insert', index: 1 },
    ],
    ['at a loaded instant, ids decide (between)', change('a21', 20), true, { action: 'insert', index: 2 }],
    ['at a loaded instant, ids decide (lower after)', change('a10', 20), true, { action: 'insert', index: 3 }],
    ['older than the oldest loaded, with more pages: not inserted', checkin('w06', 6), true, { action: 'ignore' }],
    [
      'at the oldest loaded instant with a lower id, more pages: not inserted',
      checkin('w12', 13),
      true,
      { action: 'ignore' },
    ],
    [
      'older than everything, all loaded: genuinely new, at the end',
      checkin('w06', 6),
      false,
      { action: 'insert', index: 4 },
    ],
  ];
  for (const [what, item, more, expected] of cases) {
    it(what, () => {
      expect(placeItem(loaded, item, more)).to.deep.equal(expected);
    });
  }

  it('with nothing loaded: anything while pages exist is left to them; else it is the list', () => {
    expect(placeItem([], checkin('w1', 1), true)).to.deep.equal({ action: 'ignore' });
    expect(placeItem([], checkin('w1', 1), false)).to.deep.equal({ action: 'insert', index: 0 });
  });
});

describe('mergeOlder', () => {
  it('appends a page, takes fresh copies in place and counts what was new', () => {
    const fresh = { ...checkin('w13', 13), status: 'missed' as const };
    const { items, added } = mergeOlder(loaded, [fresh, checkin('w06', 6)]);
    expect(items.map((i) => i.id)).to.deep.equal(['w27', 'w20', 'a20', 'w13', 'w06']);
    expect((items[3] as Checkin).status).to.equal('missed');
    expect(added).to.equal(1);
  });

  it('keeps the list newest first when a page overlaps what is loaded', () => {
    // An older entry that got in out of order (a host's list, a backend paging by offset).
    const skewed = [checkin('w27', 27), checkin('w06', 6)];
    const { items } = mergeOlder(skewed, [checkin('w20', 20), checkin('w13', 13)]);
    expect(items.map((i) => i.id)).to.deep.equal(['w27', 'w20', 'w13', 'w06']);
  });
});

describe('compareItems', () => {
  it('orders by time, newest first, then by id, higher first (the backend’s keyset order)', () => {
    const list = [checkin('w13', 13), change('a20', 20), checkin('w27', 27), checkin('w20', 20)];
    expect(list.sort(compareItems).map((i) => i.id)).to.deep.equal(['w27', 'w20', 'a20', 'w13']);
  });
});
