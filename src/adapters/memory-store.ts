/**
 * The in-memory "backend" behind `MemoryAdapter`: the data, the clock and every rule of
 * DESIGN.md's adapter contract (roles, versions, idempotency, eligibility, consent, cooldown,
 * status derivation), enforced the way a real server would so the elements are tested
 * against them. No Lit, no DOM, no timers: check-ins are materialised lazily from the clock.
 */
import {
  CheckinError,
  DEFAULT_POLICY,
  DEFAULT_QUESTIONS,
  DEFAULT_SCHEDULE_TIME,
  DEFAULT_WEEKDAY,
  HEALTH_VALUES,
} from '../model.js';
import type {
  Answer,
  Checkin,
  CheckinStatus,
  Contract,
  Health,
  Page,
  Party,
  Policy,
  Question,
  Reply,
  Role,
  Settings,
  Viewer,
} from '../model.js';
import { checkEligibility, localDateOf, nextPrompt, validateSchedule } from '../schedule/index.js';
import type {
  AnswersInput,
  CheckinEvent,
  ListOptions,
  SettingsChange,
  UpdateSettingsOptions,
  WriteOptions,
} from './adapter.js';
import { seedDemo } from './memory-seed.js';

/** A person the memory backend knows. */
export interface MemoryUser {
  id: string;
  name: string;
  timeZone: string;
  locale?: string;
}

/** An idempotent write as stored: what was asked (fingerprint) and what it returned. */
export interface MemoryIdempotencyRecord {
  fingerprint: string;
  result: unknown;
  at: string;
}

/** JSON-safe snapshot of a store, so a demo can persist and restore it. */
export interface MemoryData {
  users: MemoryUser[];
  contracts: Contract[];
  /** contractId -> ids of users who may read it. */
  observers: Record<string, string[]>;
  /** contractId -> settings. */
  settings: Record<string, Settings>;
  /** contractId -> check-ins, newest first. */
  checkins: Record<string, Checkin[]>;
  /** contractId -> instant of the last "request an update". */
  lastRequestAt: Record<string, string>;
  policy: Policy;
  /** Frozen clock instant, if set (the demo's "jump to next prompt"). */
  now?: string | null;
  /**
   * contractId -> instant since which prompts are due (enabled, and consent not pending or
   * declined), or null. Prompts before it are never created: turning check-ins on, or
   * consenting, does not produce a backlog of instantly missed check-ins.
   */
  activeSince?: Record<string, string | null>;
  /** Results of idempotent writes, keyed by viewer, method and key (kept across reloads). */
  idempotency?: Record<string, MemoryIdempotencyRecord>;
}

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
  updateSettings(
    contractId: string,
    change: SettingsChange,
    options: UpdateSettingsOptions,
  ): Settings;
  listCheckins(contractId: string, options?: ListOptions): Page<Checkin>;
  submitAnswers(
    contractId: string,
    checkinId: string,
    input: AnswersInput,
    options: WriteOptions,
  ): Checkin;
  skipCheckin(
    contractId: string,
    checkinId: string,
    input: { note: string },
    options: WriteOptions,
  ): Checkin;
  acknowledge(contractId: string, checkinId: string): Checkin;
  requestUpdate(contractId: string, input: { message?: string }, options: WriteOptions): Checkin;
  reply(
    contractId: string,
    checkinId: string,
    input: { text: string },
    options: WriteOptions,
  ): Reply;
  subscribe(contractId: string, listener: (event: CheckinEvent) => void): () => void;
}

const HOUR = 3_600_000;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const MAX_QUESTIONS = 10;
const MAX_PROMPT = 200;
const MAX_ANSWER_LIMIT = 5000;
const MAX_NOTE = 500;
const MAX_MESSAGE = 500;
const MAX_REPLY = 2000;
const MAX_KEY = 200;
// Bounds the work of a clock jumped far ahead (ten years of weekly prompts).
const MAX_MATERIALISED = 520;
// Old idempotency records are dropped past this count; a retry comes within minutes, not weeks.
const MAX_IDEMPOTENCY_RECORDS = 1000;

type Listener = (event: CheckinEvent) => void;
type Data = Required<Omit<MemoryData, 'now'>> & { now?: string | null };

const fail = (
  code: ConstructorParameters<typeof CheckinError>[0],
  message: string,
  retryAt?: string,
) => new CheckinError(code, message, { retryAt });

