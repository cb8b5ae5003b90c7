// Rule 8: due means due. A check-in that just opened reads as asked, with its answer-by time;
// "Late" only once the backend says so; no "not working this week" for a week that has ended;
// the edit window ends at the check-in the backend says really opens next (closesAt).
import { expect } from '@open-wc/testing';
import type { Checkin } from '../src/model.js';
import { $, OPEN_ID, cleanStorage, fields, mount, stating, text, world } from './form-helpers.js';

// 15:01 UTC, one minute after this week's prompt (16:00 Berlin) opened.
const JUST_OPENED = Date.parse('2026-11-27T15:01:00Z');
// Saturday 10:00 UTC: Kofi's Friday has ended, the check-in is late.
const SATURDAY = Date.parse('2026-11-28T10:00:00Z');
// A next check-in on a Tuesday, which no schedule computation from the settings (Fridays) names.
const NEXT_OPENS = '2026-12-08T15:00:00.000Z';
const ANSWERS = [
  { questionId: 'done', text: 'Team roles behind the flag.' },
  { questionId: 'next', text: 'Release checklist with QA.' },
  { questionId: 'blockers', text: 'None' },
];

/** The open check-in as a backend that states these fields sends it. */
const openWith = (fields: Partial<Checkin>) => (c: Checkin) => (c.id === OPEN_ID ? fields : {});

const skipButton = (el: Element) => el.shadowRoot!.querySelector('[part~="skip"]');

