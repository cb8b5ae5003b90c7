import type {
  Activity,
  Answer,
  Checkin,
  Consent,
  Contract,
  Health,
  HistoryItem,
  Page,
  Question,
  Reply,
  Schedule,
  Settings,
  Viewer,
} from '../model.js';

export interface ReadOptions {
  signal?: AbortSignal;
}

export interface WriteOptions {
  /** Same key -> the effect of one write and the same result. */
  idempotencyKey: string;
  signal?: AbortSignal;
}

export interface ListOptions extends ReadOptions {
  cursor?: string | null;
  limit?: number;
}

export interface SettingsChange {
  enabled?: boolean;
  schedule?: Schedule;
  questions?: Question[];
  /** Talent only: `given` or `declined` while pending; `withdrawn` after `given`. */
  consent?: Extract<Consent, 'given' | 'declined' | 'withdrawn'>;
}

export interface UpdateSettingsOptions extends WriteOptions {
  /** The `version` the change was made against; a stale one fails with `conflict`. */
  expectedVersion: number;
}

export interface AnswersInput {
  answers: Answer[];
  health?: Health | null;
}

/** What `subscribe` listeners receive. */
export type CheckinEvent =
  | { type: 'checkin'; checkin: Checkin }
  | { type: 'settings'; settings: Settings }
  | { type: 'reply'; checkinId: string; reply: Reply }
  | { type: 'activity'; activity: Activity }
  /**
   * The adapter may have missed changes (a stream that could not resume): what the element
   * shows should be loaded afresh. Carries no data.
   */
  | { type: 'stale' };

/**
 * The one interface between the elements and the host's backend.
 * Every method rejects with a `CheckinError`; writes are idempotent by key.
 */
export interface CheckinAdapter {
  getViewer(options?: ReadOptions): Promise<Viewer>;
  getContract(contractId: string, options?: ReadOptions): Promise<Contract>;
  getSettings(contractId: string, options?: ReadOptions): Promise<Settings>;
  updateSettings(contractId: string, change: SettingsChange, options: UpdateSettingsOptions): Promise<Settings>;
  listCheckins(contractId: string, options?: ListOptions): Promise<Page<Checkin>>;
  /**
   * The whole paper trail, newest first: check-ins and activity entries (on/off, schedule,
   * questions, pause, skip dates, consent) in one list. Optional: without it the thread lists
   * check-ins only.
   */
  listHistory?(contractId: string, options?: ListOptions): Promise<Page<HistoryItem>>;
  /** Answers the check-in, or edits the answer until the next prompt. */
  submitAnswers(contractId: string, checkinId: string, input: AnswersInput, options: WriteOptions): Promise<Checkin>;
  skipCheckin(contractId: string, checkinId: string, input: { note: string }, options: WriteOptions): Promise<Checkin>;
  /** Client: marks the answer as seen. */
  acknowledge(contractId: string, checkinId: string, options?: ReadOptions): Promise<Checkin>;
  requestUpdate(contractId: string, input: { message?: string }, options: WriteOptions): Promise<Checkin>;
  reply(contractId: string, checkinId: string, input: { text: string }, options: WriteOptions): Promise<Reply>;
  /** Live updates; returns the function that ends the subscription. */
  subscribe?(contractId: string, listener: (event: CheckinEvent) => void): () => void;
}

/** A fresh idempotency key. */
export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
