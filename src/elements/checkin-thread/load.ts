import type { CheckinAdapter, ListOptions } from '../../adapters/adapter.js';
import { abortable, loadViewer } from '../../controllers/connection.js';
import type { Release } from '../../controllers/live.js';
import { LIMITS } from '../../limits.js';
import type { Contract, HistoryItem, Page, Settings, Viewer } from '../../model.js';

// What the thread asks the adapter for: data and nothing else (the element decides what to do
// with it, see reconcile.ts).

/**
 * One page of the history: check-ins and activity entries where the adapter has `listHistory`
 * (the paper trail), else check-ins only. Pages of the default size.
 */
export function listPage(
  adapter: CheckinAdapter,
  contractId: string,
  options: { cursor?: string | null; signal: AbortSignal },
): Promise<Page<HistoryItem>> {
  const asked: ListOptions = { ...options, limit: LIMITS.pageSize };
  const page = adapter.listHistory ? adapter.listHistory(contractId, asked) : adapter.listCheckins(contractId, asked);
  return abortable(page, options.signal);
}

export interface Fetched {
  viewer: Viewer;
  contract: Contract;
  settings: Settings;
  /** The first page; null when the history is the host's. */
  page: Page<HistoryItem> | null;
}

/** A load, as the task returns it. */
export interface Loaded extends Fetched {
  adapter: CheckinAdapter;
  contractId: string;
  /** Applies the live events that arrived while loading on top of what was loaded. */
  release: Release;
}

export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** Everything a thread shows, at once. */
export async function fetchThread(
  adapter: CheckinAdapter,
  contractId: string,
  fromHost: boolean,
  signal: AbortSignal,
): Promise<Fetched> {
  const [viewer, contract, settings, page] = await Promise.all([
    // One shared request per adapter, also with the provider's (see loadViewer).
    loadViewer(adapter, signal),
    abortable(adapter.getContract(contractId, { signal }), signal),
    abortable(adapter.getSettings(contractId, { signal }), signal),
    fromHost ? null : listPage(adapter, contractId, { signal }),
  ]);
  if (signal.aborted) throw abortError();
  return { viewer, contract, settings, page };
}

/** What may have changed while live updates were missed: the settings and the newest page. */
export function fetchNewest(
  adapter: CheckinAdapter,
  contractId: string,
  fromHost: boolean,
  signal: AbortSignal,
): Promise<[Settings, Page<HistoryItem> | null]> {
  return Promise.all([
    abortable(adapter.getSettings(contractId, { signal }), signal),
    fromHost ? null : listPage(adapter, contractId, { signal }),
  ]);
}
