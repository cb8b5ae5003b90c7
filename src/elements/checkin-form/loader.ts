import type { ReactiveControllerHost } from 'lit';
import type { CheckinAdapter, CheckinEvent } from '../../adapters/adapter.js';
import type { Checkin } from '../../model.js';
import { reportError, toCheckinError } from '../shared.js';
import { viewerTerms } from '../terms.js';
import { focusIsNowhere, hasFocus } from './focus.js';
import { fetchLoaded } from './load.js';
import { decideLive, judge, reconcile, sameSubject, viewOf, type LiveDecision, type LiveInput } from './reconcile.js';
import {
  NO_LOAD,
  askLoad,
  deferToWrite,
  finishLoad,
  heardTaken,
  heardWhileLoading,
  loadFailed,
  loadShown,
  startLoad,
  stronger,
  takeDeferred,
  withRefocus,
  wroteWhileLoading,
  type LoadArgs,
  type LoadState,
  type Loaded,
  type Newer,
} from './state.js';
import type { FormWork } from './work.js';
import { closedSentence, newlyOpen, sentAnd } from './words.js';

/** What the loader needs from its element. */
export interface LoaderOptions {
  now(): number;
  /** What a load is for now: the adapter, the contract and the check-in asked for (trimmed). */
  args(): LoadArgs;
  /** Listens to the contract's live updates. */
  watch(adapter: CheckinAdapter, contractId: string): void;
  announce(text: string): void;
  /** Runs the element's load again. */
  run(): void;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The form's loads and live updates: runs a load and applies it as `reconcile` decides, acts on
 * a live event as `decideLive` decides, and keeps a refresh a write or unsent text set aside
 * (one LoadState). The element renders `newer` and moves the focus when `takeRefocus` says so.
 */
export class FormLoader {
  private load: LoadState = NO_LOAD;
  private newerValue: Newer = null;

  constructor(
    private readonly host: Host,
    private readonly work: FormWork,
    private readonly options: LoaderOptions,
  ) {}

  /** A newer check-in or settings change arrived while the talent had unsent text ('contract'), or this check-in was answered or skipped elsewhere ('checkin'). */
  get newer(): Newer {
    return this.newerValue;
  }

  private set newer(newer: Newer) {
    if (newer === this.newerValue) return;
    this.newerValue = newer;
    this.host.requestUpdate();
  }

  private now(): number {
    return this.options.now();
  }

  async runLoad(args: LoadArgs, signal: AbortSignal): Promise<Loaded | null> {
    const [adapter, contractId, checkinId] = args;
    if (!adapter || !contractId) return null;
    // Listen before loading, so that nothing said between the load and the subscription is
    // missed; what arrives while loading is acted on once the load is in (see onLive).
    this.options.watch(adapter, contractId);
    const run = {};
    // "Show the latest" takes its own button away as the load starts: was the focus in here?
    this.load = startLoad(this.load, run, hasFocus(this.host));
    try {
      const loaded = await fetchLoaded(adapter, contractId, checkinId, () => this.now(), signal);
      signal.throwIfAborted();
      return this.arrive(args, loaded);
    } catch (error) {
      const failure = toCheckinError(error);
      if (!failure || signal.aborted) throw error;
      this.load = loadFailed(this.load);
      reportError(this.host, failure, 'load');
      throw failure;
    } finally {
      this.load = finishLoad(this.load, run);
    }
  }

  /** Applies a fresh load as `reconcile` decides; returns what is on screen after it. */
  private arrive(args: LoadArgs, loaded: Loaded): Loaded {
    const load = this.load;
    if (load.phase !== 'loading') return loaded;
    const shown = this.shownFor(args);
    const writing = this.work.writing() || load.wrote;
    const decision = reconcile(shown, loaded, {
      writing,
      chosen: load.chosen,
      unsent: this.work.hasUnsent(),
      changed: load.changed,
    });
    if (shown && decision.do === 'wait-for-write') {
      this.load = deferToWrite(this.load);
      if (!this.work.writing()) queueMicrotask(() => this.afterWrite());
      return shown;
    }
    if (shown && decision.do === 'keep') {
      this.notify(decision.reason);
      this.load = heardTaken(this.load);
      return shown;
    }
    this.show(loaded, shown, decision.do === 'show' && decision.refresh);
    this.load = loadShown(this.load, args);
    if (load.changed) {
      this.load = heardTaken(this.load);
      if (this.work.hasUnsent()) this.notify(load.changed);
      else queueMicrotask(() => this.reload());
    }
    return loaded;
  }

