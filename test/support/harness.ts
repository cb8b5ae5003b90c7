// What the element-contract suite (element-contract.ts) needs to know of one element: how to
// mount it, where it shows a failed load, and what it shows once loaded. One per element, in
// form.ts, thread.ts and toggle.ts beside this file.
import type { CheckinAdapter } from '../../src/adapters/adapter.js';
import type { MemoryAdapter } from '../../src/adapters/memory.js';
import type { CheckinErrorCode } from '../../src/model.js';
import type { ElementTag, MountOptions, Mounted } from './mount.js';

/** An element of the library as the contract sees it: it has a contract-id and renders with Lit. */
export type ContractElement = HTMLElement & { contractId: string; updateComplete: Promise<unknown> };

export interface ElementHarness<T extends ContractElement = ContractElement> {
  tag: ElementTag;
  /** The person the fault tests use: the talent for the form, the client for the others. */
  viewer: string;
  /** The adapter read that fails or hangs in the tests of the first load. */
  load: keyof CheckinAdapter;
  /** Reads the element retries by itself when they fail this way. */
  retryableReads: ReadonlyArray<readonly [keyof CheckinAdapter, CheckinErrorCode]>;
  mount(adapter: MemoryAdapter, options?: MountOptions): Promise<Mounted<T>>;
  /** The alert a failed load shows, if one is shown. */
  loadAlert(el: T): HTMLElement | null;
  /** The button of that alert that loads again. */
  retryButton(el: T): HTMLButtonElement;
  /** Waits until the seeded Atlas contract is shown, and checks what is shown. */
  loaded(el: T): Promise<void>;
  /** Nova, a contract whose check-ins are off. */
  nova: {
    /** Whether Nova is shown. */
    shown(el: T): unknown;
    /** Checks that Nova (and nothing of Atlas) is shown. */
    check(el: T): void;
  };
  /** Run before and after each test (e.g. to clear stored drafts). */
  clean?(): void;
}
