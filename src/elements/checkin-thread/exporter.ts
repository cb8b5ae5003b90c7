import type { LitElement } from 'lit';
import type { HistoryItem, Question } from '../../model.js';
import { localDateOf } from '../../schedule/index.js';
import { reportError, toCheckinError } from '../shared.js';
import { viewerTerms } from '../terms.js';
import { download } from './download.js';
import { exportBlob, exportDone, exportFileName, type ExportFormat } from './export.js';
import { checkAll } from './host-items.js';
import type { FeedPager } from './pager.js';
import { EXPORT_IDLE, type Exporting, type Thread, type ThreadContext } from './state.js';

export interface ExportSource {
  questions(): readonly Question[];
  /** The host's `checkins`, to name a malformed item by its index. */
  hostItems(): readonly unknown[] | undefined;
}

/** The export of the whole history: every page fetched, then one file downloaded. */
export class Exporter {
  private value: Exporting = EXPORT_IDLE;

  constructor(
    private readonly host: LitElement,
    private readonly options: ThreadContext,
    private readonly pager: FeedPager,
    private readonly source: ExportSource,
  ) {}

  get state(): Exporting {
    return this.value;
  }

  private set state(state: Exporting) {
    this.value = state;
    this.host.requestUpdate();
  }

  reset(): void {
    this.state = EXPORT_IDLE;
  }

  async run(format: ExportFormat): Promise<void> {
    const thread = this.options.thread();
    if (!thread || this.state.state === 'exporting') return;
    const { pager } = this;
    const current = this.options.epoch.mark();
    const progress = () => (this.state = { state: 'exporting', format, loaded: pager.feed.items.length });
    progress();
    try {
      // The paper trail is the whole history: fetch every page that is not here yet.
      while (pager.feed.nextCursor) {
        await pager.nextPage();
        if (!current()) return;
        progress();
      }
      this.download(format, thread, pager.feed.items);
      this.state = EXPORT_IDLE;
    } catch (error) {
      if (!current()) return;
      const failure = toCheckinError(error);
      this.state = failure ? { state: 'failed', format, error: failure } : EXPORT_IDLE;
      if (failure) reportError(this.host, failure, 'export');
    }
  }

  private download(format: ExportFormat, thread: Thread, items: readonly HistoryItem[]): void {
    // The host's items are checked as they are rendered; the export reads them all.
    const malformed = thread.fromHost ? checkAll(items, this.source.hostItems()) : null;
    if (malformed) throw malformed;
    const options = viewerTerms(thread.viewer, thread.contract);
    const now = this.options.now();
    const name = exportFileName(thread.contractId, localDateOf(now, options.timeZone), format);
    const questions = this.source.questions();
    const exportedAt = new Date(now).toISOString();
    download(exportBlob({ format, contract: thread.contract, questions, items, options, exportedAt }), name);
    this.options.announce(exportDone(name, items));
  }
}
