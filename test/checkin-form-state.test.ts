// The form's decisions on their own (no DOM): the load's, the writes' and the typed text's
// reducers, reconciling a fresh load with what is on screen, and what a live event does.
import { expect } from '@open-wc/testing';
import { CheckinError, type Checkin, type Settings } from '../src/model.js';
import {
  decideLive,
  judge,
  loadedView,
  reconcile,
  sameSubject,
  type LiveDecision,
  type LiveInput,
  type LoadContext,
} from '../src/elements/checkin-form/reconcile.js';
import {
  EMPTY_ENTRY,
  NO_LOAD,
  NO_OUTCOMES,
  askLoad,
  clearFailure,
  deferToWrite,
  doneOf,
  editStarted,
  failureOf,
  fillEntry,
  filledText,
  fillsAtOnce,
  finishLoad,
  hasUnsent,
  heardTaken,
  heardWhileLoading,
  loadFailed,
  loadShown,
  startLoad,
  stronger,
  takeDeferred,
  valueOf,
  withRefocus,
  writeFailed,
  writeSent,
  wroteWhileLoading,
  type Entry,
  type LoadArgs,
  type Loaded,
  type Outcomes,
} from '../src/elements/checkin-form/state.js';

const failure = new CheckinError('unavailable', 'down');
const ARGS: LoadArgs = [undefined, 'c-1', ''];

function checkin(id: string, status: Checkin['status'], dueAt = '2026-11-27T15:00:00Z'): Checkin {
  return { id, contractId: 'c-1', status, dueAt, kind: 'scheduled' } as unknown as Checkin;
}

const SETTINGS = {
  enabled: true,
  consent: 'given',
  questions: [],
  schedule: { weekday: 5, time: '16:00', timeZone: 'UTC' },
  version: 1,
} as unknown as Settings;

function loaded(target: Checkin | null, checkins: Checkin[] = target ? [target] : [], role = 'talent'): Loaded {
  return {
    viewer: { id: 'u-1', role } as unknown as Loaded['viewer'],
    contract: { id: 'c-1' } as unknown as Loaded['contract'],
    settings: SETTINGS,
    checkins,
    target,
  };
}

describe('checkin-form state: the load', () => {
  it('takes whether the talent asked for it when a load starts, and forgets it for the next', () => {
    const run = {};
    const started = startLoad(askLoad(NO_LOAD, true), run, true);
    expect(started).to.include({
      phase: 'loading',
      chosen: true,
      focusAtStart: true,
      asked: false,
      changed: null,
      wrote: false,
    });
    expect(startLoad(NO_LOAD, {}, false)).to.include({ chosen: false });
  });

  it('keeps the strongest news heard while loading, and nothing while idle', () => {
    const rows: Array<[Parameters<typeof stronger>[0], Parameters<typeof stronger>[1], string | null]> = [
      [null, null, null],
      [null, 'contract', 'contract'],
      ['contract', 'checkin', 'checkin'],
      ['checkin', 'contract', 'checkin'],
    ];
    for (const [a, b, want] of rows) expect(stronger(a, b), `${a} + ${b}`).to.equal(want);
    const loading = heardWhileLoading(heardWhileLoading(startLoad(NO_LOAD, {}, false), 'checkin'), 'contract');
    expect(loading).to.include({ changed: 'checkin' });
    expect(heardTaken(loading)).to.include({ changed: null });
    expect(heardWhileLoading(NO_LOAD, 'checkin')).to.equal(NO_LOAD);
  });

  it('marks a write that went out while loading, and only then', () => {
    expect(wroteWhileLoading(startLoad(NO_LOAD, {}, false))).to.include({ wrote: true });
    expect(wroteWhileLoading(NO_LOAD)).to.equal(NO_LOAD);
  });

  it('sets a refresh aside for a write (dropping what the load heard), and takes it up', () => {
    const loading = heardWhileLoading(startLoad(NO_LOAD, {}, false), 'contract');
    expect(deferToWrite(loading)).to.include({ afterWrite: true, changed: null });
    expect(deferToWrite(NO_LOAD)).to.include({ phase: 'idle', afterWrite: true });
    expect(takeDeferred(deferToWrite(NO_LOAD))).to.include({ afterWrite: false });
  });

  it('remembers what is on screen until a load fails', () => {
    const shown = loadShown(NO_LOAD, ARGS);
    expect(shown.of).to.equal(ARGS);
    expect(loadFailed(shown).of).to.equal(null);
  });

  it('ends only its own run, keeping what lasts beyond it', () => {
    const run = {};
    const loading = withRefocus(deferToWrite(loadShown(startLoad(NO_LOAD, run, false), ARGS)), true);
    expect(finishLoad(loading, {})).to.equal(loading);
    expect(finishLoad(loading, run)).to.deep.equal({
      phase: 'idle',
      of: ARGS,
      asked: false,
      afterWrite: true,
      refocus: true,
    });
    expect(finishLoad(NO_LOAD, run)).to.equal(NO_LOAD);
  });
});

