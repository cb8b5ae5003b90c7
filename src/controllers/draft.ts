import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newIdempotencyKey } from '../adapters/adapter.js';

/** What a draft holds: the user's work, the idempotency key of its write, and when it was saved. */
export interface DraftRecord<T> {
  value: T;
  /** Created before the first submit attempt; every retry (also after a reload) reuses it. */
  idempotencyKey: string | null;
  /** The request the key was made for: a changed request gets a fresh key. */
  keyFor: string | null;
  /** ISO instant of the last change. */
  savedAt: string;
}

export interface DraftSaveInfo {
  savedAt: string;
  /** False when storage is unavailable or full and the draft lives in this page's memory only. */
  persisted: boolean;
}

export interface DraftOptions<T> {
  /** Quiet time after the last change before the draft is written (ms). */
  delayMs?: number;
  /** Where drafts persist; defaults to `localStorage`. May throw or return undefined. */
  storage?: () => Storage | undefined;
  /** Current time in ms (tests pin it). */
  now?: () => number;
  /** Checks a stored value; return null to ignore a malformed or foreign draft. */
  parse?: (value: unknown) => T | null;
  /** Called after every write (at most once per pause in typing). */
  onSave?: (info: DraftSaveInfo) => void;
  /**
   * Another tab wrote a newer draft under the same key. `applied` is true when it replaced this
   * one (the user had not typed here since the draft was opened), false when it waits in
   * `external` for the user to choose.
   */
  onExternal?: (record: DraftRecord<T>, applied: boolean) => void;
}

/** The storage key of a check-in form's draft. */
export function draftKey(contractId: string, checkinId: string, viewerId: string): string {
  return `checkin-elements:draft:${contractId}:${checkinId}:${viewerId}`;
}

// Drafts that could not be persisted survive a re-created element within this page (the message
// asks the user to keep the tab open), so they live at module level rather than per controller.
const memoryDrafts = new Map<string, string>();

function defaultStorage(): Storage | undefined {
  // Reading `localStorage` itself throws in sandboxed frames and with storage blocked.
  return globalThis.localStorage;
}

/**
 * Keeps a form's work in local storage under one key: debounced writes on every change,
 * flushed on `pagehide`, when the page is hidden and when the host disconnects; an in-memory
 * fallback when storage throws; newer drafts from other tabs (`storage` events); and the
 * idempotency key of the eventual write, so that a retry after a reload is still one write.
 */