const ms = (instant: string) => Date.parse(instant);
const iso = (time: number) => new Date(time).toISOString();

/** Sorts newest first by due instant; the id breaks ties so paging is total. */
function sortNewestFirst(list: Checkin[]): void {
  // Each instant is parsed once, not once per comparison: seeds of 10,000 check-ins exist.
  const due = new Map(list.map((c) => [c, ms(c.dueAt)]));
  list.sort((a, b) => due.get(b)! - due.get(a)! || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** "2026-05-15T14:00:00.000Z" -> "20260515T140000Z", for readable ids. */
function compact(instant: string): string {
  return instant.replace(/[-:]/g, '').replace(/\.\d+/, '');
}

/** JSON with sorted keys: two equal inputs give the same fingerprint whatever their key order. */
function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

function encodeCursor(position: { d: number; i: string }): string {
  const bytes = new TextEncoder().encode(JSON.stringify(position));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string): { d: number; i: string } {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const position = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (
      typeof position?.d === 'number' &&
      Number.isFinite(position.d) &&
      typeof position.i === 'string'
    ) {
      return position;
    }
  } catch {
    // Falls through to the error below: any garbage is the same mistake to the caller.
  }
  throw fail('invalid', 'The page cursor is not valid. Start again from the first page.');
}

/** Settings of a contract never configured: off, Fridays 09:00 in the talent's zone. */
export function defaultSettings(contract: Contract): Settings {
  return {
    contractId: contract.id,
    enabled: false,
    consent: 'not-needed',
    eligibility: { eligible: true, reason: null },
    schedule: {
      weekday: DEFAULT_WEEKDAY,
      time: DEFAULT_SCHEDULE_TIME,
      timeZone: contract.talent.timeZone,
      skipDates: [],
      pausedUntil: null,
    },
    questions: structuredClone(DEFAULT_QUESTIONS) as Question[],
    version: 1,
    updatedAt: contract.startsAt,
    updatedBy: null,
    enabledAt: null,
    enabledBy: null,
  };
}

/** Prompts are due only while check-ins are on and the talent has not withheld consent. */
function isActive(settings: Settings): boolean {
  return settings.enabled && (settings.consent === 'not-needed' || settings.consent === 'given');
}

function checkQuestions(value: unknown): Question[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_QUESTIONS) {
    throw fail('invalid', `There must be between 1 and ${MAX_QUESTIONS} questions.`);
  }
  const seen = new Set<string>();
  return value.map((raw: Partial<Question> | null, index) => {
    const n = index + 1;
    if (!raw || typeof raw !== 'object') throw fail('invalid', `Question ${n} is not a question.`);
    const id = typeof raw.id === 'string' ? raw.id.trim() : '';
    if (!id || id.length > 50)
      throw fail('invalid', `Question ${n} needs an id of 1 to 50 characters.`);
    if (seen.has(id))
      throw fail('invalid', `Two questions have the id "${id}"; ids must be unique.`);
    seen.add(id);
    const prompt = typeof raw.prompt === 'string' ? raw.prompt.trim() : '';
    if (!prompt || prompt.length > MAX_PROMPT) {
      throw fail('invalid', `Question ${n} needs a prompt of 1 to ${MAX_PROMPT} characters.`);
    }
    if (typeof raw.required !== 'boolean') {
      throw fail('invalid', `Question ${n} must say whether it is required (true or false).`);
    }
    const max = raw.maxLength;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > MAX_ANSWER_LIMIT) {
      throw fail(
        'invalid',
        `The answer limit of question ${n} must be a whole number from 1 to ${MAX_ANSWER_LIMIT}.`,
      );
    }
    const quick = raw.quickAnswers ?? [];
    if (
      !Array.isArray(quick) ||
      quick.length > 10 ||
      quick.some((q) => typeof q !== 'string' || !q.trim() || q.length > MAX_PROMPT)
    ) {
      throw fail(
        'invalid',
        `Question ${n} may have up to 10 quick answers of 1 to ${MAX_PROMPT} characters.`,
      );
    }
    return {
      id,
      prompt,
      required: raw.required,
      maxLength: max,
      quickAnswers: quick.map((q) => q.trim()),
    };
  });
}