describe('checkin-form state: the writes', () => {
  const rows: Array<[string, (o: Outcomes) => Outcomes, Outcomes, 'submitted' | 'skipped' | null]> = [
    ['submit sent', (o) => writeSent(o, 'submit'), { ...NO_OUTCOMES, submit: { kind: 'sent' } }, 'submitted'],
    ['skip sent', (o) => writeSent(o, 'skip'), { ...NO_OUTCOMES, skip: { kind: 'sent' } }, 'skipped'],
    [
      'submit after a skip confirmation',
      (o) => writeSent(writeSent(o, 'skip'), 'submit'),
      { ...NO_OUTCOMES, submit: { kind: 'sent' } },
      'submitted',
    ],
    [
      'a message sent ends the submit failure',
      (o) => writeSent(writeFailed(o, 'submit', failure), 'reply'),
      { ...NO_OUTCOMES, reply: { kind: 'sent' } },
      null,
    ],
    [
      'a failure is cleared, a confirmation is not',
      (o) => clearFailure(clearFailure(writeFailed(writeSent(o, 'submit'), 'skip', failure), 'skip'), 'submit'),
      { ...NO_OUTCOMES, submit: { kind: 'sent' } },
      'submitted',
    ],
    [
      'editing again drops both confirmations and the submit failure, not the skip failure',
      (o) => editStarted(writeFailed(writeSent(o, 'submit'), 'skip', failure)),
      { ...NO_OUTCOMES, skip: { kind: 'failed', error: failure } },
      null,
    ],
  ];
  for (const [name, step, want, done] of rows) {
    it(name, () => {
      const got = step(NO_OUTCOMES);
      expect(got).to.deep.equal(want);
      expect(doneOf(got)).to.equal(done);
    });
  }

  it('keeps each failure apart (a failed skip and a failed submit show both)', () => {
    const both = writeFailed(writeFailed(NO_OUTCOMES, 'skip', failure), 'submit', failure);
    expect(failureOf(both, 'skip')).to.equal(failure);
    expect(failureOf(both, 'submit')).to.equal(failure);
    expect(failureOf(both, 'reply')).to.equal(null);
  });
});

