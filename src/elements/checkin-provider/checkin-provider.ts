import { provide } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CheckinAdapter } from '../../adapters/adapter.js';
import { adapterContext, contractIdContext, viewerContext } from '../../context.js';
import { loadViewer, safeAdapter } from '../../controllers/connection.js';
import type { Viewer } from '../../model.js';
import { reportError, toCheckinError } from '../shared.js';

/**
 * Gives an adapter, a contract id and the viewer to every check-in element inside it.
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

  @provide({ context: viewerContext })
  @state()
  protected viewer?: Viewer;

  private readonly viewerTask = new Task(this, {
    task: async ([adapter], { signal }) => {
      this.viewer = undefined;
      if (!adapter) return undefined;
      try {
        this.viewer = await loadViewer(safeAdapter(adapter), signal);
      } catch (error) {
        // Elements inside load and show the failure themselves; the provider only reports it.
        const failure = toCheckinError(error);
        if (failure) reportError(this, failure, 'load-viewer');
      }
      return this.viewer;
    },
    args: () => [this.adapter] as const,
  });

  /** Resolves when the viewer has loaded (or failed). */
  get ready(): Promise<unknown> {
    return this.viewerTask.taskComplete.catch(() => undefined);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