export class DraftController<T> implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: DraftOptions<T>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private currentKey: string | null = null;
  private current: DraftRecord<T> | null = null;
  private typed = false;

  /** False after a write that storage refused; the draft is then kept in memory only. */
  persisted = true;
  /** A newer draft from another tab that was not applied because the user had typed here. */
  external: DraftRecord<T> | null = null;
  /** True once another tab has written this draft since it was opened here. */
  updatedElsewhere = false;

  constructor(host: ReactiveControllerHost, options: DraftOptions<T> = {}) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** The key in use, or null when no draft is open. */
  get key(): string | null {
    return this.currentKey;
  }

  /** The open draft, or null when there is none (nothing typed yet, or cleared). */
  get record(): DraftRecord<T> | null {
    return this.current;
  }

  /** True when the user changed the draft here since it was opened (or a tab's draft loaded). */
  get typedSinceOpen(): boolean {
    return this.typed;
  }

  hostConnected(): void {
    globalThis.addEventListener?.('storage', this.onStorage);
    globalThis.addEventListener?.('pagehide', this.onLeave);
    globalThis.document?.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    this.flush();
    globalThis.removeEventListener?.('storage', this.onStorage);
    globalThis.removeEventListener?.('pagehide', this.onLeave);
    globalThis.document?.removeEventListener('visibilitychange', this.onVisibility);
  }

  /**
   * Opens the draft stored under `key` (flushing the one open before) and returns it, or null.
   * Reopening the key already open keeps the in-memory state.
   */
  open(key: string): DraftRecord<T> | null {
    if (key === this.currentKey) return this.current;
    this.flush();
    this.currentKey = key;
    this.current = this.read(key);
    this.typed = false;
    this.external = null;
    this.updatedElsewhere = false;
    this.host.requestUpdate();
    return this.current;
  }

  /** Stops following the open draft (after flushing it). */
  close(): void {
    this.flush();
    this.currentKey = null;
    this.current = null;
    this.external = null;
    this.updatedElsewhere = false;
    this.typed = false;
  }

  /** Records a change; it is written after `delayMs` of quiet (or on flush). */
  set(value: T): void {
    if (this.currentKey === null) return;
    this.current = {
      value,
      idempotencyKey: this.current?.idempotencyKey ?? null,
      keyFor: this.current?.keyFor ?? null,
      savedAt: this.stamp(),
    };
    this.typed = true;
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.delayMs ?? 400);
  }

  /**
   * The idempotency key for `request` (a fingerprint of what is about to be written): the stored
   * key when the request is the one it was made for (a retry), else a new one. It is written at
   * once, before the request leaves, so that a reload mid-request retries with the same key.
   */
  keyFor(request: string, value: T): string {
    if (this.current?.idempotencyKey && this.current.keyFor === request) {
      // Still write the latest value, so that a reload restores exactly what was sent.
      if (this.dirty) this.flush();
      return this.current.idempotencyKey;
    }
    const key = newIdempotencyKey();
    this.current = { value, idempotencyKey: key, keyFor: request, savedAt: this.stamp() };
    if (this.currentKey !== null) {
      this.dirty = true;
      this.flush();
    }
    return key;
  }

  /** Writes a pending change now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty || this.currentKey === null || this.current === null) return;
    this.dirty = false;
    const persisted = this.write(this.currentKey, this.current);
    const changed = persisted !== this.persisted;
    this.persisted = persisted;
    if (changed) this.host.requestUpdate();
    this.options.onSave?.({ savedAt: this.current.savedAt, persisted });
  }

  /**
   * Removes the draft everywhere (call only after the backend confirmed the write). With a
   * `key` other than the open one (a write that finished after the form moved on), only that
   * stored draft is removed.
   */
  clear(key: string | null = this.currentKey): void {
    if (key === null) return;
    memoryDrafts.delete(key);
    try {
      this.storage()?.removeItem(key);
    } catch {
      // Storage unavailable: nothing stored there to remove.
    }
    if (key !== this.currentKey) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = false;
    this.current = null;
    this.external = null;
    this.updatedElsewhere = false;
    this.typed = false;
    this.host.requestUpdate();
  }

  /** Replaces the draft here with the newer one from another tab; returns it. */
  acceptExternal(): DraftRecord<T> | null {
    const record = this.external;
    if (!record) return null;
    clearTimeout(this.timer);
    this.dirty = false;
    this.current = record;
    this.external = null;
    this.typed = false;
    this.host.requestUpdate();
    return record;
  }

  /** Keeps the draft here and forgets the other tab's (the next write here replaces it). */
  dismissExternal(): void {
    this.external = null;
    this.updatedElsewhere = false;
    this.host.requestUpdate();
  }

  private stamp(): string {
    let now = this.options.now?.() ?? Date.now();
    // Two changes within one millisecond must still order: "newer savedAt wins" across tabs.
    const previous = this.current ? Date.parse(this.current.savedAt) : NaN;
    if (!Number.isNaN(previous) && now <= previous) now = previous + 1;
    return new Date(now).toISOString();
  }

  private storage(): Storage | undefined {
    try {
      return (this.options.storage ?? defaultStorage)();
    } catch {
      return undefined;
    }
  }

  private write(key: string, record: DraftRecord<T>): boolean {
    const text = JSON.stringify(record);
    try {
      const storage = this.storage();
      if (!storage) throw new Error('no storage');
      storage.setItem(key, text);
      memoryDrafts.delete(key);
      return true;
    } catch {
      // Full (QuotaExceededError), blocked or absent: keep the work in this page's memory.
      memoryDrafts.set(key, text);
      return false;
    }
  }

  private read(key: string): DraftRecord<T> | null {
    let stored: DraftRecord<T> | null;
    try {
      stored = this.parse(this.storage()?.getItem(key) ?? null);
    } catch {
      stored = null;
    }
    const remembered = this.parse(memoryDrafts.get(key) ?? null);
    if (remembered && (!stored || remembered.savedAt > stored.savedAt)) {
      this.persisted = false;
      return remembered;
    }
    return stored;
  }

  private parse(text: string | null): DraftRecord<T> | null {
    if (!text) return null;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return null;
    }
    if (!data || typeof data !== 'object') return null;
    const r = data as Partial<DraftRecord<unknown>>;
    if (typeof r.savedAt !== 'string' || Number.isNaN(Date.parse(r.savedAt))) return null;
    if (r.idempotencyKey !== null && typeof r.idempotencyKey !== 'string') return null;
    const value = this.options.parse ? this.options.parse(r.value) : (r.value as T);
    if (value === null || value === undefined) return null;
    return {
      value,
      idempotencyKey: r.idempotencyKey ?? null,
      keyFor: typeof r.keyFor === 'string' ? r.keyFor : null,
      savedAt: r.savedAt,
    };
  }

  private readonly onStorage = (event: StorageEvent): void => {
    if (this.currentKey === null || event.key !== this.currentKey) return;
    const storage = this.storage();
    if (event.storageArea && storage && event.storageArea !== storage) return;
    // A removal means the other tab's write was confirmed; this tab's fields stay as they are.
    const record = this.parse(event.newValue);
    if (!record) return;
    if (this.current && record.savedAt <= this.current.savedAt) return;
    this.updatedElsewhere = true;
    if (!this.typed) {
      clearTimeout(this.timer);
      this.dirty = false;
      this.current = record;
      this.external = null;
      this.options.onExternal?.(record, true);
    } else {
      this.external = record;
      this.options.onExternal?.(record, false);
    }
    this.host.requestUpdate();
  };

  private readonly onLeave = (): void => this.flush();

  private readonly onVisibility = (): void => {
    if (globalThis.document?.visibilityState === 'hidden') this.flush();
  };
}
