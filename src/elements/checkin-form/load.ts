import { msg, str } from '@lit/localize';
import type { CheckinAdapter } from '../../adapters/adapter.js';
import { loadViewer } from '../../controllers/connection.js';
import { CheckinError, type Checkin, type Page } from '../../model.js';
import { pickCheckin } from './form-logic.js';
import type { Loaded } from './state.js';

/** How many of the newest check-ins are loaded: the open one and last week's are among them. */
const PAGE_SIZE = 10;
/** Looking up a `checkin-id` beyond the first page: 20 pages of 100, two decades of weeks. */
const FIND_PAGES = 20;
const FIND_PAGE_SIZE = 100;

/**
 * Everything the form shows for a contract: the viewer, the contract, its settings, the newest
 * check-ins and the one the form is about (the one named by `checkinId`, else the one
 * `pickCheckin` chooses at `now`). Fetches and nothing else: what to do with it is decided by
 * `reconcile`.
 */
export async function fetchLoaded(
  adapter: CheckinAdapter,
  contractId: string,
  checkinId: string,
  now: () => number,
  signal: AbortSignal,
): Promise<Loaded> {
  const [viewer, contract, settings, page] = await Promise.all([
    // One shared request per adapter, also with the provider's (see loadViewer).
    loadViewer(adapter, signal),
    adapter.getContract(contractId, { signal }),
    adapter.getSettings(contractId, { signal }),
    adapter.listCheckins(contractId, { limit: PAGE_SIZE, signal }),
  ]);
  // An older run resuming after the inputs changed must not touch the form.
  signal.throwIfAborted();
  let target: Checkin | null;
  if (checkinId) {
    target = await findCheckin(adapter, contractId, checkinId, page, signal);
    if (!target) {
      throw new CheckinError('not-found', msg(str`There is no check-in "${checkinId}" on this contract.`));
    }
  } else {
    target = pickCheckin(page.items, settings, contract, now());
  }
  return { viewer, contract, settings, checkins: page.items, target };
}

/**
 * The check-in named by `checkin-id`: in the first page, else in older pages (a link to an old
 * check-in must work), at most FIND_PAGES pages of FIND_PAGE_SIZE so a typo cannot page forever.
 */
async function findCheckin(
  adapter: CheckinAdapter,
  contractId: string,
  checkinId: string,
  first: Page<Checkin>,
  signal: AbortSignal,
): Promise<Checkin | null> {
  let page = first;
  for (let pages = 0; ; pages++) {
    const found = page.items.find((c) => c.id === checkinId);
    if (found) return found;
    if (!page.nextCursor || pages >= FIND_PAGES) return null;
    page = await adapter.listCheckins(contractId, { cursor: page.nextCursor, limit: FIND_PAGE_SIZE, signal });
    signal.throwIfAborted();
  }
}
