/**
 * The boundary check on everything an adapter returns. A host's backend is outside the
 * library's control, so its data is checked here once and every element can trust the types
 * afterwards: malformed data becomes `CheckinError('invalid')` with a message that names the
 * field, never a crash or a blank element.
 */
import { CheckinError, ERROR_CODES, isAbortError } from '../model.js';
import type { Checkin, CheckinErrorCode, Page, Settings } from '../model.js';
import type { CheckinAdapter, CheckinEvent } from './adapter.js';
import {
  validateCheckin,
  validateContract,
  validateEvent,
  validateHistoryPage,
  validatePage,
  validateReply,
  validateSettings,
  validateViewer,
} from './validate-data.js';
import { invalid } from './validate-fields.js';

export * from './validate-data.js';

/** A result about another contract or check-in than the one asked for is wrong data too. */
function expectSame(actual: string, expected: string, path: string, what: string): void {
  if (actual !== expected) {
    invalid(path, `"${expected}", the ${what} that was asked for`, actual);
  }
}

function checkinOf(contractId: string, checkinId?: string) {
  return (value: unknown): Checkin => {
    const checkin = validateCheckin(value);
    expectSame(checkin.contractId, contractId, 'checkin.contractId', 'contract');
    if (checkinId !== undefined) expectSame(checkin.id, checkinId, 'checkin.id', 'check-in');
    return checkin;
  };
}

function settingsOf(contractId: string) {
  return (value: unknown): Settings => {
    const settings = validateSettings(value);
    expectSame(settings.contractId, contractId, 'settings.contractId', 'contract');
    return settings;
  };
}

/**
 * A `CheckinError` thrown by another copy of this library (say the bundle on the host's side
 * and the ESM build on the elements' side) fails `instanceof`; keep its code instead of
 * flattening it to `unavailable`.
 */
function toCheckinError(error: unknown): CheckinError {
  if (error instanceof CheckinError) return error;
  const like = error as Partial<CheckinError> | null;
  if (
    like &&
    typeof like === 'object' &&
    like.name === 'CheckinError' &&
    ERROR_CODES.includes(like.code as CheckinErrorCode) &&
    typeof like.message === 'string'
  ) {
    return new CheckinError(like.code as CheckinErrorCode, like.message, {
      retryable: typeof like.retryable === 'boolean' ? like.retryable : undefined,
      retryAt: typeof like.retryAt === 'string' ? like.retryAt : null,
      cause: error,
    });
  }
  return CheckinError.from(error);
}

type MethodName = Exclude<keyof CheckinAdapter, 'subscribe'>;

function pageOf<T extends { contractId: string }>(contractId: string, check: (value: unknown) => Page<T>) {
  return (value: unknown): Page<T> => {
    const page = check(value);
    page.items.forEach((item, index) =>
      expectSame(item.contractId, contractId, `page.items[${index}].contractId`, 'contract'),
    );
    return page;
  };
}

async function call<T>(
  adapter: CheckinAdapter,
  name: MethodName,
  args: unknown[],
  check: (value: unknown) => T,
): Promise<T> {
  // Plain-JS hosts hand over objects that may lack a method; say so instead of a TypeError.
  const method = (adapter as unknown as Record<string, unknown> | null | undefined)?.[name];
  if (typeof method !== 'function') {
    throw new CheckinError('unavailable', `The adapter has no ${name} method.`, {
      retryable: false,
    });
  }
  let value: unknown;
  try {
    value = await (method as (...a: unknown[]) => unknown).apply(adapter, args);
  } catch (error) {
    // An abort is the caller's own doing, not a failure to show: keep it recognisable.
    if (isAbortError(error)) throw error;
    throw toCheckinError(error);
  }
  return check(value);
}

/** Options of `validated`. */
export interface ValidatedOptions {
  /**
   * Receives each `subscribe` event dropped as malformed, and the error of a `subscribe` call
   * that threw (the subscription then delivers nothing instead of breaking the element).
   */
  onInvalid?: (error: CheckinError) => void;
}

