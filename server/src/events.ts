/**
 * The event stream (`text/event-stream`): every event is a row with a seq; a stream sends the
 * rows of its contract after the last seq it sent, when woken by a commit (this instance's, or
 * another's through NOTIFY). Resume from `Last-Event-ID`; `event: reset` when it cannot.
 */
import type { Database } from './db.js';

export interface HubOptions {
  /** Milliseconds between `: ping` comments (default 15 s). */
  heartbeatMs?: number;
  /** The reconnection delay sent as `retry:` (default 2000 ms). */
  retryMs?: number;
}

interface Stream {
  contractId: string;
  last: number;
  controller: ReadableStreamDefaultController<Uint8Array>;
  pumping: boolean;
  again: boolean;
  closed: boolean;
}

const PAGE = 200;
const encoder = new TextEncoder();

export const PRUNED_KEY = 'events_pruned_through';

export class EventHub {
  private readonly streams = new Set<Stream>();
  private readonly retryMs: number;
  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor(
    private readonly db: Database,
    options: HubOptions = {},
  ) {
    this.retryMs = options.retryMs ?? 2000;
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams) this.send(stream, ': ping\n\n');
    }, options.heartbeatMs ?? 15_000);
    this.heartbeat.unref?.();
  }

  /** How many streams are open (tests and shutdown use it). */
  get size(): number {
    return this.streams.size;
  }

  /**
   * The newest event id now. Read before a read's data, it is a safe resume point for a stream
   * opened to keep that data current: every later event comes after it (some may repeat).
   */
  async newest(): Promise<number> {
    const [row] = await this.db.query<{ newest: number }>(
      'SELECT coalesce((SELECT max(seq) FROM events), 0)::float8 AS newest',
    );
    return row?.newest ?? 0;
  }

  /**
   * Opens a stream of `contractId` (access already checked). `resume` is the Last-Event-ID (or
   * `after`) the client sent, or null for live events only.
   */
  async open(contractId: string, resume: string | null): Promise<Response> {
    const [row] = await this.db.query<{ newest: number; pruned: string | null }>(
      `SELECT coalesce((SELECT max(seq) FROM events), 0)::float8 AS newest,
              (SELECT value FROM server_state WHERE key = $1) AS pruned`,
      [PRUNED_KEY],
    );
    const newest = row?.newest ?? 0;
    const pruned = Number(row?.pruned ?? 0);
    const asked = resume !== null && /^\d{1,15}$/.test(resume.trim()) ? Number(resume.trim()) : null;
    // Resumable: a seq this database has handed out, and nothing after it pruned.
    const reset = resume !== null && (asked === null || asked > newest || asked < pruned);
    let stream!: Stream;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        stream = {
          contractId,
          last: reset || asked === null ? newest : asked,
          controller,
          pumping: false,
          again: false,
          closed: false,
        };
        // A fresh stream starts with the newest id, so the client can resume from here even
        // if nothing happens before the connection drops.
        this.send(stream, `retry: ${this.retryMs}\n${asked === null ? `id: ${newest}\n` : ''}\n`);
        if (reset) this.send(stream, `event: reset\nid: ${newest}\ndata: {}\n\n`);
        this.streams.add(stream);
        void this.pump(stream);
      },
      cancel: () => this.drop(stream),
    });
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      },
    });
  }

  /** A commit wrote events about `contractId`: each of its streams sends what it has not. */
  wake(contractId: string): void {
    for (const stream of this.streams) if (stream.contractId === contractId) void this.pump(stream);
  }

  /** Ends every stream (shutdown) and the heartbeat. */
  close(): void {
    clearInterval(this.heartbeat);
    for (const stream of [...this.streams]) {
      this.drop(stream);
      try {
        stream.controller.close();
      } catch {
        // Already closed by the client.
      }
    }
  }

  private async pump(stream: Stream): Promise<void> {
    if (stream.pumping) {
      stream.again = true;
      return;
    }
    stream.pumping = true;
    try {
      do {
        stream.again = false;
        for (;;) {
          const rows = await this.db.query<{ seq: number; payload: unknown }>(
            `SELECT seq::float8 AS seq, payload FROM events
              WHERE contract_id = $1 AND seq > $2 ORDER BY seq LIMIT ${PAGE}`,
            [stream.contractId, stream.last],
          );
          for (const row of rows) {
            if (stream.closed) return;
            this.send(stream, `id: ${row.seq}\ndata: ${JSON.stringify(row.payload)}\n\n`);
            stream.last = row.seq;
          }
          if (rows.length < PAGE) break;
        }
      } while (stream.again && !stream.closed);
    } catch (error) {
      // The database went away: end the stream; the client reconnects and resumes.
      console.error('checkin-server: an event stream failed:', (error as Error).message);
      this.drop(stream);
      try {
        stream.controller.close();
      } catch {
        // Already closed.
      }
    } finally {
      stream.pumping = false;
    }
  }

  private send(stream: Stream, text: string): void {
    if (stream.closed) return;
    try {
      stream.controller.enqueue(encoder.encode(text));
    } catch {
      this.drop(stream);
    }
  }

  private drop(stream: Stream | undefined): void {
    if (!stream) return;
    stream.closed = true;
    this.streams.delete(stream);
  }
}