function checkAnswers(
  input: AnswersInput,
  questions: Question[],
): { answers: Answer[]; health: Health | null } {
  if (!input || typeof input !== 'object' || !Array.isArray(input.answers)) {
    throw fail('invalid', 'The answers must be a list.');
  }
  const given = new Map<string, string>();
  for (const answer of input.answers as unknown[]) {
    const { questionId, text } = (answer ?? {}) as Partial<Answer>;
    if (typeof questionId !== 'string' || typeof text !== 'string') {
      throw fail('invalid', 'Each answer needs a question id and a text.');
    }
    const question = questions.find((q) => q.id === questionId);
    if (!question) throw fail('invalid', `There is no question "${questionId}" in this check-in.`);
    if (given.has(questionId)) throw fail('invalid', `"${question.prompt}" was answered twice.`);
    const trimmed = text.trim();
    if (trimmed.length > question.maxLength) {
      throw fail(
        'invalid',
        `The answer to "${question.prompt}" is longer than ${question.maxLength} characters.`,
      );
    }
    given.set(questionId, trimmed);
  }
  for (const question of questions) {
    if (question.required && !given.get(question.id)) {
      throw fail('invalid', `Please answer "${question.prompt}".`);
    }
  }
  const health = input.health ?? null;
  if (health !== null && !HEALTH_VALUES.includes(health)) {
    throw fail('invalid', `The health must be one of ${HEALTH_VALUES.join(', ')}.`);
  }
  // Stored in the order the questions are asked, whatever order they arrived in.
  const answers = questions
    .filter((q) => given.has(q.id))
    .map((q) => ({ questionId: q.id, text: given.get(q.id)! }));
  return { answers, health };
}

/**
 * The memory backend. Several `MemoryAdapter`s (a client's, a talent's) share one store, so a
 * write by one reaches the other's subscription.
 */
export class MemoryStore {
  private readonly data: Data;
  private readonly clock?: () => number;
  private readonly subscribers = new Map<string, Set<Listener>>();
  private readonly changeListeners = new Set<() => void>();
  private changeQueued = false;
  // The status each check-in was last reported with, so time passing (open -> late -> missed)
  // reaches subscribers as a change, once.
  private readonly reported = new Map<string, CheckinStatus>();

  /** Starts from `data` (copied), or from `seedDemo()` at the store's clock. */
  constructor(data?: MemoryData, options: MemoryStoreOptions = {}) {
    this.clock = options.clock;
    const source = data ? structuredClone(data) : seedDemo({ now: options.clock?.() });
    this.data = {
      ...source,
      observers: source.observers ?? {},
      settings: source.settings ?? {},
      checkins: source.checkins ?? {},
      lastRequestAt: source.lastRequestAt ?? {},
      policy: { ...DEFAULT_POLICY, ...source.policy },
      activeSince: source.activeSince ?? {},
      idempotency: source.idempotency ?? {},
    };
    for (const list of Object.values(this.data.checkins)) sortNewestFirst(list);
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
    const entry: Listener = (event) => listener(event);
    set.add(entry);
    return () => set!.delete(entry);
  }

  /** Calls `listener` (once per microtask at most) after any change, e.g. to persist a snapshot. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** The backend as user `viewerId` sees it; `MemoryAdapter` calls it after latency and faults. */
  session(viewerId: string): MemorySession {
    return {
      getViewer: (contractId) => this.serve(() => this.viewer(viewerId, contractId)),
      getContract: (contractId) =>
        this.serve(() => structuredClone(this.access(viewerId, contractId).contract)),
      getSettings: (contractId) =>
        this.serve(() => this.settingsOut(this.access(viewerId, contractId).contract)),
      updateSettings: (contractId, change, options) =>
        this.serve(() => this.updateSettings(viewerId, contractId, change, options)),
      listCheckins: (contractId, options) =>
        this.serve(() => this.list(viewerId, contractId, options)),
      submitAnswers: (contractId, checkinId, input, options) =>
        this.serve(() => this.submitAnswers(viewerId, contractId, checkinId, input, options)),
      skipCheckin: (contractId, checkinId, input, options) =>
        this.serve(() => this.skip(viewerId, contractId, checkinId, input, options)),
      acknowledge: (contractId, checkinId) =>
        this.serve(() => this.acknowledge(viewerId, contractId, checkinId)),
      requestUpdate: (contractId, input, options) =>
        this.serve(() => this.requestUpdate(viewerId, contractId, input, options)),
      reply: (contractId, checkinId, input, options) =>
        this.serve(() => this.reply(viewerId, contractId, checkinId, input, options)),
      subscribe: (contractId, listener) => {
        // A subscriber who may not read the contract hears nothing (no throw: subscribe is sync).
        const contract = this.data.contracts.find((c) => c.id === contractId);
        if (!contract || !this.roleIn(viewerId, contract)) return () => {};
        return this.subscribe(contractId, listener);
      },
    };
  }

