/**
 * `checkin-elements/adapters/http`: the adapter that speaks the REST API of docs/http.md
 * (`openapi.json`) — the one the reference server implements. No dependency: `fetch`, and
 * server-sent events read with `fetch`.
 */
import { CheckinError, isAbortError } from '../model.js';
import type { Checkin, Contract, HistoryItem, Page, Reply, Settings, Viewer } from '../model.js';
import type {
  AnswersInput,
  CheckinAdapter,
  CheckinEvent,
  ListOptions,
  ReadOptions,
  SettingsChange,
  UpdateSettingsOptions,
  WriteOptions,
} from './adapter.js';
import { bodyOf, failureOf } from './http-errors.js';
import { openStream, type EventStream } from './http-events.js';
import type { operations } from './http-openapi.js';

type Operation = keyof operations;
/** The JSON body `op` sends, as openapi.json describes it. */
type RequestOf<O extends Operation> = operations[O] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;
/** The JSON `op` answers on success (200 or 201), as openapi.json describes it. */
type ResponseOf<O extends Operation> = operations[O]['responses'] extends {
  200: { content: { 'application/json': infer T } };
}
  ? T
  : operations[O]['responses'] extends { 201: { content: { 'application/json': infer T } } }
    ? T
    : never;

type HeadersValue = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** Options of `HttpAdapter`. */
export interface HttpAdapterOptions {
  /** Where the API lives, e.g. `https://api.example.com` or `/api` (the `/v1` routes go below it). */
  baseUrl: string;
  /** The contract this adapter serves: `getViewer` reports the role in it. */
  contractId: string;
  /** `fetch` to use (default the global one): for tests, or to add behaviour around requests. */
  fetch?: typeof fetch;
  /** Headers sent with every request; a function (may be async) is asked before each one, e.g. for a fresh token. */
  headers?: HeadersValue;
  /** `fetch`'s `credentials` (default `same-origin`); `include` sends cookies to another origin. */
  credentials?: RequestCredentials;
  /** Live updates over the event stream (default), or none. */
  live?: 'stream' | false;
}

/** A listener of the stream: told what happened, or that it missed something. */
type Listener = (event: CheckinEvent) => void;

const enc = encodeURIComponent;

export class HttpAdapter implements CheckinAdapter {
  private readonly base: string;
  private readonly contractId: string;
  private readonly fetcher: typeof fetch;
  private readonly headers?: HeadersValue;
  private readonly credentials: RequestCredentials;
  private readonly live: 'stream' | false;
  /** Open streams by contract, told of each read's Event-Seq (see EventStream.noteRead). */
  private readonly streams = new Map<string, Set<EventStream>>();

  constructor(options: HttpAdapterOptions) {
    if (!options || typeof options.baseUrl !== 'string') {
      throw new TypeError('HttpAdapter needs { baseUrl, contractId }.');
    }
    this.base = `${options.baseUrl.replace(/\/+$/, '')}/v1`;
    this.contractId = options.contractId;
    this.fetcher = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.headers = options.headers;
    this.credentials = options.credentials ?? 'same-origin';
    this.live = options.live ?? 'stream';
  }

  getViewer(options?: ReadOptions): Promise<Viewer> {
    return this.send<'getViewer'>('GET', `/viewer?contract=${enc(this.contractId)}`, options);
  }

  getContract(contractId: string, options?: ReadOptions): Promise<Contract> {
    return this.send<'getContract'>('GET', `/contracts/${enc(contractId)}`, options);
  }

  getSettings(contractId: string, options?: ReadOptions): Promise<Settings> {
    return this.send<'getSettings'>('GET', `/contracts/${enc(contractId)}/settings`, options);
  }

  updateSettings(contractId: string, change: SettingsChange, options: UpdateSettingsOptions): Promise<Settings> {
    return this.send<'updateSettings'>('PATCH', `/contracts/${enc(contractId)}/settings`, options, change, {
      'If-Match': `"${options.expectedVersion}"`,
    });
  }

  listCheckins(contractId: string, options?: ListOptions): Promise<Page<Checkin>> {
    return this.send<'listCheckins'>('GET', `/contracts/${enc(contractId)}/checkins${query(options)}`, options);
  }