/**
 * Wraps `adapter` so that every result is checked and every failure is a `CheckinError`
 * (aborts pass through untouched). `subscribe` exists on the wrapper only when the host's
 * adapter has it, so "no live updates" stays detectable.
 */
export function validated(adapter: CheckinAdapter, options: ValidatedOptions = {}): CheckinAdapter {
  const report = (error: unknown) => options.onInvalid?.(toCheckinError(error));
  const safe: CheckinAdapter = {
    getViewer: (o) => call(adapter, 'getViewer', [o], (v) => validateViewer(v)),
    getContract: (contractId, o) =>
      call(adapter, 'getContract', [contractId, o], (v) => {
        const contract = validateContract(v);
        expectSame(contract.id, contractId, 'contract.id', 'contract');
        return contract;
      }),
    getSettings: (contractId, o) => call(adapter, 'getSettings', [contractId, o], settingsOf(contractId)),
    updateSettings: (contractId, change, o) =>
      call(adapter, 'updateSettings', [contractId, change, o], settingsOf(contractId)),
    listCheckins: (contractId, o) =>
      call(
        adapter,
        'listCheckins',
        [contractId, o],
        pageOf(contractId, (v) => validatePage(v)),
      ),
    submitAnswers: (contractId, checkinId, input, o) =>
      call(adapter, 'submitAnswers', [contractId, checkinId, input, o], checkinOf(contractId, checkinId)),
    skipCheckin: (contractId, checkinId, input, o) =>
      call(adapter, 'skipCheckin', [contractId, checkinId, input, o], checkinOf(contractId, checkinId)),
    acknowledge: (contractId, checkinId, o) =>
      call(adapter, 'acknowledge', [contractId, checkinId, o], checkinOf(contractId, checkinId)),
    requestUpdate: (contractId, input, o) =>
      call(adapter, 'requestUpdate', [contractId, input, o], checkinOf(contractId)),
    reply: (contractId, checkinId, input, o) =>
      call(adapter, 'reply', [contractId, checkinId, input, o], (v) => validateReply(v)),
  };
  if (typeof adapter?.listHistory === 'function') {
    safe.listHistory = (contractId, o) =>
      call(
        adapter,
        'listHistory',
        [contractId, o],
        pageOf(contractId, (v) => validateHistoryPage(v)),
      );
  }
  if (typeof adapter?.subscribe === 'function') safe.subscribe = checkedSubscribe(adapter, report);
  return safe;
}

/** Where an event names its contract, if it does. */
function contractOf(event: CheckinEvent): { actual: string; path: string } | null {
  switch (event.type) {
    case 'checkin':
      return { actual: event.checkin.contractId, path: 'event.checkin.contractId' };
    case 'settings':
      return { actual: event.settings.contractId, path: 'event.settings.contractId' };
    case 'activity':
      return { actual: event.activity.contractId, path: 'event.activity.contractId' };
    default:
      return null;
  }
}

/** `subscribe` that hands on only well-formed events about the contract, and only until ended. */
function checkedSubscribe(
  adapter: CheckinAdapter,
  report: (error: unknown) => void,
): NonNullable<CheckinAdapter['subscribe']> {
  return (contractId, listener) => {
    // The host's adapter may keep calling after unsubscribe; the element must not hear it.
    let live = true;
    let end: unknown;
    const hear = (event: CheckinEvent) => {
      if (!live) return;
      let checked: CheckinEvent;
      try {
        checked = validateEvent(event);
        const about = contractOf(checked);
        if (about) expectSame(about.actual, contractId, about.path, 'contract');
      } catch (error) {
        report(error);
        return;
      }
      listener(checked);
    };
    try {
      end = adapter.subscribe!(contractId, hear);
    } catch (error) {
      report(error);
    }
    return () => {
      if (!live) return;
      live = false;
      if (typeof end === 'function') end();
    };
  };
}
