/**
 * The in-memory "backend" behind `MemoryAdapter`: every request of DESIGN.md's adapter
 * contract (roles, versions, idempotency, eligibility, consent, cooldown), enforced the way a
 * real server would so the elements are tested against them. The rules live in pure modules
 * (settings, check-ins, input, paging); the plumbing in `StoreCore`.
 */
import { LIMITS } from '../limits.js';
import { isCheckin, itemTime } from '../model.js';
import type { Checkin, Contract, HistoryItem, Page, Reply, Settings, Viewer } from '../model.js';
import { nextPrompt } from '../schedule/index.js';
import type {
  AnswersInput,
  CheckinEvent,
  ListOptions,
  SettingsChange,
  UpdateSettingsOptions,
  WriteOptions,
} from './adapter.js';
import { StoreCore, byDue } from './memory-core.js';
import { HOUR, fail, isActive, iso, ms, sortNewestFirst, type MemoryData } from './memory-data.js';
import { checkAnswers, optionalText, requiredText } from './memory-input.js';
import { pageOf } from './memory-paging.js';
import { seedDemo } from './memory-seed.js';
import { applySettingsChange, checkChangeFields } from './memory-settings.js';

export { defaultSettings } from './memory-data.js';
export type { MemoryData, MemoryIdempotencyRecord, MemoryUser } from './memory-data.js';

/** Options of `MemoryStore`. */
export interface MemoryStoreOptions {
  /** Milliseconds since the epoch; wins over `data.now` (tests inject one). */
  clock?: () => number;
}

/** The backend as one signed-in user sees it; synchronous, throws `CheckinError`. */
export interface MemorySession {
  getViewer(contractId?: string): Viewer;
  getContract(contractId: string): Contract;
  getSettings(contractId: string): Settings;
  updateSettings(contractId: string, change: SettingsChange, options: UpdateSettingsOptions): Settings;
  listCheckins(contractId: string, options?: ListOptions): Page<Checkin>;
  listHistory(contractId: string, options?: ListOptions): Page<HistoryItem>;
  submitAnswers(contractId: string, checkinId: string, input: AnswersInput, options: WriteOptions): Checkin;
  skipCheckin(contractId: string, checkinId: string, input: { note: string }, options: WriteOptions): Checkin;
  acknowledge(contractId: string, checkinId: string): Checkin;
  requestUpdate(contractId: string, input: { message?: string }, options: WriteOptions): Checkin;
  reply(contractId: string, checkinId: string, input: { text: string }, options: WriteOptions): Reply;
  subscribe(contractId: string, listener: (event: CheckinEvent) => void): () => void;
}

/**
 * The memory backend. Several `MemoryAdapter`s (a client's, a talent's) share one store, so a
 * write by one reaches the other's subscription.
 */
export class MemoryStore extends StoreCore {
  /** Starts from `data` (copied), or from `seedDemo()` at the store's clock. */
  constructor(data?: MemoryData, options: MemoryStoreOptions = {}) {
    super(data ? structuredClone(data) : seedDemo({ now: options.clock?.() }), options.clock);
  }

  /**
   * Freezes the clock at `instant` (null: real time), then creates due check-ins and notifies.
   * An injected `options.clock` still wins over the frozen instant.
   */
  setNow(instant: string | number | null): void {
    if (instant !== null && Number.isNaN(new Date(instant).getTime())) {
      throw new RangeError(`setNow needs an instant, got ${JSON.stringify(instant)}.`);
    }
    this.data.now = instant === null ? null : new Date(instant).toISOString();
    this.refresh(true);
    this.changed();
  }

  /**
   * Moves the clock to just after the next prompt of `contractId` and returns that prompt, or
   * null (and leaves the clock) when no prompt is coming: check-ins off, awaiting consent,
   * or the contract ends first.
   */
  advanceToNextPrompt(contractId: string): string | null {
    const contract = this.contract(contractId);
    const settings = this.settingsOf(contract);
    if (!isActive(settings)) return null;
    const next = nextPrompt(settings.schedule, this.now(), contract);
    if (next) this.setNow(ms(next) + 1000);
    return next;
  }