  /** Shows a load; over a shown one, the focus and the news of what opened follow it. */
  private show(loaded: Loaded, shown: Loaded | null, refresh: boolean): void {
    const { chosen, focusAtStart } = this.load.phase === 'loading' ? this.load : { chosen: false, focusAtStart: false };
    const replaced = this.work.begin(loaded, refresh && sameSubject(this.work.loaded, loaded), shown !== null);
    if (!shown) return;
    // Read before the new view renders (begin only set state): it may remove the focused node.
    // "Show the latest" already took its own button away as the load started.
    this.load = withRefocus(this.load, hasFocus(this.host) || (chosen && focusAtStart && focusIsNowhere()));
    // Said wherever the focus is; after begin, whose flush of the old draft says "Draft saved".
    const opened = newlyOpen(loaded, shown);
    if (opened) this.options.announce(replaced ? sentAnd(replaced.what, opened) : opened);
  }

  /** The last load, while it is for the element's inputs now (what a refresh keeps on screen), else null. */
  shown(): Loaded | null {
    return this.shownFor(this.options.args());
  }

  /** The last load, while it is for `args` (what a refresh keeps on screen), else null. */
  private shownFor(args: LoadArgs): Loaded | null {
    const of = this.load.of;
    const loaded = this.work.loaded;
    return of && loaded && of.every((arg, i) => arg === args[i]) ? loaded : null;
  }

  /** Live updates: see `judge` and `decideLive`. */
  onLive(event: CheckinEvent): void {
    // Replies and activity entries belong to the thread: nothing on the form changes with them.
    if (event.type === 'reply' || event.type === 'activity') return;
    const checkin = event.type === 'checkin' ? event.checkin : null;
    const here = checkin !== null && checkin.id === this.work.state.checkin?.id;
    // Judged against what is on screen, also while a load runs (only a load for the same inputs).
    const args = this.options.args();
    const shown = this.shownFor(args);
    const judged = !here && shown ? judge(shown, event, this.now(), Boolean(args[2])) : { matters: true };
    this.work.take(judged);
    const closes = here && checkin.status === 'closed' && this.work.state.checkin?.status !== 'closed';
    const viewChanged = here && viewOf(checkin) !== viewOf(this.work.state.checkin);
    this.apply(this.decide({ here, matters: judged.matters, closes, viewChanged }), checkin);
  }

  /** The adapter may have missed changes: loaded afresh, never over what is typed or sent. */
  onStale(): void {
    this.apply(this.decide({ here: false, matters: true, closes: false, viewChanged: false }), null);
  }

  private decide(about: Pick<LiveInput, 'here' | 'matters' | 'closes' | 'viewChanged'>): LiveDecision {
    const loading = this.load.phase === 'loading';
    return decideLive({
      ...about,
      loading,
      loaded: this.work.loaded !== null,
      writing: this.work.writing(),
      unsent: this.work.hasUnsent(),
    });
  }

  private apply(decision: LiveDecision, checkin: Checkin | null): void {
    const loaded = this.work.loaded;
    switch (decision.do) {
      case 'defer':
        return void (this.load = heardWhileLoading(this.load, decision.reason));
      case 'notify':
        return this.notify(decision.reason);
      case 'after-write':
        return void (this.load = deferToWrite(this.load));
      case 'reload':
        return this.reload();
      case 'close':
      case 'replace':
        if (!checkin || !loaded) return;
        if (decision.do === 'close' || decision.refocus) this.load = withRefocus(this.load, hasFocus(this.host));
        this.work.replace(checkin, decision.do === 'close');
        if (decision.do === 'replace') return;
        // Nothing can be sent to it any more: the view says who closed it, and what was typed
        // stays to go as a message.
        this.options.announce(closedSentence(loaded, checkin, viewerTerms(loaded.viewer, loaded.contract)));
    }
  }

  /** Offers "Show the latest" for `reason`; never lets a weaker reason replace a stronger one. */
  private notify(reason: 'contract' | 'checkin'): void {
    this.newer = stronger(this.newer, reason);
  }

  /** Loads again; `chosen` when the talent asked for it (the result then replaces the form). */
  reload(chosen = false): void {
    this.newer = null;
    this.load = askLoad(this.load, chosen);
    this.options.run();
  }

  /** A write goes out: a load on its way may predate it. */
  wrote(): void {
    this.load = wroteWhileLoading(this.load);
  }

  /** A refresh set aside for a write runs once it is done, or is offered when its text is still unsent. */
  afterWrite(): void {
    if (!this.load.afterWrite || this.work.writing()) return;
    this.load = takeDeferred(this.load);
    if (this.work.hasUnsent()) this.notify('contract');
    else this.reload();
  }

  /** True once after a load or a live change asked for the focus to follow the new view. */
  takeRefocus(): boolean {
    if (!this.load.refocus) return false;
    this.load = withRefocus(this.load, false);
    return true;
  }
}