  listHistory(contractId: string, options?: ListOptions): Promise<Page<HistoryItem>> {
    return this.send<'listHistory'>(
      'GET',
      `/contracts/${enc(contractId)}/history${query(options)}`,
      options,
    ) as Promise<Page<HistoryItem>>;
  }

  submitAnswers(contractId: string, checkinId: string, input: AnswersInput, options: WriteOptions): Promise<Checkin> {
    return this.send<'submitAnswers'>('PUT', `${this.checkin(contractId, checkinId)}/answers`, options, input);
  }

  skipCheckin(contractId: string, checkinId: string, input: { note: string }, options: WriteOptions): Promise<Checkin> {
    return this.send<'skipCheckin'>('POST', `${this.checkin(contractId, checkinId)}/skip`, options, input);
  }

  acknowledge(contractId: string, checkinId: string, options?: ReadOptions): Promise<Checkin> {
    return this.send<'acknowledge'>('PUT', `${this.checkin(contractId, checkinId)}/acknowledgement`, options);
  }

  requestUpdate(contractId: string, input: { message?: string }, options: WriteOptions): Promise<Checkin> {
    return this.send<'requestUpdate'>('POST', `/contracts/${enc(contractId)}/update-requests`, options, input);
  }

  reply(contractId: string, checkinId: string, input: { text: string }, options: WriteOptions): Promise<Reply> {
    return this.send<'reply'>('POST', `${this.checkin(contractId, checkinId)}/replies`, options, input);
  }

  /**
   * Live events of `contractId` from the event stream, resumed after a drop. When the server
   * cannot resume, the listener gets `{type: 'stale'}`: what is on screen may have missed
   * changes and should be loaded afresh.
   */
  subscribe(contractId: string, listener: Listener): () => void {
    if (this.live === false) return () => {};
    const stream = openStream({
      url: `${this.base}/contracts/${enc(contractId)}/events`,
      fetch: this.fetcher,
      init: async () => ({ headers: await this.headerInit(), credentials: this.credentials }),
      onEvent: listener,
      onStale: () => listener({ type: 'stale' }),
    });
    let open = this.streams.get(contractId);
    if (!open) this.streams.set(contractId, (open = new Set()));
    open.add(stream);
    return () => {
      stream.close();
      open!.delete(stream);
    };
  }

  private checkin(contractId: string, checkinId: string): string {
    return `/contracts/${enc(contractId)}/checkins/${enc(checkinId)}`;
  }

  private async headerInit(): Promise<Headers> {
    const value = typeof this.headers === 'function' ? await this.headers() : this.headers;
    return new Headers(value);
  }

  /**
   * One request of operation `O`: its JSON result, or the `CheckinError` its status means.
   * The body and the result are typed by openapi.json (src/adapters/http-openapi.ts).
   */
  private async send<O extends Operation>(
    method: string,
    path: string,
    options: ReadOptions | WriteOptions | undefined,
    body?: RequestOf<O>,
    extra: Record<string, string> = {},
  ): Promise<ResponseOf<O>> {
    const route = `${method} ${path.split('?')[0]}`;
    const headers = await this.headerInit();
    headers.set('Accept', 'application/json');
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    const key = (options as WriteOptions | undefined)?.idempotencyKey;
    if (key) headers.set('Idempotency-Key', key);
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    let response: Response;
    try {
      response = await this.fetcher(`${this.base}${path}`, {
        method,
        headers,
        credentials: this.credentials,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: options?.signal,
      });
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new CheckinError('network', `The server could not be reached (${route}).`, { cause: error });
    }
    if (!response.ok) throw await failureOf(response, route);
    const seq = Number(response.headers.get('Event-Seq') ?? NaN);
    const contract = /^\/contracts\/([^/?]+)/.exec(path)?.[1];
    if (contract && Number.isFinite(seq)) {
      for (const stream of this.streams.get(decodeURIComponent(contract)) ?? []) stream.noteRead(seq);
    }
    return bodyOf<ResponseOf<O>>(response, route);
  }
}

function query(options?: ListOptions): string {
  const params = new URLSearchParams();
  if (options?.cursor) params.set('cursor', options.cursor);
  if (options?.limit !== undefined) params.set('limit', String(options.limit));
  const text = params.toString();
  return text ? `?${text}` : '';
}
