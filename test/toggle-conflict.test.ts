import { expect } from '@open-wc/testing';
import {
  changer,
  editConflictWords,
  keptEditsAnnouncement,
  scheduleText,
  switchConflictWords,
  type Changer,
  type ViewerTerms,
} from '../src/elements/checkin-toggle/conflict.js';
import { DEFAULT_QUESTIONS, type Party, type Settings } from '../src/model.js';

const DANA: Party = { id: 'u-dana', name: 'Dana Whitfield', timeZone: 'America/New_York' };
const KOFI: Party = { id: 'u-kofi', name: 'Kofi Mensah', timeZone: 'Europe/Berlin' };
const NOW = Date.parse('2026-03-02T12:00:00Z');
const TERMS: ViewerTerms = { locale: 'en-US', timeZone: 'America/New_York', now: NOW };

function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    contractId: 'c-atlas',
    enabled: true,
    consent: 'given',
    eligibility: { eligible: true, reason: null },
    schedule: { weekday: 5, time: '09:00', timeZone: 'Europe/Berlin', skipDates: [], pausedUntil: null },
    questions: DEFAULT_QUESTIONS.map((q) => ({ ...q, quickAnswers: [...q.quickAnswers] })),
    version: 4,
    updatedAt: '2026-03-01T10:00:00Z',
    updatedBy: DANA,
    ...overrides,
  };
}

const base = settings();
const THEIRS: Changer = { kind: 'person', party: KOFI };

/** The schedule conflict notice's words: `theirs` against `from`, by someone else, savable. */
function words(theirs: Settings | undefined, from = base, who: Changer = THEIRS, enabling = false, canSave = true) {
  return editConflictWords({ base: from, theirs, enabling }, who, canSave, KOFI, TERMS);
}
/** The line that says their schedule (asserted on its own in 'says their schedule ...'). */
const theirVersion = `Their version: ${scheduleText(base.schedule, TERMS)}.`;

