/**
 * The event stream of the HTTP adapter: server-sent events read with `fetch` (so any
 * `Authorization` works, unlike `EventSource`), resumed with `Last-Event-ID` after a drop,
 * reconnected with capped, jittered backoff, idle while the browser is offline. When the
 * server cannot resume (`event: reset`), `onStale` tells the elements to load afresh.
 */
import type { CheckinEvent } from './adapter.js';
import { retryAfter } from './http-errors.js';

export interface StreamOptions {
  url: string;
  fetch: typeof fetch;
  /** Headers and credentials, asked afresh for every connection (a token may have changed). */
  init: () => Promise<RequestInit>;
  onEvent: (event: CheckinEvent) => void;
  onStale: () => void;
  /** Backoff after a failed connection: first delay and cap, in ms. */
  backoff?: { first: number; max: number };
}

interface Message {
  id: string | null;
  event: string;
  data: string;
}

/** Splits a stream's text into complete SSE messages; returns what is left over. */
export function parseEvents(buffer: string, emit: (message: Message) => void): string {
  const blocks = buffer.split(/\r\n\r\n|\n\n|\r\r/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    const message: Message = { id: null, event: 'message', data: '' };
    const data: string[] = [];
    for (const line of block.split(/\r\n|\n|\r/)) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') data.push(value);
      else if (field === 'id') message.id = value;
      else if (field === 'event') message.event = value;
    }
    message.data = data.join('\n');
    // A message with only an id still moves the resume point (as EventSource's lastEventId).
    if (data.length || message.event !== 'message' || message.id !== null) emit(message);
  }
  return rest;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Resolves when the browser is online (at once where it cannot tell) or the stream stops. */
function online(signal: AbortSignal): Promise<void> {
  if (typeof navigator === 'undefined' || navigator.onLine !== false) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => (removeEventListener('online', done), resolve());
    addEventListener('online', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** An open stream: `close` ends it for good; `noteRead` keeps it in step with a read. */
export interface EventStream {
  close(): void;
  /**
   * A read answered with data that holds every event up to `seq` (its `Event-Seq`). If the
   * stream started after that (the read and the stream crossed), it resumes from `seq`, so no
   * change falls between the read and the stream (one may come twice: the elements apply
   * events by id).
   */
  noteRead(seq: number): void;
}

/** Opens the stream. */
export function openStream(options: StreamOptions): EventStream {
  return new Stream(options);
}

class Stream implements EventStream {
  private readonly stop = new AbortController();
  private lastId: string | null = null;
  private failures = 0;
  // Events after this id reach us on the current connection (Infinity until it says).
  private covered = Number.POSITIVE_INFINITY;
  private connection: AbortController | null = null;
  private rewound = false;

  constructor(private readonly options: StreamOptions) {
    void this.run();
  }

  close(): void {
    this.stop.abort();
  }

  noteRead(seq: number): void {
    if (this.stop.signal.aborted || !Number.isFinite(seq) || seq >= this.covered) return;
    this.lastId = String(seq);
    this.covered = seq;
    this.rewound = true;
    this.connection?.abort();
  }

  /** Connects while not stopped: at once after a rewind, else after a backoff (or Retry-After). */
  private async run(): Promise<void> {
    const { signal } = this.stop;
    const { first, max } = this.options.backoff ?? { first: 1000, max: 30_000 };
    while (!signal.aborted) {
      await online(signal);
      if (signal.aborted) break;
      let wait: number | 'final' = -1;
      try {
        wait = await this.connect();
      } catch {
        // A dropped connection or a network error: reconnect below.
      }
      if (wait === 'final' || signal.aborted) break;
      if (this.rewound) {
        // Cut on purpose to resume from an earlier id: at once, no backoff.
        this.rewound = false;
        continue;
      }
      this.failures++;
      const backoff = Math.min(max, first * 2 ** (this.failures - 1)) * (0.5 + Math.random() / 2);
      await sleep(Math.max(wait, backoff), signal);
    }
  }

  /** One connection: ms to wait before the next (-1: the backoff's), or 'final'. */
  private async connect(): Promise<number | 'final'> {
    const init = await this.options.init();
    const headers = new Headers(init.headers);
    headers.set('Accept', 'text/event-stream');
    if (this.lastId !== null) headers.set('Last-Event-ID', this.lastId);
    this.covered = this.lastId !== null ? Number(this.lastId) : Number.POSITIVE_INFINITY;
    const current = (this.connection = new AbortController());
    const abort = () => current.abort();
    this.stop.signal.addEventListener('abort', abort, { once: true });
    try {
      return await this.read(current, init, headers);
    } finally {
      this.stop.signal.removeEventListener('abort', abort);
    }
  }

  private async read(current: AbortController, init: RequestInit, headers: Headers): Promise<number | 'final'> {
    const response = await this.options.fetch(this.options.url, { ...init, headers, signal: current.signal });
    // Not allowed or not there: retrying would only repeat the refusal.
    if ([401, 403, 404].includes(response.status)) return 'final';
    if (!response.ok || !response.body) {
      const at = retryAfter(response);
      return at ? Math.max(0, Date.parse(at) - Date.now()) : -1;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    // Ends the read when the connection is cut on purpose, whatever `fetch` does with the signal.
    current.signal.addEventListener('abort', () => void reader.cancel().catch(() => {}), { once: true });
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return -1;
      this.failures = 0;
      buffer = parseEvents(buffer + value, (message) => this.hear(message));
    }
  }

  private hear(message: Message): void {
    if (message.id !== null) {
      this.lastId = message.id;
      if (this.covered === Number.POSITIVE_INFINITY) this.covered = Number(message.id);
    }
    if (message.event === 'reset') return this.options.onStale();
    if (message.event !== 'message' || !message.data) return;
    try {
      this.options.onEvent(JSON.parse(message.data) as CheckinEvent);
    } catch {
      // Not JSON: dropped like any malformed event (the elements validate the rest).
    }
  }
}