describe('checkin-form state: what the talent typed', () => {
  const typed: Entry = { answers: { q1: 'Done' }, health: 'on-track', skip: { note: 'Away', open: true }, reply: 'Hi' };

  it('fills answers, keeping the panel and message when the value says nothing of them', () => {
    expect(fillEntry(typed, { answers: { q1: 'New' }, health: null })).to.deep.equal({
      ...typed,
      answers: { q1: 'New' },
      health: null,
    });
    expect(fillEntry(typed, { answers: {}, health: null, skip: { note: '', open: false }, reply: 'Yo' })).to.deep.equal(
      {
        answers: {},
        health: null,
        skip: { note: '', open: false },
        reply: 'Yo',
      },
    );
  });

  it('stores the message only once edited', () => {
    expect(valueOf(EMPTY_ENTRY)).to.not.have.property('reply');
    expect(valueOf(typed).reply).to.equal('Hi');
  });

  it('tells unsent text from sent or set-aside text', () => {
    const none = { editing: false, replyOpen: false, replySent: false };
    const rows: Array<[string, Parameters<typeof hasUnsent>[0], boolean]> = [
      ['editing', { ...none, editing: true, status: 'answered', entry: EMPTY_ENTRY }, true],
      ['open, answers typed', { ...none, status: 'open', entry: typed }, true],
      ['open, nothing typed', { ...none, status: 'open', entry: EMPTY_ENTRY }, false],
      [
        'late, note in the open panel',
        { ...none, status: 'late', entry: { ...EMPTY_ENTRY, skip: { note: 'Away', open: true } } },
        true,
      ],
      [
        'open, note in a closed panel',
        { ...none, status: 'open', entry: { ...EMPTY_ENTRY, skip: { note: 'Away', open: false } } },
        false,
      ],
      ['closed, answers kept', { ...none, status: 'closed', entry: typed }, true],
      ['closed, sent as a message', { ...none, replySent: true, status: 'closed', entry: typed }, false],
      ['answered, not editing', { ...none, status: 'answered', entry: typed }, false],
    ];
    for (const [name, input, want] of rows) expect(hasUnsent(input), name).to.equal(want);
  });

  it('fills a field at once only when that replaces nothing typed', () => {
    const rows: Array<[string, string, boolean]> = [
      ['', 'None', true],
      ['  \n', 'None', true],
      ['None ', 'None', true],
      ['none.', 'None', true],
      ['Shipped the flag', 'None', false],
    ];
    for (const [current, text, want] of rows)
      expect(fillsAtOnce(current, text), JSON.stringify(current)).to.equal(want);
    expect(filledText('Shipped \n', 'Plan', 'append')).to.equal('Shipped\n\nPlan');
    expect(filledText('', 'Plan', 'append')).to.equal('Plan');
    expect(filledText('Shipped', 'Plan', 'replace')).to.equal('Plan');
  });
});

describe('checkin-form reconcile: a fresh load against what is on screen', () => {
  const open = checkin('w2', 'open', '2026-11-27T15:00:00Z');
  const answered = checkin('w2', 'answered', '2026-11-27T15:00:00Z');
  const next = checkin('w3', 'open', '2026-12-04T15:00:00Z');
  const quiet: LoadContext = { writing: false, chosen: false, unsent: false, changed: null };
  const rows: Array<[string, Loaded | null, Loaded, Partial<LoadContext>, unknown]> = [
    [
      'nothing on screen: shown afresh',
      null,
      loaded(open),
      { writing: true, unsent: true },
      { do: 'show', refresh: false },
    ],
    ['a write on its way: wait for it', loaded(open), loaded(next), { writing: true }, { do: 'wait-for-write' }],
    [
      'asked for: replaces what is typed',
      loaded(open),
      loaded(next),
      { chosen: true, unsent: true },
      { do: 'show', refresh: false },
    ],
    ['nothing typed: a refresh', loaded(open), loaded(next), {}, { do: 'show', refresh: true }],
    [
      'typed, same check-in, same view: a refresh',
      loaded(open),
      loaded(open),
      { unsent: true },
      { do: 'show', refresh: true },
    ],
    [
      'typed, another check-in: kept',
      loaded(open),
      loaded(next, [next, open]),
      { unsent: true },
      { do: 'keep', reason: 'contract' },
    ],
    [
      'typed, another check-in because this one was answered elsewhere: kept, stronger news',
      loaded(open),
      loaded(next, [next, answered]),
      { unsent: true },
      { do: 'keep', reason: 'checkin' },
    ],
    [
      'typed, this one answered elsewhere: kept',
      loaded(open),
      loaded(answered),
      { unsent: true },
      { do: 'keep', reason: 'checkin' },
    ],
    [
      'typed, another check-in, heard that this one changed: kept, stronger news',
      loaded(open),
      loaded(next, [next, open]),
      { unsent: true, changed: 'checkin' },
      { do: 'keep', reason: 'checkin' },
    ],
  ];
  for (const [name, shown, fresh, context, want] of rows) {
    it(name, () => expect(reconcile(shown, fresh, { ...quiet, ...context })).to.deep.equal(want));
  }

  it('names a view by role and check-in view, or by standing when none is open', () => {
    expect(loadedView(loaded(open))).to.equal('talent|form:w2');
    expect(loadedView(loaded(checkin('w2', 'late')))).to.equal('talent|form:w2');
    expect(loadedView(loaded(null, [], 'client'))).to.equal('client|none:active');
  });

  it('keeps the talent’s work only for the same check-in, contract and viewer', () => {
    expect(sameSubject(loaded(open), loaded(answered))).to.equal(true);
    expect(sameSubject(loaded(open), loaded(next))).to.equal(false);
    expect(sameSubject(null, loaded(open))).to.equal(false);
    expect(sameSubject(loaded(null), loaded(null))).to.equal(false);
  });
});

