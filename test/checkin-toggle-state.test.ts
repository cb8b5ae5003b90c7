// The toggle's state modules on their own (no DOM): the settings write as one state at a time
// (src/elements/checkin-toggle/state.ts), the schedule edits (editor-state.ts) and what a
// refused or confirmed write comes to (outcome.ts).
import { expect } from '@open-wc/testing';
import { editorShown } from '../src/elements/checkin-toggle/conflict.js';
import * as edits from '../src/elements/checkin-toggle/editor-state.js';
import {
  refusalOf,
  replacingOf,
  rolledBackText,
  savedText,
  skipDateRefusal,
} from '../src/elements/checkin-toggle/outcome.js';
import { newWrite } from '../src/elements/checkin-toggle/actions.js';
import * as w from '../src/elements/checkin-toggle/state.js';
import type { Place, WriteKind, WriteState } from '../src/elements/checkin-toggle/state.js';
import { CheckinError, DEFAULT_QUESTIONS, type Party, type Settings } from '../src/model.js';

const KOFI: Party = { id: 'u-kofi', name: 'Kofi Mensah', timeZone: 'Europe/Berlin' };

function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    contractId: 'c-atlas',
    enabled: true,
    consent: 'given',
    eligibility: { eligible: true, reason: null },
    schedule: { weekday: 5, time: '16:00', timeZone: 'Europe/Berlin', skipDates: ['2026-12-25'], pausedUntil: null },
    questions: DEFAULT_QUESTIONS.map((q) => ({ ...q, quickAnswers: [...q.quickAnswers] })),
    version: 4,
    updatedAt: '2026-11-30T10:00:00Z',
    updatedBy: KOFI,
    ...overrides,
  };
}

const S4 = settings();
const S6 = settings({ version: 6 });
const write = (kind: WriteKind, change: w.Write['change'] = { enabled: false }) => newWrite(kind, S4, change, 4);
const DISABLE = write('disable');
const SCHEDULE = write('schedule', { schedule: { ...S4.schedule, time: '09:00' } });
const ERROR = new CheckinError('unavailable', 'Down.');
const OFFLINE = new CheckinError('network', 'Offline.');
const CONFLICT = { place: 'switch' as Place, since: 4 };

const idle: WriteState = w.IDLE;
const sending: WriteState = { status: 'sending', write: DISABLE };
const resolving: WriteState = { status: 'resolving', write: DISABLE, place: 'switch', conflict: CONFLICT };
const resolvingKept: WriteState = { status: 'resolving', write: SCHEDULE, place: 'editor' };
const failed: WriteState = { status: 'failed', place: 'switch', error: ERROR, write: DISABLE };
const reloadFailed: WriteState = { status: 'reloadFailed', place: 'switch', error: OFFLINE, conflict: CONFLICT };
const reloadFailedEditor: WriteState = { status: 'reloadFailed', place: 'editor', error: OFFLINE };
const conflicted: WriteState = { status: 'conflicted', conflict: { ...CONFLICT, latest: S6 } };

/** Runs each case's transition and compares the state it comes to. */
function table(cases: Array<[string, () => WriteState, WriteState]>) {
  for (const [name, run, expected] of cases) it(name, () => expect(run()).to.deep.equal(expected));
}