  /** A deep, JSON-safe copy of everything, for persistence. */
  snapshot(): MemoryData {
    return structuredClone(this.data);
  }

  /** Every event about `contractId`, whoever caused it (server side: no access check). */
  subscribe(contractId: string, listener: (event: CheckinEvent) => void): () => void {
    let set = this.subscribers.get(contractId);
    if (!set) this.subscribers.set(contractId, (set = new Set()));
    // A wrapper per call, so subscribing the same function twice gives two independent handles.
    const entry = (event: CheckinEvent) => listener(event);
    set.add(entry);
    return () => set!.delete(entry);
  }

  /** How many listeners are subscribed, over all contracts (a leak check for tests). */
  get subscriberCount(): number {
    let count = 0;
    for (const set of this.subscribers.values()) count += set.size;
    return count;
  }

  /** Calls `listener` (once per microtask at most) after any change, e.g. to persist a snapshot. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** The backend as user `viewerId` sees it; `MemoryAdapter` calls it after latency and faults. */
  session(viewerId: string): MemorySession {
    const as = viewerId;
    return {
      getViewer: (id) => this.serve(() => this.viewer(as, id)),
      getContract: (id) => this.serve(() => structuredClone(this.access(as, id).contract)),
      getSettings: (id) => this.serve(() => this.settingsOut(this.access(as, id).contract)),
      updateSettings: (id, change, options) => this.serve(() => this.updateSettings(as, id, change, options)),
      listCheckins: (id, options) => this.serve(() => this.list(as, id, options)),
      listHistory: (id, options) => this.serve(() => this.history(as, id, options)),
      submitAnswers: (id, checkinId, input, options) =>
        this.serve(() => this.submitAnswers(as, id, checkinId, input, options)),
      skipCheckin: (id, checkinId, input, options) => this.serve(() => this.skip(as, id, checkinId, input, options)),
      acknowledge: (id, checkinId) => this.serve(() => this.acknowledge(as, id, checkinId)),
      requestUpdate: (id, input, options) => this.serve(() => this.requestUpdate(as, id, input, options)),
      reply: (id, checkinId, input, options) => this.serve(() => this.reply(as, id, checkinId, input, options)),
      subscribe: (id, listener) => {
        // A subscriber who may not read the contract hears nothing (no throw: subscribe is sync).
        const contract = this.data.contracts.find((c) => c.id === id);
        if (!contract || !this.roleIn(as, contract)) return () => {};
        return this.subscribe(id, listener);
      },
    };
  }

  // ---- the requests ----------------------------------------------------------------------

  private viewer(viewerId: string, contractId?: string): Viewer {
    const user = this.data.users.find((u) => u.id === viewerId);
    if (!user) throw fail('not-found', `There is no user "${viewerId}".`);
    const contract =
      this.data.contracts.find((c) => c.id === contractId) ??
      this.data.contracts.find((c) => {
        const role = this.roleIn(viewerId, c);
        return role === 'client' || role === 'talent';
      });
    const role = (contract && this.roleIn(viewerId, contract)) || 'observer';
    return {
      id: user.id,
      role,
      name: user.name,
      timeZone: user.timeZone,
      ...(user.locale ? { locale: user.locale } : {}),
    };
  }

