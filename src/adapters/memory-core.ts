/**
 * The plumbing of the memory backend: the data, the clock, access rules, events and the
 * materialisation of check-ins at their prompt instants. `MemoryStore` builds the requests on
 * it. No Lit, no DOM, no timers: check-ins are created lazily from the clock.
 */
import { DEFAULT_POLICY } from '../model.js';
import type {
  Activity,
  ActivityChange,
  Checkin,
  CheckinStatus,
  ClosedReason,
  Contract,
  Party,
  Role,
  Settings,
} from '../model.js';
import { checkEligibility, nextPrompt } from '../schedule/index.js';
import type { CheckinEvent } from './adapter.js';
import { deriveCheckins, type Derived } from './memory-checkins.js';
import {
  defaultSettings,
  fail,
  isActive,
  iso,
  ms,
  openCheckin,
  sortNewestFirst,
  type MemoryData,
  type StoreData,
} from './memory-data.js';
import { runIdempotent } from './memory-idempotency.js';

// Bounds the work of a clock jumped far ahead (ten years of weekly prompts).
const MAX_MATERIALISED = 520;

type Listener = (event: CheckinEvent) => void;

/** "2026-05-15T14:00:00.000Z" -> "20260515T140000Z", for readable ids. */
const compact = (instant: string) => instant.replace(/[-:]/g, '').replace(/\.\d+/, '');

export const byDue = (c: Checkin): string => c.dueAt;

export class StoreCore {
  protected readonly data: StoreData;
  private readonly clock?: () => number;
  protected readonly subscribers = new Map<string, Set<Listener>>();
  protected readonly changeListeners = new Set<() => void>();
  private changeQueued = false;
  // The status each check-in was last reported with, so time passing (open -> late -> missed)
  // reaches subscribers as a change, once.
  private readonly reported = new Map<string, CheckinStatus>();

  constructor(source: MemoryData, clock?: () => number) {
    this.clock = clock;
    this.data = {
      ...source,
      observers: source.observers ?? {},
      settings: source.settings ?? {},
      checkins: source.checkins ?? {},
      lastRequestAt: source.lastRequestAt ?? {},
      policy: { ...DEFAULT_POLICY, ...source.policy },
      activeSince: source.activeSince ?? {},
      scheduleChangedAt: source.scheduleChangedAt ?? {},
      activity: source.activity ?? {},
      idempotency: source.idempotency ?? {},
    };
    for (const list of Object.values(this.data.checkins)) sortNewestFirst(list, byDue);
    for (const list of Object.values(this.data.activity)) sortNewestFirst(list, (a) => a.at);
    for (const [contractId, settings] of Object.entries(this.data.settings)) {
      // Hand-written data may omit activeSince: prompts then count from the last settings change.
      if (!(contractId in this.data.activeSince)) {
        this.data.activeSince[contractId] = isActive(settings) ? settings.updatedAt : null;
      }
    }
    this.refresh(false);
  }

  /** The store's clock, in milliseconds: `options.clock`, else the frozen `now`, else real time. */
  now(): number {
    if (this.clock) return this.clock();
    return this.data.now ? ms(this.data.now) : Date.now();
  }

  /** Every request first brings the check-ins up to the clock, as a server would on read. */
  protected serve<T>(work: () => T): T {
    this.refresh(true);
    return work();
  }

  protected changed(): void {
    if (this.changeQueued) return;
    this.changeQueued = true;
    queueMicrotask(() => {
      this.changeQueued = false;
      for (const listener of [...this.changeListeners]) listener();
    });
  }

  protected emit(contractId: string, event: CheckinEvent): void {
    const set = this.subscribers.get(contractId);
    this.changed();
    if (!set) return;
    for (const listener of set) {
      // Each listener gets its own copy, later, like a message off a socket.
      const copy = structuredClone(event);
      queueMicrotask(() => {
        if (set.has(listener)) listener(copy);
      });
    }
  }

  protected contract(contractId: string): Contract {
    const contract = this.data.contracts.find((c) => c.id === contractId);
    if (!contract) throw fail('not-found', `There is no contract "${contractId}".`);
    return contract;
  }

  protected roleIn(viewerId: string, contract: Contract): Role | null {
    if (viewerId === contract.client.id) return 'client';
    if (viewerId === contract.talent.id) return 'talent';
    if (this.data.observers[contract.id]?.includes(viewerId)) return 'observer';
    return null;
  }

  /** The contract and the caller's role in it; strangers are refused everything. */
  protected access(viewerId: string, contractId: string): { contract: Contract; role: Role } {
    const contract = this.contract(contractId);
    const role = this.roleIn(viewerId, contract);
    if (!role) throw fail('forbidden', 'You do not have access to this contract.');
    return { contract, role };
  }

  protected require(role: Role, allowed: Role, message: string): void {
    if (role !== allowed) throw fail('forbidden', message);
  }

  protected party(contract: Contract, role: Role): Party {
    return structuredClone(role === 'client' ? contract.client : contract.talent);
  }

  protected settingsOf(contract: Contract): Settings {
    return (this.data.settings[contract.id] ??= defaultSettings(contract));
  }

  protected settingsOut(contract: Contract): Settings {
    const settings = structuredClone(this.settingsOf(contract));
    // Eligibility depends on the policy and the clock, so it is computed, never trusted as stored.
    settings.eligibility = checkEligibility(contract, this.data.policy, this.now());
    settings.policy = { ...this.data.policy };
    return settings;
  }