describe('<checkin-form> due means due (rule 8)', () => {
  beforeEach(cleanStorage);
  afterEach(cleanStorage);

  it('reads a check-in that just opened as asked, with its answer-by time, not late', async () => {
    const w = world({ now: JUST_OPENED });
    const el = await mount(w.talent, { clock: w.clock });
    expect(text($(el, '.asker'))).to.equal("Dana Whitfield asks for this week's check-in");
    // Midnight ending Kofi's Friday reads as the last minute of it, in his en-GB format.
    expect(text($(el, '[part~="due"]'))).to.equal('Asked 1 minute ago · answer by Fri 27 Nov, 23:59');
    expect(Boolean($(el, '[data-status="late"]'))).to.equal(false);
    expect(text(el.shadowRoot!)).not.to.match(/\bLate\b|overdue|ago · due/);
    expect(Boolean(skipButton(el))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('names only "asked" when the backend gives no answer-by time', async () => {
    const w = world({ now: JUST_OPENED });
    const el = await mount(stating(w.talent, openWith({ lateAt: undefined })), { clock: w.clock });
    expect(text($(el, '[part~="due"]'))).to.equal('Asked 1 minute ago');
  });

  it('says "Late" once the status is late, and no longer offers "Not working this week"', async () => {
    const w = world({ now: SATURDAY });
    const el = await mount(w.talent, { clock: w.clock });
    expect(text($(el, '.asker'))).to.equal("Dana Whitfield asks for this week's check-in Late");
    expect(text($(el, '[part~="due"]'))).to.equal('Asked 19 hours ago · the answer was due by Fri 27 Nov, 23:59');
    expect(Boolean(skipButton(el))).to.equal(false);
    // Still answerable until the next check-in opens.
    expect(fields(el)).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('does not offer "Not working this week" once the answer-by time has passed, before the status says late', async () => {
    // A backend whose answer-by time came earlier than its status change (or a clock ahead of it).
    const w = world({ now: JUST_OPENED + 2 * 3_600_000 });
    const el = await mount(stating(w.talent, openWith({ lateAt: '2026-11-27T16:30:00.000Z' })), { clock: w.clock });
    expect(Boolean($(el, '[data-status="late"]'))).to.equal(false);
    expect(Boolean(skipButton(el))).to.equal(false);
    expect(fields(el)).to.have.length(3);
  });

  describe('the edit window', () => {
    async function answered(w = world({ now: JUST_OPENED + 3_600_000 })) {
      await w.talent.submitAnswers('c-atlas', OPEN_ID, { answers: ANSWERS }, { idempotencyKey: 'k-answer' });
      return w;
    }
    const version = async (w: Awaited<ReturnType<typeof answered>>) => (await w.client.getSettings('c-atlas')).version;

    it("ends at the check-in's closesAt, the next check-in that really opens", async () => {
      const w = await answered();
      const el = await mount(stating(w.talent, openWith({ closesAt: NEXT_OPENS })), { clock: w.clock });
      expect(text($(el, '[part~="state"]'))).to.equal(
        'Answered on Fri 27 Nov, 17:01. You can change your answer until the next check-in opens, Tue 8 Dec, 16:00.',
      );
      ($(el, '[part~="edit"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(text($(el, '.muted'))).to.equal(
        'You can change your answer until the next check-in opens, Tue 8 Dec, 16:00.',
      );
      await expect(el).to.be.accessible();
    });

    it('follows a schedule change: the next check-in is the first of the new schedule', async () => {
      const w = await answered();
      const settings = await w.client.getSettings('c-atlas');
      await w.client.updateSettings(
        'c-atlas',
        { schedule: { ...settings.schedule, weekday: 2, time: '09:30' } },
        { expectedVersion: await version(w), idempotencyKey: 'k-schedule' },
      );
      const el = await mount(w.talent, { clock: w.clock });
      expect(text($(el, '[part~="state"]'))).to.equal(
        'Answered on Fri 27 Nov, 17:01. You can change your answer until the next check-in opens, Tue 1 Dec, 9:30.',
      );
    });

    it('names no date when no later check-in is scheduled (closesAt null)', async () => {
      const w = await answered();
      const el = await mount(stating(w.talent, openWith({ closesAt: null })), { clock: w.clock });
      expect(text($(el, '[part~="state"]'))).to.equal(
        'Answered on Fri 27 Nov, 17:01. You can change your answer until the next check-in opens.',
      );
      expect(Boolean($(el, '[part~="edit"]'))).to.equal(true);
    });

    it('says it stays open while no new check-in opens once the client turns check-ins off', async () => {
      const w = await answered();
      await w.client.updateSettings(
        'c-atlas',
        { enabled: false },
        { expectedVersion: await version(w), idempotencyKey: 'k-off' },
      );
      const el = await mount(w.talent, { clock: w.clock });
      expect(text($(el, '[part~="state"]'))).to.equal(
        'Answered on Fri 27 Nov, 17:01. No weekly check-ins are being asked, so you can change your answer as long as no new check-in has opened.',
      );
      expect(Boolean($(el, '[part~="edit"]'))).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('never names a prompt computed from a schedule that is off (a backend without closesAt)', async () => {
      const w = await answered();
      await w.client.updateSettings(
        'c-atlas',
        { enabled: false },
        { expectedVersion: await version(w), idempotencyKey: 'k-off' },
      );
      const el = await mount(stating(w.talent, openWith({ closesAt: undefined })), { clock: w.clock });
      expect(text($(el, '[part~="state"]'))).not.to.match(/Dec/);
      expect(text($(el, '[part~="state"]'))).to.contain('as long as no new check-in has opened');
    });
  });

  describe("the client's view", () => {
    it("reads an open check-in as asked, with the answer-by time in the client's own time", async () => {
      const w = world({ now: JUST_OPENED });
      const el = await mount(w.client, { clock: w.clock });
      expect(text($(el, '[part~="state"]'))).to.equal(
        "Waiting for Kofi Mensah's answer · asked Fri, Nov 27, 10:00 AM, answer by Fri, Nov 27, 6:00 PM",
      );
    });

    it('says late only when it is', async () => {
      const w = world({ now: SATURDAY });
      const el = await mount(w.client, { clock: w.clock });
      expect(text($(el, '[part~="state"]'))).to.equal("Late: Kofi Mensah's answer was due by Fri, Nov 27, 6:00 PM");
    });
  });
});