  private updateSettings(
    viewerId: string,
    contractId: string,
    change: SettingsChange,
    options: UpdateSettingsOptions,
  ): Settings {
    const { contract, role } = this.access(viewerId, contractId);
    checkChangeFields(change, role);
    const { expectedVersion, idempotencyKey } = options ?? ({} as UpdateSettingsOptions);
    const input = { contractId, change, expectedVersion };
    return this.idempotent(viewerId, 'updateSettings', idempotencyKey, input, () => {
      const current = this.settingsOf(contract);
      if (typeof expectedVersion !== 'number' || !Number.isInteger(expectedVersion)) {
        throw fail('invalid', 'The change must say which settings version it was made against.');
      }
      if (expectedVersion !== current.version) {
        throw fail(
          'conflict',
          'The settings were changed by someone else since you loaded them. Reload them and try again.',
        );
      }
      const now = this.now();
      const actor = this.party(contract, role);
      const outcome = applySettingsChange(current, change, {
        contract,
        role,
        actor,
        policy: this.data.policy,
        now,
      });
      const { next } = outcome;
      next.version = current.version + 1;
      next.updatedAt = iso(now);
      next.updatedBy = actor;
      if (outcome.closes) this.closeOpen(contract, actor, outcome.closes);
      if (!isActive(next)) this.data.activeSince[contract.id] = null;
      else if (!isActive(current)) this.data.activeSince[contract.id] = iso(now);
      if (outcome.scheduleChanged) this.data.scheduleChangedAt[contract.id] = iso(now);
      this.data.settings[contract.id] = next;
      this.record(contract, actor, outcome.changes);
      const result = this.settingsOut(contract);
      this.emit(contract.id, { type: 'settings', settings: structuredClone(result) });
      return result;
    });
  }

  private list(viewerId: string, contractId: string, options: ListOptions = {}): Page<Checkin> {
    const { contract } = this.access(viewerId, contractId);
    const page = pageOf(this.checkinsOf(contractId), byDue, options);
    const derived = this.derived(contract);
    return { ...page, items: page.items.map((c) => this.out(contract, c, derived)) };
  }

  /** Check-ins and activity entries together, newest first (a check-in by due, an entry by time). */
  private history(viewerId: string, contractId: string, options: ListOptions = {}): Page<HistoryItem> {
    const { contract } = this.access(viewerId, contractId);
    const all: HistoryItem[] = [...this.checkinsOf(contractId), ...this.activityOf(contractId)];
    sortNewestFirst(all, itemTime);
    const page = pageOf(all, itemTime, options);
    const derived = this.derived(contract);
    const items = page.items.map((item) =>
      isCheckin(item) ? this.out(contract, item, derived) : structuredClone(item),
    );
    return { ...page, items };
  }

  /** Refuses a write to a check-in that can no longer take one, saying why. */
  private checkWritable(contract: Contract, checkin: Checkin, action: 'answer' | 'skip'): void {
    const { status, closesAt } = this.derived(contract).get(checkin.id)!;
    // The edit window is the check-in's own closesAt: a later prompt that has opened ends it.
    const closed = closesAt !== null && this.now() >= ms(closesAt);
    if (status === 'closed') {
      const why =
        checkin.closedReason === 'turned-off' ? 'check-ins were turned off' : `consent was ${checkin.closedReason}`;
      throw fail('conflict', `This check-in closed when ${why}. What you wrote can still be sent as a reply.`);
    }
    if (action === 'skip' && status === 'answered') throw fail('conflict', 'This check-in was already answered.');
    if (action === 'skip' && status === 'skipped') throw fail('conflict', 'This check-in was already skipped.');
    if (status === 'missed' || (action === 'answer' && closed)) {
      throw fail(
        'conflict',
        status === 'answered'
          ? 'This check-in can no longer be edited: the next one has opened.'
          : status === 'skipped'
            ? 'This check-in was skipped and the next one has opened, so it can no longer be answered.'
            : 'This check-in was missed: the next one has already opened.',
      );
    }
  }

  private submitAnswers(
    viewerId: string,
    contractId: string,
    checkinId: string,
    input: AnswersInput,
    options: WriteOptions,
  ): Checkin {
    const { contract, role } = this.access(viewerId, contractId);
    this.require(role, 'talent', 'Only the freelancer can answer check-ins.');
    const slot = { contractId, checkinId, input };
    return this.idempotent(viewerId, 'submitAnswers', options?.idempotencyKey, slot, () => {
      const checkin = this.findCheckin(contractId, checkinId);
      this.checkWritable(contract, checkin, 'answer');
      const { answers, health } = checkAnswers(input, this.settingsOf(contract).questions);
      const now = iso(this.now());
      if (checkin.answers !== null) {
        checkin.editedAt = now;
        // The client saw the earlier text; "seen" must not vouch for the new one.
        checkin.acknowledgedAt = null;
      } else {
        checkin.answeredAt = now;
        checkin.editedAt = null;
        checkin.skipNote = null;
      }
      checkin.answers = answers;
      checkin.health = health;
      checkin.status = 'answered';
      return this.publish(contract, checkin);
    });
  }