  // ---- plumbing --------------------------------------------------------------------------

  /** Every request first brings the check-ins up to the clock, as a server would on read. */
  private serve<T>(work: () => T): T {
    this.refresh(true);
    return work();
  }

  private changed(): void {
    if (this.changeQueued) return;
    this.changeQueued = true;
    queueMicrotask(() => {
      this.changeQueued = false;
      for (const listener of [...this.changeListeners]) listener();
    });
  }

  private emit(contractId: string, event: CheckinEvent): void {
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

  private contract(contractId: string): Contract {
    const contract = this.data.contracts.find((c) => c.id === contractId);
    if (!contract) throw fail('not-found', `There is no contract "${contractId}".`);
    return contract;
  }

  private roleIn(viewerId: string, contract: Contract): Role | null {
    if (viewerId === contract.client.id) return 'client';
    if (viewerId === contract.talent.id) return 'talent';
    if (this.data.observers[contract.id]?.includes(viewerId)) return 'observer';
    return null;
  }

  /** The contract and the caller's role in it; strangers are refused everything. */
  private access(viewerId: string, contractId: string): { contract: Contract; role: Role } {
    const contract = this.contract(contractId);
    const role = this.roleIn(viewerId, contract);
    if (!role) throw fail('forbidden', 'You do not have access to this contract.');
    return { contract, role };
  }

  private require(role: Role, allowed: Role, message: string): void {
    if (role !== allowed) throw fail('forbidden', message);
  }

  private party(contract: Contract, role: Role): Party {
    return structuredClone(role === 'client' ? contract.client : contract.talent);
  }

  private settingsOf(contract: Contract): Settings {
    return (this.data.settings[contract.id] ??= defaultSettings(contract));
  }

  private settingsOut(contract: Contract): Settings {
    const settings = structuredClone(this.settingsOf(contract));
    // Eligibility depends on the policy and the clock, so it is computed, never trusted as stored.
    settings.eligibility = checkEligibility(contract, this.data.policy, this.now());
    settings.policy = { ...this.data.policy };
    return settings;
  }

  private checkinsOf(contractId: string): Checkin[] {
    return (this.data.checkins[contractId] ??= []);
  }

  private findCheckin(contractId: string, checkinId: string): Checkin {
    const checkin = this.checkinsOf(contractId).find((c) => c.id === checkinId);
    if (!checkin)
      throw fail('not-found', 'This check-in does not exist (it may have been removed).');
    return checkin;
  }

  /** True once a scheduled prompt after this check-in's has passed: the check-in is closed. */
  private nextHasOpened(contractId: string, checkin: Checkin): boolean {
    const due = ms(checkin.dueAt);
    return this.checkinsOf(contractId).some((c) => c.kind === 'scheduled' && ms(c.dueAt) > due);
  }

  /**
   * Status of every check-in of a contract at the store's clock. Answered and skipped stick;
   * otherwise missed once a later scheduled prompt exists, late once the due day is over in
   * the talent's zone, else open.
   */
  private statuses(contract: Contract): Map<string, CheckinStatus> {
    const zone = contract.talent.timeZone;
    const today = localDateOf(this.now(), zone);
    const result = new Map<string, CheckinStatus>();
    let laterScheduled = Number.POSITIVE_INFINITY;
    // Newest first, so the last scheduled check-in seen is the next prompt after the current one.
    for (const checkin of this.checkinsOf(contract.id)) {
      const due = ms(checkin.dueAt);
      let status: CheckinStatus;
      if (checkin.answers !== null) status = 'answered';
      else if (checkin.status === 'skipped') status = 'skipped';
      else if (laterScheduled > due && laterScheduled !== Number.POSITIVE_INFINITY)
        status = 'missed';
      else status = localDateOf(due, zone) < today ? 'late' : 'open';
      result.set(checkin.id, status);
      if (checkin.kind === 'scheduled') laterScheduled = due;
    }
    return result;
  }

  private out(contract: Contract, checkin: Checkin, statuses = this.statuses(contract)): Checkin {
    const copy = structuredClone(checkin);
    copy.status = statuses.get(checkin.id) ?? checkin.status;
    return copy;
  }

  /** Emits the check-in as it now is and returns a copy for the caller. */
  private publish(contract: Contract, checkin: Checkin): Checkin {
    const result = this.out(contract, checkin);
    this.reported.set(checkin.id, result.status);
    this.emit(contract.id, { type: 'checkin', checkin: structuredClone(result) });
    return result;
  }

  /**
   * Creates every scheduled check-in that has come due, and tells subscribers about those and
   * about check-ins whose status the clock changed (when `notify`).
   */
  private refresh(notify: boolean): void {
    for (const contract of this.data.contracts) {
      const created = new Set(this.materialise(contract));
      const list = this.checkinsOf(contract.id);
      if (!list.length) continue;
      const statuses = this.statuses(contract);
      for (const checkin of list) {
        const status = statuses.get(checkin.id)!;
        const before = this.reported.get(checkin.id);
        if (before === status && !created.has(checkin.id)) continue;
        this.reported.set(checkin.id, status);
        checkin.status = status;
        // The first sight of existing data is a baseline, not news.
        if (notify && (before !== undefined || created.has(checkin.id))) {
          this.emit(contract.id, {
            type: 'checkin',
            checkin: { ...structuredClone(checkin), status },
          });
        } else if (created.has(checkin.id)) {
          this.changed();
        }
      }
    }
  }

  private materialise(contract: Contract): string[] {
    const settings = this.data.settings[contract.id];
    const since = this.data.activeSince[contract.id];
    if (!settings || !isActive(settings) || !since) return [];
    const list = this.checkinsOf(contract.id);
    const last = list.find((c) => c.kind === 'scheduled');
    let after = Math.max(ms(since), last ? ms(last.dueAt) : Number.NEGATIVE_INFINITY);
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
    if (created.length) sortNewestFirst(list);
    return created;
  }

  private newCheckin(
    contract: Contract,
    kind: Checkin['kind'],
    dueAt: string,
    message: string | null,
  ): Checkin {
    const list = this.checkinsOf(contract.id);
    const base = `${contract.id}-${kind === 'scheduled' ? '' : 'r'}${compact(dueAt)}`;
    let id = base;
    for (let n = 2; list.some((c) => c.id === id); n++) id = `${base}-${n}`;
    return {
      id,
      contractId: contract.id,
      kind,
      dueAt,
      status: 'open',
      requestedBy: structuredClone(contract.client),
      ...(kind === 'requested' ? { message } : {}),
      answers: null,
      health: null,
      answeredAt: null,
      editedAt: null,
      skipNote: null,
      acknowledgedAt: null,
      replies: [],
    };
  }

  /**
   * Runs a write once per (viewer, method, key): a repeat with the same input returns the first
   * result without a second effect; a repeat with other input is refused. Failures are not
   * stored, so a retry after a failure really retries.
   */
  private idempotent<T>(
    viewerId: string,
    method: string,
    key: unknown,
    input: unknown,
    write: () => T,
  ): T {
    if (typeof key !== 'string' || !key.trim() || key.length > MAX_KEY) {
      throw fail('invalid', `This change needs an idempotency key of 1 to ${MAX_KEY} characters.`);
    }
    const slot = JSON.stringify([viewerId, method, key]);
    const print = fingerprint(input);
    const prior = this.data.idempotency[slot];
    if (prior) {
      if (prior.fingerprint !== print) {
        throw fail('invalid', 'This idempotency key was already used for a different request.');
      }
      return structuredClone(prior.result) as T;
    }
    const result = write();
    this.data.idempotency[slot] = {
      fingerprint: print,
      result: structuredClone(result),
      at: iso(this.now()),
    };
    const slots = Object.keys(this.data.idempotency);
    for (const old of slots.slice(0, Math.max(0, slots.length - MAX_IDEMPOTENCY_RECORDS))) {
      delete this.data.idempotency[old];
    }
    this.changed();
    return result;
  }

  // ---- the requests ----------------------------------------------------------------------

  private viewer(viewerId: string, contractId?: string): Viewer {
    const user = this.data.users.find((u) => u.id === viewerId);
    if (!user) throw fail('not-found', `There is no user "${viewerId}".`);
    const contract =
      this.data.contracts.find((c) => c.id === contractId) ??
      this.data.contracts.find(
        (c) => this.roleIn(viewerId, c) === 'client' || this.roleIn(viewerId, c) === 'talent',
      );
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
    if (role === 'observer')
      throw fail('forbidden', 'Observers can read check-ins but not change them.');
    if (!change || typeof change !== 'object')
      throw fail('invalid', 'The change must be an object.');
    const fields = Object.keys(change).filter(
      (k) => (change as Record<string, unknown>)[k] !== undefined,
    );
    const unknown = fields.filter(
      (f) => !['enabled', 'schedule', 'questions', 'consent'].includes(f),
    );
    if (unknown.length) throw fail('invalid', `Settings have no field "${unknown[0]}".`);
    if (!fields.length) throw fail('invalid', 'The change is empty: there is nothing to update.');
    if (role === 'talent' && fields.some((f) => f !== 'consent')) {
      throw fail(
        'forbidden',
        'Only the client can turn check-ins on or off or change their schedule and questions.',
      );
    }
    if (role === 'client' && fields.includes('consent')) {
      throw fail('forbidden', 'Only the freelancer can give or decline consent to check-ins.');
    }
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
      const next = structuredClone(current);
      if (change.enabled !== undefined) {
        if (typeof change.enabled !== 'boolean')
          throw fail('invalid', '"enabled" must be true or false.');
        if (change.enabled && !current.enabled) {
          const eligibility = checkEligibility(contract, this.data.policy, now);
          if (!eligibility.eligible) {
            throw fail(
              'invalid',
              eligibility.reason ?? 'Check-ins are not offered for this contract.',
            );
          }
          // Each switch-on is announced afresh; where policy requires it, the talent agrees anew.
          next.consent = this.data.policy.consent === 'required' ? 'pending' : 'not-needed';
          next.enabledAt = iso(now);
          next.enabledBy = this.party(contract, role);
        }
        next.enabled = change.enabled;
      }
      if (change.schedule !== undefined) {
        try {
          next.schedule = validateSchedule(change.schedule);
        } catch (error) {
          throw fail('invalid', error instanceof Error ? error.message : String(error));
        }
      }
      if (change.questions !== undefined) next.questions = checkQuestions(change.questions);
      if (change.consent !== undefined) {
        if (change.consent !== 'given' && change.consent !== 'declined') {
          throw fail('invalid', 'Consent can only be "given" or "declined".');
        }
        if (current.consent === 'not-needed') {
          throw fail('invalid', 'Consent is not asked for on this contract.');
        }
        next.consent = change.consent;
      }
      next.version = current.version + 1;
      next.updatedAt = iso(now);
      next.updatedBy = this.party(contract, role);
      if (!isActive(next)) this.data.activeSince[contract.id] = null;
      else if (!isActive(current)) this.data.activeSince[contract.id] = iso(now);
      this.data.settings[contract.id] = next;
      const result = this.settingsOut(contract);
      this.emit(contract.id, { type: 'settings', settings: structuredClone(result) });
      return result;
    });
  }

  private list(viewerId: string, contractId: string, options: ListOptions = {}): Page<Checkin> {
    const { contract } = this.access(viewerId, contractId);
    const limit = options.limit ?? DEFAULT_LIMIT;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
      throw fail('invalid', 'The page size must be a whole number of at least 1.');
    }
    const size = Math.min(limit, MAX_LIMIT);
    const all = this.checkinsOf(contractId);
    let start = 0;
    if (options.cursor !== undefined && options.cursor !== null) {
      if (typeof options.cursor !== 'string')
        throw fail('invalid', 'The page cursor is not valid.');
      // Keyset paging: the page starts after the last item seen, so check-ins created meanwhile
      // at the top never shift later pages (no duplicates, no gaps).
      const { d, i } = decodeCursor(options.cursor);
      start = all.findIndex((c) => ms(c.dueAt) < d || (ms(c.dueAt) === d && c.id < i));
      if (start < 0) start = all.length;
    }
    const statuses = this.statuses(contract);
    const items = all.slice(start, start + size).map((c) => this.out(contract, c, statuses));
    const last = items[items.length - 1];
    const more = start + size < all.length;
    return {
      items,
      nextCursor: more && last ? encodeCursor({ d: ms(last.dueAt), i: last.id }) : null,
      total: all.length,
    };
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
    return this.idempotent(
      viewerId,
      'submitAnswers',
      options?.idempotencyKey,
      { contractId, checkinId, input },
      () => {
        const checkin = this.findCheckin(contractId, checkinId);
        const status = this.statuses(contract).get(checkin.id)!;
        if (this.nextHasOpened(contractId, checkin)) {
          throw fail(
            'conflict',
            status === 'answered'
              ? 'This check-in can no longer be edited: the next one has opened.'
              : status === 'skipped'
                ? 'This check-in was skipped and the next one has opened, so it can no longer be answered.'
                : 'This check-in was missed: the next one has already opened.',
          );
        }
        const { answers, health } = checkAnswers(input, this.settingsOf(contract).questions);
        const now = iso(this.now());
        if (status === 'answered') {
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
      },
    );
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
    return this.idempotent(
      viewerId,
      'skipCheckin',
      options?.idempotencyKey,
      { contractId, checkinId, input },
      () => {
        const checkin = this.findCheckin(contractId, checkinId);
        const status = this.statuses(contract).get(checkin.id)!;
        if (status === 'answered') throw fail('conflict', 'This check-in was already answered.');
        if (status === 'skipped') throw fail('conflict', 'This check-in was already skipped.');
        if (status === 'missed')
          throw fail('conflict', 'This check-in was missed: the next one has already opened.');
        const note = input?.note ?? '';
        if (typeof note !== 'string' || note.trim().length > MAX_NOTE) {
          throw fail('invalid', `The note can be at most ${MAX_NOTE} characters.`);
        }
        checkin.status = 'skipped';
        checkin.skipNote = note.trim() || null;
        return this.publish(contract, checkin);
      },
    );
  }

  private acknowledge(viewerId: string, contractId: string, checkinId: string): Checkin {
    const { contract, role } = this.access(viewerId, contractId);
    this.require(role, 'client', 'Only the client can mark a check-in as seen.');
    const checkin = this.findCheckin(contractId, checkinId);
    if (this.statuses(contract).get(checkin.id) !== 'answered') {
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
    return this.idempotent(
      viewerId,
      'requestUpdate',
      options?.idempotencyKey,
      { contractId, input },
      () => {
        const now = this.now();
        // Allowed whether or not weekly check-ins are on: asking for news is the client's right
        // while the contract runs; the cooldown is what protects the talent.
        if (now < ms(contract.startsAt) || (contract.endsAt && now >= ms(contract.endsAt))) {
          throw fail('conflict', 'Updates can only be requested while the contract is running.');
        }
        const raw = input?.message ?? null;
        if (raw !== null && (typeof raw !== 'string' || raw.trim().length > MAX_MESSAGE)) {
          throw fail('invalid', `The message can be at most ${MAX_MESSAGE} characters.`);
        }
        const last = this.data.lastRequestAt[contractId];
        const retry = last ? ms(last) + this.data.policy.requestUpdateCooldownHours * HOUR : 0;
        if (now < retry) {
          const when = new Intl.DateTimeFormat('en-US', {
            dateStyle: 'medium',
            timeStyle: 'short',
            timeZone: contract.client.timeZone,
          }).format(retry);
          throw fail(
            'rate-limited',
            `An update was requested recently. You can ask again after ${when}.`,
            iso(retry),
          );
        }
        const checkin = this.newCheckin(contract, 'requested', iso(now), raw?.trim() || null);
        const list = this.checkinsOf(contractId);
        list.push(checkin);
        sortNewestFirst(list);
        this.data.lastRequestAt[contractId] = checkin.dueAt;
        return this.publish(contract, checkin);
      },
    );
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
    return this.idempotent(
      viewerId,
      'reply',
      options?.idempotencyKey,
      { contractId, checkinId, input },
      () => {
        const checkin = this.findCheckin(contractId, checkinId);
        const text = typeof input?.text === 'string' ? input.text.trim() : '';
        if (!text || text.length > MAX_REPLY)
          throw fail('invalid', `A reply needs 1 to ${MAX_REPLY} characters.`);
        const reply: Reply = {
          id: `${checkin.id}-re${checkin.replies.length + 1}`,
          author: this.party(contract, role),
          text,
          createdAt: iso(this.now()),
        };
        checkin.replies.push(reply);
        this.emit(contractId, { type: 'reply', checkinId, reply: structuredClone(reply) });
        return structuredClone(reply);
      },
    );
  }
}