  protected checkinsOf(contractId: string): Checkin[] {
    return (this.data.checkins[contractId] ??= []);
  }

  protected activityOf(contractId: string): Activity[] {
    return (this.data.activity[contractId] ??= []);
  }

  protected findCheckin(contractId: string, checkinId: string): Checkin {
    const checkin = this.checkinsOf(contractId).find((c) => c.id === checkinId);
    if (!checkin) throw fail('not-found', 'This check-in does not exist (it may have been removed).');
    return checkin;
  }

  protected derived(contract: Contract): Map<string, Derived> {
    return deriveCheckins(this.checkinsOf(contract.id), contract, this.data.settings[contract.id], this.now());
  }

  protected out(contract: Contract, checkin: Checkin, derived = this.derived(contract)): Checkin {
    return { ...structuredClone(checkin), ...derived.get(checkin.id) };
  }

  /** Emits the check-in as it now is and returns a copy for the caller. */
  protected publish(contract: Contract, checkin: Checkin): Checkin {
    const result = this.out(contract, checkin);
    this.reported.set(checkin.id, result.status);
    this.emit(contract.id, { type: 'checkin', checkin: structuredClone(result) });
    return result;
  }

  /** Appends a history entry per change, in `actor`'s name, and emits each. */
  protected record(contract: Contract, actor: Party, changes: ActivityChange[]): void {
    const list = this.activityOf(contract.id);
    for (const change of changes) {
      const activity: Activity = {
        // Zero-padded, so ids sort in the order entries were made (ties at one instant).
        id: `${contract.id}-a${String(list.length + 1).padStart(6, '0')}`,
        contractId: contract.id,
        kind: 'activity',
        at: iso(this.now()),
        actor: structuredClone(actor),
        change,
      };
      list.unshift(activity);
      this.emit(contract.id, { type: 'activity', activity: structuredClone(activity) });
    }
  }

  /** Closes every open or late scheduled check-in; requests stay answerable. */
  protected closeOpen(contract: Contract, actor: Party, reason: ClosedReason): void {
    const derived = this.derived(contract);
    for (const checkin of this.checkinsOf(contract.id)) {
      const status = derived.get(checkin.id)!.status;
      if (checkin.kind !== 'scheduled' || (status !== 'open' && status !== 'late')) continue;
      checkin.status = 'closed';
      checkin.closedAt = iso(this.now());
      checkin.closedBy = structuredClone(actor);
      checkin.closedReason = reason;
      this.publish(contract, checkin);
    }
  }

  protected idempotent<T>(viewerId: string, method: string, key: unknown, input: unknown, write: () => T): T {
    const slot = { viewerId, method, key, input, now: this.now() };
    const result = runIdempotent(this.data.idempotency, slot, write);
    this.changed();
    return result;
  }

  /**
   * Creates every scheduled check-in that has come due, and tells subscribers about those and
   * about check-ins whose status the clock changed (when `notify`).
   */
  protected refresh(notify: boolean): void {
    for (const contract of this.data.contracts) {
      const created = new Set(this.materialise(contract));
      const list = this.checkinsOf(contract.id);
      if (!list.length) continue;
      const derived = this.derived(contract);
      for (const checkin of list) {
        const facts = derived.get(checkin.id)!;
        const before = this.reported.get(checkin.id);
        Object.assign(checkin, facts);
        if (before === facts.status && !created.has(checkin.id)) continue;
        this.reported.set(checkin.id, facts.status);
        // The first sight of existing data is a baseline, not news.
        if (notify && (before !== undefined || created.has(checkin.id))) {
          this.emit(contract.id, { type: 'checkin', checkin: structuredClone(checkin) });
        } else if (created.has(checkin.id)) {
          this.changed();
        }
      }
    }
  }

  /**
   * Creates the scheduled check-ins due by now: after the latest of "prompts became due",
   * the last scheduled check-in and the last schedule change, so no change rewrites the past.
   */
  private materialise(contract: Contract): string[] {
    const settings = this.data.settings[contract.id];
    const since = this.data.activeSince[contract.id];
    if (!settings || !isActive(settings) || !since) return [];
    const list = this.checkinsOf(contract.id);
    const last = list.find((c) => c.kind === 'scheduled');
    const changedAt = this.data.scheduleChangedAt[contract.id];
    let after = Math.max(
      ms(since),
      last ? ms(last.dueAt) : Number.NEGATIVE_INFINITY,
      changedAt ? ms(changedAt) : Number.NEGATIVE_INFINITY,
    );
    const now = this.now();
    const created: string[] = [];
    for (let i = 0; i < MAX_MATERIALISED; i++) {
      const due = nextPrompt(settings.schedule, after, contract);
      if (!due || ms(due) > now) break;
      const checkin = this.newCheckin(contract, 'scheduled', iso(ms(due)), null);
      list.push(checkin);
      created.push(checkin.id);
      after = ms(due);
    }
    if (created.length) sortNewestFirst(list, byDue);
    return created;
  }

  protected newCheckin(contract: Contract, kind: Checkin['kind'], dueAt: string, message: string | null): Checkin {
    const list = this.checkinsOf(contract.id);
    const base = `${contract.id}-${kind === 'scheduled' ? '' : 'r'}${compact(dueAt)}`;
    let id = base;
    for (let n = 2; list.some((c) => c.id === id); n++) id = `${base}-${n}`;
    return {
      ...openCheckin(contract, { id, kind, dueAt, message }),
      lateAt: null,
      closesAt: null,
      closedAt: null,
      closedBy: null,
      closedReason: null,
    };
  }
}