describe('toggle state (pure)', () => {
  describe('the settings write', () => {
    describe('placeOf', () => {
      const cases: Array<[WriteKind, Place]> = [
        ['enable', 'switch'],
        ['disable', 'switch'],
        ['schedule', 'editor'],
        ['questions', 'questions'],
        ['accept', 'consent'],
        ['decline', 'consent'],
        ['withdraw', 'consent'],
      ];
      for (const [kind, place] of cases)
        it(`puts a failed ${kind} at the ${place}`, () => expect(w.placeOf(kind)).to.equal(place));
    });

    describe('start, settle, fail', () => {
      table([
        ['starts from idle', () => w.start(idle, DISABLE), sending],
        ['starts over an alert (it goes)', () => w.start(failed, SCHEDULE), { status: 'sending', write: SCHEDULE }],
        [
          'starts over a conflict notice (it goes)',
          () => w.start(conflicted, SCHEDULE),
          { status: 'sending', write: SCHEDULE },
        ],
        ['does not start while one is on its way', () => w.start(sending, SCHEDULE), sending],
        ['does not start while a conflict is settled', () => w.start(resolving, SCHEDULE), resolving],
        ['settles a write on its way', () => w.settle(sending), idle],
        ['settles a conflicted write', () => w.settle(resolving), idle],
        ['leaves an alert when nothing is on its way', () => w.settle(failed), failed],
        ['fails a write on its way, at its control', () => w.fail(sending, ERROR), failed],
        ['does not fail what is not on its way', () => w.fail(idle, ERROR), idle],
      ]);
    });

    describe('resolve and resolved (a conflicted write)', () => {
      table([
        ['resolves with a notice for the switch', () => w.resolve(sending, 'switch', true), resolving],
        [
          'resolves kept edits without one',
          () => w.resolve({ status: 'sending', write: SCHEDULE }, 'editor', false),
          resolvingKept,
        ],
        ['the latest fetched: the notice says who', () => w.resolved(resolving, { ok: true, latest: S6 }), conflicted],
        [
          'the latest not fetched: the alert beside the notice',
          () => w.resolved(resolving, { ok: false, error: OFFLINE }),
          reloadFailed,
        ],
        [
          'aborted: the notice without who',
          () => w.resolved(resolving, undefined),
          { status: 'conflicted', conflict: CONFLICT },
        ],
        ['kept edits fetched: nothing more', () => w.resolved(resolvingKept, { ok: true, latest: S6 }), idle],
        [
          'kept edits not fetched: the alert',
          () => w.resolved(resolvingKept, { ok: false, error: OFFLINE }),
          reloadFailedEditor,
        ],
        ['nothing conflicted: unchanged', () => w.resolved(sending, { ok: true, latest: S6 }), sending],
      ]);
    });

    describe('reloaded ("Try again" on a failed reload, back online)', () => {
      table([
        [
          'fetched: the notice says who',
          () => w.reloaded(reloadFailed, 'switch', { ok: true, latest: S6 }),
          conflicted,
        ],
        ['fetched, no notice: idle', () => w.reloaded(reloadFailedEditor, 'editor', { ok: true, latest: S6 }), idle],
        [
          'failed again: the alert',
          () => w.reloaded(reloadFailed, 'switch', { ok: false, error: ERROR }),
          { ...reloadFailed, error: ERROR },
        ],
        [
          'failed after the alert was dismissed: the alert again',
          () => w.reloaded(idle, 'editor', { ok: false, error: OFFLINE }),
          reloadFailedEditor,
        ],
        [
          'a write on its way has the last word',
          () => w.reloaded(sending, 'switch', { ok: false, error: ERROR }),
          sending,
        ],
        ['a write failure goes once fetched', () => w.reloaded(failed, 'switch', { ok: true, latest: S6 }), idle],
      ]);
    });

    describe('withoutFailure, withoutConflict, cleared', () => {
      table([
        ['an edit answers the alert at its place', () => w.withoutFailure(failed, 'switch'), idle],
        ['not an alert elsewhere', () => w.withoutFailure(failed, 'editor'), failed],
        [
          'a reload alert goes, its notice stays',
          () => w.withoutFailure(reloadFailed, 'switch'),
          { status: 'conflicted', conflict: CONFLICT },
        ],
        ['a notice goes', () => w.withoutConflict(conflicted), idle],
        [
          'a notice beside an alert goes, the alert stays',
          () => w.withoutConflict(reloadFailed),
          { status: 'reloadFailed', place: 'switch', error: OFFLINE },
        ],
        [
          'a notice still to come goes',
          () => w.withoutConflict(resolving),
          { status: 'resolving', write: DISABLE, place: 'switch' },
        ],
        ['an alert stays', () => w.withoutConflict(failed), failed],
        ['a dialog opening clears both', () => w.cleared(reloadFailed), idle],
        ['but not a write on its way', () => w.cleared(sending), sending],
      ]);
    });

    describe('what the views read', () => {
      const states: Array<[string, WriteState, boolean, WriteKind | undefined]> = [
        ['idle', idle, false, undefined],
        ['sending', sending, true, 'disable'],
        ['resolving', resolving, true, 'disable'],
        ['failed', failed, false, undefined],
        ['reloadFailed', reloadFailed, false, undefined],
        ['conflicted', conflicted, false, undefined],
      ];
      for (const [name, state, isBusy, kind] of states) {
        it(`${name}: busy ${isBusy}, sending ${kind}`, () => {
          expect(w.busy(state)).to.equal(isBusy);
          expect(w.sendingKind(state)).to.equal(kind);
        });
      }

      it('says the alert and the notice at their place, notices only once settled', () => {
        expect(w.failureAt(failed, 'switch')).to.deep.equal({ error: ERROR, write: DISABLE });
        expect(w.failureAt(reloadFailed, 'switch')).to.deep.equal({ error: OFFLINE });
        expect(w.failureAt(failed, 'consent')).to.equal(undefined);
        expect(w.conflictAt(conflicted, 'switch')).to.deep.equal({ ...CONFLICT, latest: S6 });
        expect(w.conflictAt(reloadFailed, 'switch')).to.deep.equal(CONFLICT);
        expect(w.conflictAt(resolving, 'switch')).to.equal(undefined);
        expect(w.conflictAt(conflicted, 'editor')).to.equal(undefined);
      });

      it('shows the switch as it will be while turning on or off', () => {
        const off = settings({ enabled: false });
        expect(w.shownOn({ status: 'sending', write: write('enable') }, off)).to.be.true;
        expect(w.shownOn(sending, S4)).to.be.false;
        expect(w.shownOn(idle, S4)).to.be.true;
        expect(w.shownOn(idle, undefined)).to.be.false;
      });

      it('locks the switch while busy, and when off and not offered (but not when on)', () => {
        const notOffered = { eligible: false, reason: 'Fixed price.' };
        expect(w.switchLocked(sending, S4)).to.be.true;
        expect(w.switchLocked(idle, settings({ enabled: false, eligibility: notOffered }))).to.be.true;
        expect(w.switchLocked(idle, settings({ eligibility: notOffered }))).to.be.false;
        expect(w.switchLocked(idle, S4)).to.be.false;
      });

      it('makes each write its own idempotency key, once', () => {
        expect(write('disable').idempotencyKey).to.not.equal(write('disable').idempotencyKey);
        expect(DISABLE).to.include({ kind: 'disable', contractId: 'c-atlas', expectedVersion: 4, previous: S4 });
      });
    });
  });

  describe('what a refused or confirmed write comes to', () => {
    const conflict = new CheckinError('conflict', 'Changed.');
    const skip = { schedule: { ...S4.schedule, skipDates: ['2026-12-25', '2027-01-01'] } };
    const cases: Array<[string, w.Write, CheckinError, edits.ScheduleEdits['dirty'], boolean, string]> = [
      [
        'question edits kept over a conflict',
        write('questions', { questions: S4.questions }),
        conflict,
        false,
        true,
        'keep-questions',
      ],
      ['schedule edits kept over a conflict', SCHEDULE, conflict, true, false, 'keep-edits'],
      [
        'turning on with edits keeps them',
        write('enable', { enabled: true, schedule: S4.schedule }),
        conflict,
        true,
        false,
        'keep-edits',
      ],
      ['a schedule no longer edited: the notice', SCHEDULE, conflict, false, false, 'conflict'],
      ['the switch, edits or not: the notice', DISABLE, conflict, true, true, 'conflict'],
      [
        'a skip date the backend refused: at its field',
        write('schedule', skip),
        new CheckinError('invalid', '2027-01-01 is not a Friday.'),
        true,
        false,
        'skip-date',
      ],
      [
        'another refusal of a schedule: the alert',
        SCHEDULE,
        new CheckinError('invalid', 'Bad.'),
        true,
        false,
        'failed',
      ],
      ['a failure: the alert', DISABLE, ERROR, false, false, 'failed'],
    ];
    for (const [name, sent, error, schedule, questions, expected] of cases) {
      it(name, () => expect(refusalOf(sent, error, { schedule, questions })).to.equal(expected));
    }

    it('puts only a refusal naming an added skip date at the field', () => {
      const sent = write('schedule', skip);
      expect(skipDateRefusal(sent, new CheckinError('invalid', '2027-01-01 is past.'))).to.be.true;
      expect(skipDateRefusal(sent, new CheckinError('invalid', '2026-12-25 is past.'))).to.be.false;
      expect(skipDateRefusal(sent, new CheckinError('conflict', '2027-01-01'))).to.be.false;
    });

    it('replaces after a notice unless the latest version was its own', () => {
      expect([undefined, 'here', 'other', 'person', 'unknown'].map((who) => replacingOf(who as never))).to.deep.equal([
        undefined,
        undefined,
        'other',
        'theirs',
        'theirs',
      ]);
    });

    it('announces what was saved, and what a replacing save replaced', () => {
      const pending = settings({ consent: 'pending' });
      expect(savedText(write('enable'), pending, KOFI)).to.equal(
        'Check-ins turned on. They start once Kofi Mensah accepts.',
      );
      expect(savedText(write('enable'), pending, undefined)).to.equal(
        'Check-ins turned on. They start once the talent accepts.',
      );
      expect(savedText(write('enable'), S4, KOFI)).to.equal('Check-ins turned on');
      expect(savedText({ ...SCHEDULE, replacing: 'other' }, S4, KOFI)).to.equal(
        'Schedule saved: your version replaced the other one.',
      );
      expect(savedText({ ...SCHEDULE, replacing: 'theirs' }, S4, KOFI)).to.equal(
        'Schedule saved: your version replaced theirs.',
      );
      expect(savedText({ ...write('questions'), replacing: 'theirs' }, S4, KOFI)).to.equal(
        'Questions saved: your version replaced the latest one.',
      );
      expect(savedText(write('withdraw'), S4, KOFI)).to.equal('You withdrew your consent to weekly check-ins');
    });

    it('announces what a refusal rolled back', () => {
      expect(rolledBackText('enable')).to.equal('Not saved: check-ins are still off.');
      expect(rolledBackText('schedule')).to.equal(
        'Not saved: the schedule is unchanged. Your edits are still in the form.',
      );
      expect(rolledBackText('decline')).to.equal('Not saved: your answer was not recorded.');
    });
  });

  describe('the schedule edits', () => {
    const fresh = edits.follow(edits.NO_EDITS, S4, 'en-GB');
    const typed = edits.edit(fresh, { time: '09:00' }, 'time');

    it('follows confirmed settings until edited, then keeps the edits (unless reset)', () => {
      expect(fresh).to.include({ dirty: false, version: 4, base: S4 });
      expect(fresh.draft).to.include({ weekday: '5', time: '16:00', timeZone: 'Europe/Berlin' });
      expect(typed).to.include({ dirty: true });
      expect([...typed.touched]).to.deep.equal(['time']);
      expect(edits.follow(typed, S6, 'en-GB')).to.equal(typed);
      expect(edits.follow(typed, S6, 'en-GB', true)).to.include({ dirty: false, version: 6, base: S6 });
      expect(edits.edit(edits.NO_EDITS, { time: '09:00' }, 'time')).to.equal(edits.NO_EDITS);
    });

    it("moves the edits onto the element's own next version only", () => {
      const s5 = settings({ version: 5 });
      expect(edits.followOwn(typed, 4, s5)).to.include({ version: 5, base: s5 });
      expect(edits.followOwn(typed, 4, S6)).to.equal(typed);
      expect(edits.followOwn(typed, 3, s5)).to.equal(typed);
      expect(edits.followOwn(fresh, 4, s5)).to.equal(fresh);
    });

    it('shows messages for touched fields, all after a save attempt, the first one focused', () => {
      const bad = edits.edit(edits.edit(fresh, { time: 'soon' }, 'time'), { timeZone: 'Mars/Base' }, 'weekday');
      expect(Object.keys(edits.errorsShown(bad, 'en-GB'))).to.deep.equal(['time']);
      expect(Object.keys(edits.errorsShown(edits.showAll(bad), 'en-GB'))).to.deep.equal(['time', 'timeZone']);
      expect(edits.firstInvalid(bad)).to.equal('time');
      expect(edits.firstInvalid(fresh)).to.equal(undefined);
    });

    it('adds a skip date the backend would take, and says why not otherwise (keeping what was typed)', () => {
      const cases: Array<[string, string, string[], string]> = [
        ['a coming Friday', '2027-01-01', ['2026-12-25', '2027-01-01'], ''],
        [
          'a Thursday',
          '2026-12-31',
          ['2026-12-25'],
          'Dec 31, 2026 is not a check-in day: check-ins are asked on Friday.',
        ],
        [
          'a past Friday',
          '2026-11-27',
          ['2026-12-25'],
          'Nov 27, 2026 is in the past: only a coming check-in can be skipped.',
        ],
        ['one already skipped', '2026-12-25', ['2026-12-25'], 'Dec 25, 2026 is already skipped.'],
      ];
      for (const [name, date, skipped, error] of cases) {
        const next = edits.addSkip(edits.typeSkip(fresh, date), '2026-11-30', 'en-US');
        expect(next.draft!.skipDates, name).to.deep.equal(skipped);
        expect(next.skipError, name).to.equal(error);
        expect(next.skipInput, name).to.equal(error ? date : '');
      }
      const removed = edits.removeSkip(edits.refuseSkip(fresh, 'No.'), '2026-12-25');
      expect(removed).to.include({ skipError: '', dirty: true });
      expect(removed.draft!.skipDates).to.deep.equal([]);
    });

    it('says a skip date added since the saved version that would be refused', () => {
      const schedule = { ...S4.schedule, skipDates: ['2026-12-25', '2026-12-31'] };
      expect(edits.addedSkipProblem(schedule, S4, '2026-11-30', 'en-US')).to.equal(
        'Dec 31, 2026 is not a check-in day: check-ins are asked on Friday.',
      );
      expect(edits.addedSkipProblem(S4.schedule, S4, '2027-06-01', 'en-US')).to.equal('');
    });

    it('keeps edits over a conflict, moves them onto their version, and drops the notice', () => {
      const kept = edits.keep(typed, S6, true);
      expect(edits.keptOf(kept)).to.deep.equal({ kind: 'kept', base: S4, enabling: true });
      expect(edits.keptOf(edits.keep(edits.NO_EDITS, S6, false))).to.deep.equal({
        kind: 'kept',
        base: S6,
        enabling: false,
      });
      const over = edits.keptOver(kept, S6);
      expect(over).to.include({ version: 6, base: S6 });
      expect(edits.keptOf(over)).to.deep.equal({ kind: 'kept', base: S4, enabling: true, theirs: S6 });
      expect(edits.keptOver(typed, S6)).to.equal(typed);
      expect(edits.keptOf(edits.dropNotice(over))).to.equal(undefined);
      expect(edits.discarded(edits.typeSkip(over, '2027-01-01'))).to.include({ skipInput: '', skipError: '' });
      expect(editorShown(settings({ enabled: false, eligibility: { eligible: false, reason: null } }))).to.be.false;
    });
  });
});
