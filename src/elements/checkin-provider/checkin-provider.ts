import { provide } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CheckinAdapter } from '../../adapters/adapter.js';
import { resilient, type RequestPolicy, type RetryPolicy } from '../../adapters/resilient.js';
import { adapterContext, contractIdContext, requestPolicyContext, viewerContext } from '../../context.js';
import { loadViewer, ownPolicy, safeAdapter } from '../../controllers/connection.js';
import { ResumeTaskController } from '../../controllers/resume.js';
import type { Viewer } from '../../model.js';
import { reportError, toCheckinError } from '../shared.js';

/**
 * Gives an adapter, a contract id and the request policy (time limit and retries) to every
 * check-in element inside it. An element's own `adapter`, `contract-id`, `request-timeout` and
 * `retryPolicy` win over the provider's. It also loads the viewer and provides it
 * (`viewerContext`) for a Lit host's own components; the elements share that same request.
 *
 * @summary Connects the check-in elements inside it to the host's backend.
 * @slot - The check-in elements (and any other content).
 * @fires checkin-error - The viewer could not be loaded.
 */
export class CheckinProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The adapter the elements inside talk to. */
  @provide({ context: adapterContext })
  @property({ attribute: false })
  adapter?: CheckinAdapter;

  /** The contract the elements inside show. */
  @provide({ context: contractIdContext })
  @property({ attribute: 'contract-id', reflect: true })
  contractId = '';

  /**
   * How long the elements inside wait for one request before giving up with a `timeout` error
   * and a retry, in milliseconds (default 15000).
   */
  @property({ attribute: 'request-timeout', type: Number })
  requestTimeout?: number;

  /**
   * How the elements inside retry failed reads: `{attempts, baseDelayMs, maxDelayMs}` (default
   * 3 tries, 500 ms doubling, at most 4000 ms, with jitter). Writes are never retried by themselves.
   */
  @property({ attribute: false })
  retryPolicy?: Partial<RetryPolicy>;

  @provide({ context: viewerContext })
  @state()
  protected viewer?: Viewer;

  /** What the elements inside inherit (a new object whenever it changes, so that they hear it). */
  @provide({ context: requestPolicyContext })
  @state()
  protected requestPolicy?: Partial<RequestPolicy>;

  private wrapped?: { raw: CheckinAdapter; adapter: CheckinAdapter };

  private readonly viewerTask = new Task(this, {
    task: async ([adapter], { signal }) => {
      this.viewer = undefined;
      if (!adapter) return undefined;
      try {
        this.viewer = await loadViewer(this.resilientAdapter(adapter), signal);
      } catch (error) {
        // Elements inside load and show the failure themselves; the provider only reports it.
        const failure = toCheckinError(error);
        if (failure) reportError(this, failure, 'load-viewer');
      }
      return this.viewer;
    },
    args: () => [this.adapter] as const,
  });

  constructor() {
    super();
    // Its share of the viewer request ends when it leaves the page (the request itself goes on
    // while an element waits); a load cut short runs again on return.
    new ResumeTaskController(this, () => this.viewerTask);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('requestTimeout') || changed.has('retryPolicy') || !this.requestPolicy) {
      this.requestPolicy = ownPolicy(this);
    }
  }

  private resilientAdapter(raw: CheckinAdapter): CheckinAdapter {
    if (this.wrapped?.raw !== raw) {
      this.wrapped = { raw, adapter: resilient(safeAdapter(raw), { policy: () => this.requestPolicy }) };
    }
    return this.wrapped.adapter;
  }

  /** Resolves when the viewer has loaded (or failed). */
  get ready(): Promise<unknown> {
    return this.viewerTask.taskComplete.catch(() => undefined);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
