import { msg, str } from '@lit/localize';
import type { CheckinAdapter } from '../../adapters/adapter.js';
import type { Epoch, WriteController } from '../../controllers/write.js';
import { LIMITS } from '../../limits.js';
import type { CheckinError, Contract, Viewer } from '../../model.js';
import type { ExportFormat } from './export.js';

// The thread's concerns, each one value changed by small pure transitions: the load, paging,
// the export, the request panel and the reply drafts. Writes in flight are the write
// controller's (`pending(key)`), never a flag here.

/** The thread loaded: what every later request and live event is about. */
export interface Thread {
  adapter: CheckinAdapter;
  contractId: string;
  viewer: Viewer;
  contract: Contract;
  /** The history is the host's `checkins` (checked as rendered), not the adapter's pages. */
  fromHost: boolean;
}

/** What the element's helpers (feed, actions, request, export) share of it. */
export interface ThreadContext {
  /** The thread shown, if any. */
  thread(): Thread | undefined;
  writes: WriteController;
  /** Advanced by each new load: work started for an earlier thread is dropped. */
  epoch: Epoch;
  /** Aborted when the thread is left. */
  signal(): AbortSignal;
  announce(text: string): void;
  /** The element's clock, in ms. */
  now(): number;
}

export type Load = { state: 'none' } | { state: 'ready'; thread: Thread };
export const NOT_LOADED: Load = { state: 'none' };

/** Fetching the next older page. */
export type Paging = { state: 'idle' } | { state: 'loading' } | { state: 'failed'; error: CheckinError };
export const PAGING_IDLE: Paging = { state: 'idle' };

/** The export: fetching every page (`loaded` entries so far), or failed (with a retry). */
export type Exporting =
  | { state: 'idle' }
  | { state: 'exporting'; format: ExportFormat; loaded: number }
  | { state: 'failed'; format: ExportFormat; error: CheckinError };
export const EXPORT_IDLE: Exporting = { state: 'idle' };

/** The client's "Request an update" panel and the last outcome of sending it. */
export interface RequestPanel {
  open: boolean;
  /** The message as typed: kept when the panel closes. */
  text: string;
  /** The idempotency key of the request being tried; a new one once the message changes. */
  key?: string;
  error: CheckinError | null;
  /** Until when the backend refused as rate-limited (ms). */
  rateLimitedUntil: number | null;
}
export const REQUEST_CLOSED: RequestPanel = { open: false, text: '', error: null, rateLimitedUntil: null };

export const requestToggled = (s: RequestPanel): RequestPanel => ({ ...s, open: !s.open, error: null });
export const requestClosed = (s: RequestPanel): RequestPanel => ({ ...s, open: false });
export const requestTyped = (s: RequestPanel, text: string): RequestPanel => ({ ...s, text, key: undefined });
export const requestSending = (s: RequestPanel, key: string): RequestPanel => ({ ...s, key, error: null });
export const requestSent = (s: RequestPanel): RequestPanel => ({ ...s, open: false, text: '', key: undefined });

/** Refused: rate-limited, the backend's `retryAt` starts a cooldown and the next try is a new write. */
export function requestFailed(s: RequestPanel, error: CheckinError): RequestPanel {
  if (error.code !== 'rate-limited') return { ...s, error };
  const at = error.retryAt ? Date.parse(error.retryAt) : NaN;
  return { ...s, error, key: undefined, rateLimitedUntil: Number.isNaN(at) ? s.rateLimitedUntil : at };
}

/** Another thread (or a reload): the outcome is forgotten; the panel and the message stay. */
export const requestReset = (s: RequestPanel): RequestPanel => ({ ...s, error: null, rateLimitedUntil: null });

/** What the reply box of one check-in holds; kept outside the DOM so windowing loses nothing. */
export interface ReplyDraft {
  text: string;
  /** Reused when the same text is sent again after a failure (one write, not two). */
  key?: string;
  /** A validation message (string) or the adapter's failure. */
  error?: string | CheckinError;
}
export const EMPTY_DRAFT: ReplyDraft = { text: '' };

/**
 * Typed into: different words are a different write (a new key, so an edit after a failure is
 * not swallowed by the first attempt's result); a validation message goes.
 */
export function draftTyped(draft: ReplyDraft, text: string): ReplyDraft {
  const key = text.trim() === draft.text.trim() ? draft.key : undefined;
  return { text, key, error: typeof draft.error === 'string' ? undefined : draft.error };
}

const MAX_REPLY_LENGTH = LIMITS.reply;

/** Why the reply cannot be sent as it is, or null. */
export function replyProblem(typed: string): string | null {
  const text = typed.trim();
  if (!text) return msg('Write a reply before sending.');
  if (text.length <= MAX_REPLY_LENGTH) return null;
  return msg(str`A reply can be at most ${MAX_REPLY_LENGTH} characters; this one has ${text.length}.`);
}

export const draftInvalid = (draft: ReplyDraft, problem: string): ReplyDraft => ({ ...draft, error: problem });
export const draftSending = (draft: ReplyDraft, key: string): ReplyDraft => ({ ...draft, key, error: undefined });
export const draftFailed = (draft: ReplyDraft, error: CheckinError): ReplyDraft => ({ ...draft, error });