  private skip(
    viewerId: string,
    contractId: string,
    checkinId: string,
    input: { note: string },
    options: WriteOptions,
  ): Checkin {
    const { contract, role } = this.access(viewerId, contractId);
    this.require(role, 'talent', 'Only the freelancer can skip a check-in.');
    const slot = { contractId, checkinId, input };
    return this.idempotent(viewerId, 'skipCheckin', options?.idempotencyKey, slot, () => {
      const checkin = this.findCheckin(contractId, checkinId);
      this.checkWritable(contract, checkin, 'skip');
      checkin.skipNote = optionalText(input?.note ?? null, LIMITS.note, 'The note');
      checkin.status = 'skipped';
      return this.publish(contract, checkin);
    });
  }

  private acknowledge(viewerId: string, contractId: string, checkinId: string): Checkin {
    const { contract, role } = this.access(viewerId, contractId);
    this.require(role, 'client', 'Only the client can mark a check-in as seen.');
    const checkin = this.findCheckin(contractId, checkinId);
    if (checkin.answers === null) {
      throw fail('conflict', 'Only an answered check-in can be marked as seen.');
    }
    // Idempotent by nature: the first "seen" stands and a repeat is not news.
    if (checkin.acknowledgedAt) return this.out(contract, checkin);
    checkin.acknowledgedAt = iso(this.now());
    return this.publish(contract, checkin);
  }

  private requestUpdate(
    viewerId: string,
    contractId: string,
    input: { message?: string },
    options: WriteOptions,
  ): Checkin {
    const { contract, role } = this.access(viewerId, contractId);
    this.require(role, 'client', 'Only the client can request an update.');
    const slot = { contractId, input };
    return this.idempotent(viewerId, 'requestUpdate', options?.idempotencyKey, slot, () => {
      const now = this.now();
      // Allowed whether or not weekly check-ins are on or agreed to: a request is a message in
      // the client's name, not an automatic prompt; the cooldown is what protects the talent.
      if (now < ms(contract.startsAt) || (contract.endsAt && now >= ms(contract.endsAt))) {
        throw fail('conflict', 'Updates can only be requested while the contract is running.');
      }
      const message = optionalText(input?.message ?? null, LIMITS.message, 'The message');
      const last = this.data.lastRequestAt[contractId];
      const retry = last ? ms(last) + this.data.policy.requestUpdateCooldownHours * HOUR : 0;
      if (now < retry) {
        const when = new Intl.DateTimeFormat('en-US', {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: contract.client.timeZone,
        }).format(retry);
        throw fail('rate-limited', `An update was requested recently. You can ask again after ${when}.`, iso(retry));
      }
      const checkin = this.newCheckin(contract, 'requested', iso(now), message);
      const list = this.checkinsOf(contractId);
      list.push(checkin);
      sortNewestFirst(list, byDue);
      this.data.lastRequestAt[contractId] = checkin.dueAt;
      return this.publish(contract, checkin);
    });
  }

  private reply(
    viewerId: string,
    contractId: string,
    checkinId: string,
    input: { text: string },
    options: WriteOptions,
  ): Reply {
    const { contract, role } = this.access(viewerId, contractId);
    if (role === 'observer') throw fail('forbidden', 'Observers can read check-ins but not reply.');
    const slot = { contractId, checkinId, input };
    return this.idempotent(viewerId, 'reply', options?.idempotencyKey, slot, () => {
      const checkin = this.findCheckin(contractId, checkinId);
      const reply: Reply = {
        id: `${checkin.id}-re${checkin.replies.length + 1}`,
        author: this.party(contract, role),
        text: requiredText(input?.text, LIMITS.reply, 'A reply'),
        createdAt: iso(this.now()),
      };
      checkin.replies.push(reply);
      this.emit(contractId, { type: 'reply', checkinId, reply: structuredClone(reply) });
      return structuredClone(reply);
    });
  }
}