describe('toggle conflict (pure)', () => {
  describe('changer', () => {
    const latest = settings({ version: 6, updatedBy: KOFI });

    it('names someone else who made the latest version', () => {
      const who = changer(latest, 4, new Set(), 'u-dana');
      expect(who.kind).to.equal('person');
      expect(who.kind === 'person' && who.party.name).to.equal('Kofi Mensah');
      expect(switchConflictWords(who).heading).to.equal('Kofi Mensah changed these settings in the meantime.');
      expect(words(latest, base, who).heading).to.equal('Kofi Mensah changed these settings while you were editing.');
    });

    it("says 'another tab or window' for the viewer's own change made elsewhere", () => {
      const who = changer(latest, 4, new Set([5]), 'u-kofi');
      expect(who.kind).to.equal('other');
      expect(switchConflictWords(who).heading).to.equal('These settings were changed in another tab or window.');
      expect(keptEditsAnnouncement(who.kind)).to.equal(
        'Not saved: these settings were changed in another tab or window. Your edits are kept.',
      );
      expect(words(latest, base, who).useLabel).to.equal('Use the other version');
    });

    it("stays neutral when the latest version is one of this element's own writes", () => {
      // Own versions win over the updatedBy id: the viewer's write from here is not another tab.
      const who = changer(latest, 4, new Set([6]), 'u-kofi');
      expect(who.kind).to.equal('here');
      expect(words(latest, base, who).heading).to.equal('These settings changed while you were editing.');
      expect(words(latest, base, who).useLabel).to.equal('Use the latest version');
    });

    it("says 'someone else' when updatedBy is missing or the version is not newer", () => {
      expect(changer(settings({ version: 6, updatedBy: null }), 4, new Set(), 'u-dana').kind).to.equal('unknown');
      expect(changer(latest, 6, new Set([6]), 'u-kofi').kind).to.equal('unknown');
      const notice = switchConflictWords({ kind: 'unknown' });
      expect(notice.heading).to.equal('Someone else changed this in the meantime.');
      expect(notice.text).to.equal(
        'These settings were changed by someone else; the latest version is shown. Review and try again.',
      );
      expect(words(undefined, base, { kind: 'unknown' }).heading).to.equal(
        'Someone else changed these settings while you were editing.',
      );
      expect(keptEditsAnnouncement(undefined)).to.equal(
        'Not saved: someone else changed these settings meanwhile. Your edits are kept.',
      );
    });
  });

  describe('editConflictWords', () => {
    const lines = (theirs: Settings, from = base) => words(theirs, from).lines;

    it('says only their schedule when nothing else differs', () => {
      expect(lines(settings({ version: 5 }))).to.deep.equal([theirVersion]);
    });

    it('says check-ins went off, and what saving means then', () => {
      const theirs = settings({ enabled: false });
      expect(lines(theirs)).to.deep.equal(['Check-ins are now off.', theirVersion]);
      expect(words(theirs).closing).to.equal(
        'While check-ins are off nobody is asked anything; saving your version sets the schedule for when they are turned on. ' +
          'Your edits are kept below; save to replace theirs, or discard your edits.',
      );
    });

    it('says check-ins went on and wait for the talent, without a separate consent line', () => {
      const off = settings({ enabled: false, consent: 'not-needed' });
      expect(lines(settings({ consent: 'pending' }), off)).to.deep.equal([
        'Check-ins are now on, waiting for Kofi Mensah to accept.',
        theirVersion,
      ]);
    });

    it('says the talent declined', () => {
      expect(lines(settings({ consent: 'declined' }))).to.deep.equal([
        'Kofi Mensah declined weekly check-ins.',
        theirVersion,
      ]);
    });

    it('says the questions changed', () => {
      const questions = base.questions.map((q, i) => (i === 0 ? { ...q, prompt: 'What shipped?' } : q));
      expect(lines(settings({ questions }))).to.deep.equal([
        'The questions were changed too; saving your schedule leaves them as they are.',
        theirVersion,
      ]);
    });

    it("says their schedule in the schedule zone and the viewer's", () => {
      const schedule = { ...base.schedule, weekday: 2 as const, time: '10:30' };
      const [first] = lines(settings({ schedule }));
      expect(first).to.equal(
        'Their version: Tuesdays at 10:30 AM Central European Time (Berlin), Tuesdays at 4:30 AM your time.',
      );
      const other = words(settings({ schedule }), base, { kind: 'other' }).lines[0];
      expect(other).to.match(/^The other version: Tuesdays at 10:30 /);
      // The viewer in the schedule's own zone.
      expect(scheduleText(schedule, { ...TERMS, timeZone: 'Europe/Berlin' })).to.equal(
        'Tuesdays at 10:30 AM your time',
      );
    });

    it('says skipped dates, and when none are skipped any more', () => {
      const skipping = settings({ schedule: { ...base.schedule, skipDates: ['2026-03-13', '2026-03-20'] } });
      expect(lines(skipping)).to.deep.equal([theirVersion, 'Skipped dates: Mar 13, 2026, Mar 20, 2026.']);
      expect(lines(settings(), skipping)).to.deep.equal([theirVersion, 'No dates are skipped.']);
    });

    it('says the pause as a date in the schedule zone, and when it was lifted', () => {
      // 23:30 UTC on the 9th is already the 10th in Berlin.
      const paused = settings({ schedule: { ...base.schedule, pausedUntil: '2026-03-09T23:30:00Z' } });
      expect(lines(paused)).to.deep.equal([theirVersion, 'Paused until Mar 10, 2026.']);
      expect(lines(settings(), paused)).to.deep.equal([theirVersion, 'No pause.']);
    });

    it('closes with what did not happen when turning on met the conflict, or not at all when it cannot be saved', () => {
      expect(words(settings(), base, { kind: 'other' }, true).closing).to.equal(
        'Your edits are kept below; save to replace the other version, or discard your edits.',
      );
      const off = settings({ enabled: false });
      expect(words(off, off, { kind: 'here' }, true).closing).to.equal(
        'Check-ins were not turned on. Your edits are kept below; save to replace the latest version, or discard your edits.',
      );
      expect(words(off, off, THEIRS, true, false).closing).to.equal(undefined);
      expect(words(undefined).closing).to.equal('Your edits are kept below. Their version could not be loaded yet.');
      expect(words(undefined).lines).to.deep.equal([]);
    });
  });
});