describe('checkin-form reconcile: what a live event does', () => {
  const base: LiveInput = {
    here: false,
    matters: true,
    loading: false,
    loaded: true,
    writing: false,
    unsent: false,
    closes: false,
    viewChanged: false,
  };
  const rows: Array<[string, Partial<LiveInput>, LiveDecision]> = [
    ['changes nothing shown', { matters: false, loading: true }, { do: 'ignore' }],
    ['while loading', { loading: true }, { do: 'defer', reason: 'contract' }],
    [
      'while loading, this check-in changed view',
      { loading: true, here: true, viewChanged: true },
      { do: 'defer', reason: 'checkin' },
    ],
    ['nothing loaded', { loaded: false }, { do: 'ignore' }],
    ['this check-in, during a write (its echo)', { here: true, writing: true, closes: true }, { do: 'ignore' }],
    ['this check-in closed', { here: true, closes: true, unsent: true, viewChanged: true }, { do: 'close' }],
    [
      'this check-in answered elsewhere while typing',
      { here: true, unsent: true, viewChanged: true },
      { do: 'notify', reason: 'checkin' },
    ],
    ['this check-in, same view, while typing', { here: true, unsent: true }, { do: 'ignore' }],
    ['this check-in answered elsewhere', { here: true, viewChanged: true }, { do: 'replace', refocus: true }],
    ['this check-in, same view', { here: true }, { do: 'replace', refocus: false }],
    ['another check-in, during a write', { writing: true, unsent: true }, { do: 'after-write' }],
    ['another check-in, while typing', { unsent: true }, { do: 'notify', reason: 'contract' }],
    ['another check-in', {}, { do: 'reload' }],
  ];
  for (const [name, input, want] of rows) {
    it(name, () => expect(decideLive({ ...base, ...input })).to.deep.equal(want));
  }

  it('judges settings by what the form shows of them', () => {
    const shown = loaded(checkin('w2', 'open'));
    const repeat = { ...SETTINGS, version: 2 };
    expect(judge(shown, { type: 'settings', settings: repeat } as never, 0, false)).to.deep.equal({
      matters: false,
      settings: repeat,
    });
    const off = { ...SETTINGS, enabled: false };
    expect(judge(shown, { type: 'settings', settings: off } as never, 0, false)).to.deep.equal({ matters: true });
  });

  it('judges another check-in by whether it changes which one the form is about', () => {
    const open = checkin('w2', 'open', '2026-11-27T15:00:00Z');
    const shown = loaded(open, [open]);
    const old = checkin('w0', 'answered', '2026-11-13T15:00:00Z');
    expect(judge(shown, { type: 'checkin', checkin: old } as never, 0, false)).to.deep.equal({ matters: false });
    const newer = checkin('w3', 'open', '2026-12-04T15:00:00Z');
    expect(judge(shown, { type: 'checkin', checkin: newer } as never, 0, false)).to.deep.equal({ matters: true });
    const fixed = judge(shown, { type: 'checkin', checkin: newer } as never, 0, true);
    expect(fixed.matters).to.equal(false);
    expect(fixed.checkins?.map((c) => c.id)).to.deep.equal(['w3', 'w2']);
  });
});
