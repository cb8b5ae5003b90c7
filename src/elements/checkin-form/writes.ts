import { msg, str } from '@lit/localize';
import type { CheckinAdapter } from '../../adapters/adapter.js';
import { draftKey } from '../../controllers/draft.js';
import { CheckinReplyEvent, CheckinSkipEvent, CheckinSubmitEvent } from '../../events.js';
import type { Checkin, CheckinError, Reply } from '../../model.js';
import { shortText } from '../shared.js';
import { toInput, validateAnswers } from './form-logic.js';
import { EMPTY_ENTRY, clearFailure, valueOf, writeFailed, writeSent, type Loaded, type WriteAction } from './state.js';
import type { FormWork, Work } from './work.js';
import { noteProblem, replyMessage, replyProblem } from './words.js';

/** The check-in's writes share one key: a submit, a skip and a message are never on their way at once. */
export const WRITE = 'checkin';

/**
 * The check-in's writes: the answers, the skip and a message, one at a time under one key, each
 * with its key stored with the draft before the request leaves. What each leaves on screen is
 * set on the work.
 */
export class FormWrites {
  constructor(private readonly work: FormWork) {}

  /** What a write is about, when one can go: the load on screen, the check-in and the adapter. */
  private target(
    talentOnly: boolean,
  ): { loaded: Loaded; checkin: Checkin; adapter: CheckinAdapter; draft: string } | null {
    const { loaded } = this.work;
    const { checkin } = this.work.state;
    const adapter = this.work.options.adapter();
    if (!loaded || !checkin || !adapter || (talentOnly && loaded.viewer.role !== 'talent')) return null;
    return { loaded, checkin, adapter, draft: draftKey(loaded.contract.id, checkin.id, loaded.viewer.id) };
  }

  /**
   * Sends a write of the check-in: the draft goes on success whatever is on screen, and is
   * kept (flushed, when `flush`) on failure, which stays on screen.
   */
  private send<T>(
    action: WriteAction,
    draft: string,
    request: () => Promise<T>,
    done: (result: T) => Promise<void>,
    flush = true,
  ): Promise<void> {
    this.work.set({ outcomes: clearFailure(this.work.state.outcomes, action) });
    const send = async () => {
      try {
        const result = await request();
        this.work.draft.clear(draft);
        return result;
      } catch (error) {
        if (flush) this.work.draft.flush();
        throw error;
      }
    };
    const failed = (error: CheckinError) =>
      this.work.set({ outcomes: writeFailed(this.work.state.outcomes, action, error) });
    return this.work.writes.run(WRITE, { action, send, done, failed, settled: this.work.options.settled });
  }

  /** The write went through: it is said, its event fires, and its confirmation takes the focus. */
  private async confirmed(patch: Partial<Work>, announcement: string, event: Event): Promise<void> {
    this.work.set({ ...patch, restored: null, savedAt: null, editing: false });
    this.work.options.announce(announcement);
    this.work.host.dispatchEvent(event);
    await this.work.host.updateComplete;
    this.work.host.renderRoot.querySelector<HTMLElement>('#done-heading')?.focus();
  }

  /** Validates and sends the answers (see the element's `submit`). */
  submit(): Promise<void> {
    // One write at a time: answers sent while the skip is out would race it (and take its key).
    if (this.work.writing()) return this.work.writes.settled(WRITE);
    const to = this.target(true);
    if (!to) return Promise.resolve();
    const { loaded, checkin, adapter } = to;
    const questions = loaded.settings.questions;
    const answers = validateAnswers(questions, valueOf(this.work.state.entry));
    this.work.set({ problems: { ...this.work.state.problems, answers } });
    if (answers.length) {
      this.work.set({ outcomes: clearFailure(this.work.state.outcomes, 'submit') });
      return this.work.focusLater('.error-summary');
    }
    const input = toInput(questions, valueOf(this.work.state.entry));
    const idempotencyKey = this.work.keyFor('submit', checkin, input);
    const contractId = loaded.contract.id;
    this.work.set({ previousSent: null });
    this.work.options.announce(msg('Submitting…'));
    const request = () => adapter.submitAnswers(contractId, checkin.id, input, { idempotencyKey });
    return this.send('submit', to.draft, request, (result) => {
      const outcomes = writeSent(this.work.state.outcomes, 'submit');
      // The draft (a skip note typed on the way included) went with the confirmed answer.
      const entry = { ...this.work.state.entry, skip: { note: '', open: false } };
      return this.confirmed(
        { checkin: result, outcomes, entry },
        msg('Submitted'),
        new CheckinSubmitEvent({ contractId, checkin: result }),
      );
    });
  }

  /** Sends the skip (see the element's `skip`). */
  skip(): Promise<void> {
    if (this.work.writing()) return this.work.writes.settled(WRITE);
    const to = this.target(false);
    if (!to) return Promise.resolve();
    const { loaded, checkin, adapter } = to;
    const note = this.work.state.entry.skip.note.trim();
    this.work.set({ problems: { ...this.work.state.problems, note: noteProblem(note) } });
    if (this.work.state.problems.note) return this.work.focusLater('#skip-note');
    const idempotencyKey = this.work.keyFor('skip', checkin, note);
    const contractId = loaded.contract.id;
    this.work.set({ previousSent: null });
    const request = () => adapter.skipCheckin(contractId, checkin.id, { note }, { idempotencyKey });
    // Answers typed before choosing to skip have nowhere to go once it is confirmed.
    const done = (result: Checkin) => {
      const outcomes = writeSent(this.work.state.outcomes, 'skip');
      const entry = { ...this.work.state.entry, skip: { note: '', open: false } };
      const event = new CheckinSkipEvent({ contractId, checkin: result });
      return this.confirmed({ checkin: result, outcomes, entry }, msg('Marked as not working this week'), event);
    };
    return this.send('skip', to.draft, request, done, false);
  }

  /** Sends what was typed as a message on the check-in (see the element's `sendReply`). */
  sendReply(): Promise<void> {
    if (this.work.writing()) return this.work.writes.settled(WRITE);
    const to = this.target(true);
    if (!to) return Promise.resolve();
    const { loaded, checkin, adapter } = to;
    const text = replyMessage(loaded.settings.questions, valueOf(this.work.state.entry));
    this.work.set({ problems: { ...this.work.state.problems, reply: replyProblem(text) } });
    if (this.work.state.problems.reply) return this.work.focusLater('#reply-text');
    const idempotencyKey = this.work.keyFor('reply', checkin, text);
    const contractId = loaded.contract.id;
    const client = shortText(loaded.contract.client.name);
    const request = () => adapter.reply(contractId, checkin.id, { text }, { idempotencyKey });
    return this.send('reply', to.draft, request, (reply: Reply) => {
      const outcomes = writeSent(this.work.state.outcomes, 'reply');
      const patch = {
        entry: EMPTY_ENTRY,
        replyOpen: false,
        outcomes,
        problems: { ...this.work.state.problems, answers: [] },
      };
      const event = new CheckinReplyEvent({ contractId, checkinId: checkin.id, reply });
      return this.confirmed(patch, msg(str`Sent to ${client} as a message.`), event);
    });
  }
}
