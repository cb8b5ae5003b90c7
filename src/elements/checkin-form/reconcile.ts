import type { CheckinEvent } from '../../adapters/adapter.js';
import type { Checkin, Settings } from '../../model.js';
import { liveCheckin, shownSettingsChanged, standingOf } from './form-logic.js';
import type { Loaded, Newer } from './state.js';

/**
 * Which of the talent's views a check-in renders in: the form while it is open or late, else
 * its state. Open and late are the same view (only the header differs).
 */
export function viewOf(checkin: Checkin | null): string {
  if (!checkin) return 'none';
  const view = checkin.status === 'open' || checkin.status === 'late' ? 'form' : checkin.status;
  return `${view}:${checkin.id}`;
}

/**
 * Which view a load renders for the talent: a refresh that changes it must not replace unsent
 * text. A check-in that can be answered is the form whatever weekly check-ins' standing (a
 * request is answerable in every consent state); with none, the standing is the view.
 */
export function loadedView(loaded: Loaded): string {
  const target = loaded.target;
  return `${loaded.viewer.role}|${target ? viewOf(target) : `none:${standingOf(loaded.settings)}`}`;
}

/**
 * True when a refresh brings the check-in already on screen, for the same contract and viewer:
 * then only the data is swapped, and the talent's text, an open skip panel, focus and the
 * "Submitted" confirmation stay as they are.
 */
export function sameSubject(previous: Loaded | null, loaded: Loaded): boolean {
  return Boolean(
    loaded.target &&
    previous?.target?.id === loaded.target.id &&
    previous.contract.id === loaded.contract.id &&
    previous.viewer.id === loaded.viewer.id,
  );
}

/** What the talent is doing, as far as a fresh load or a live event is judged against it. */
export interface Doing {
  /** A write is on its way (for a load: or went out while it ran). */
  writing: boolean;
  /** The talent has text on screen the adapter has not confirmed. */
  unsent: boolean;
}

/** What is on screen besides the data, as far as a fresh load is judged against it. */
export interface LoadContext extends Doing {
  /** The talent asked for this load ("Show the latest"). */
  chosen: boolean;
  /** What a live event heard while loading said. */
  changed: Newer;
}

/** What to do with a fresh load. */
export type LoadDecision =
  /** Keep what is on screen and load again once the write is done. */
  | { do: 'wait-for-write' }
  /** Keep what is on screen and offer "Show the latest" for `reason`. */
  | { do: 'keep'; reason: 'contract' | 'checkin' }
  /** Show the load; a `refresh` of the check-in on screen keeps the talent's work. */
  | { do: 'show'; refresh: boolean };

/**
 * Reconciles a fresh load with what is on screen (`shown`: the last load, while it is for the
 * same inputs). A refresh never takes away what the talent is doing: a write on its way (the
 * load may predate it, and replacing the form would drop its outcome), or text typed while it
 * loaded when the load brings another check-in or this one answered, skipped or closed
 * elsewhere; the talent then chooses when to move on.
 */
export function reconcile(shown: Loaded | null, loaded: Loaded, context: LoadContext): LoadDecision {
  if (!shown) return { do: 'show', refresh: false };
  if (context.writing) return { do: 'wait-for-write' };
  if (!context.chosen && context.unsent) {
    const sameCheckin = loaded.target?.id === shown.target?.id;
    if (!sameCheckin || loadedView(loaded) !== loadedView(shown)) {
      // Another check-in may have opened because this one was answered elsewhere: that is the
      // stronger news.
      const onScreen = shown.target && loaded.checkins.find((c) => c.id === shown.target!.id);
      const elsewhere = sameCheckin || (onScreen && viewOf(onScreen) !== viewOf(shown.target));
      return { do: 'keep', reason: elsewhere || context.changed === 'checkin' ? 'checkin' : 'contract' };
    }
  }
  return { do: 'show', refresh: !context.chosen };
}

/** How a live event not about the check-in on screen bears on the loaded data. */
export interface Judged {
  /** It changes what the form shows: a load is due. */
  matters: boolean;
  /** Else what it changes in the loaded data, applied in place (last week's plan comes from it). */
  settings?: Settings;
  checkins?: Checkin[];
}

/**
 * Judges a live event (not about the check-in on screen) against what is on screen, so that an
 * event that changes nothing shown costs no request. With `fixed` (a `checkin-id`), no other
 * check-in ever changes the form.
 */
export function judge(shown: Loaded, event: CheckinEvent, now: number, fixed: boolean): Judged {
  if (event.type === 'settings') {
    return shownSettingsChanged(shown.settings, event.settings)
      ? { matters: true }
      : { matters: false, settings: event.settings };
  }
  if (event.type !== 'checkin') return { matters: false };
  const { reload, checkins } = liveCheckin(shown, event.checkin, now, fixed);
  if (reload) return { matters: true };
  return checkins === shown.checkins ? { matters: false } : { matters: false, checkins };
}

/** What is on screen, as far as a live event (or a stale signal) is judged against it. */
export interface LiveInput extends Doing {
  /** The event is about the check-in on screen. */
  here: boolean;
  /** The event changes what is shown (always, for one about the check-in on screen). */
  matters: boolean;
  loading: boolean;
  /** A load is in (the data on screen, even after a failed refresh). */
  loaded: boolean;
  /** The event closes the check-in on screen; `viewChanged`: it would change view (answered elsewhere, say). */
  closes: boolean;
  viewChanged: boolean;
}

export type LiveDecision =
  | { do: 'ignore' }
  /** A load is on its way and may predate the event: acted on once it is in. */
  | { do: 'defer'; reason: 'contract' | 'checkin' }
  /** Closed: the view says who closed it; what was typed stays to go as a message. */
  | { do: 'close' }
  | { do: 'notify'; reason: 'contract' | 'checkin' }
  /** The check-in on screen, as it now is; `refocus` when its view changes under the focus. */
  | { do: 'replace'; refocus: boolean }
  /** A load now would set the write's outcome aside: it is due once the write is done. */
  | { do: 'after-write' }
  | { do: 'reload' };

/**
 * What a live event does: the shown check-in changing elsewhere updates in place; a new
 * check-in or a settings change reloads the form, unless the talent is typing (then they are
 * told, and choose when to load it) or a write is on its way (then it waits for the write).
 * A stale signal is an event that matters about no check-in in particular.
 */
export function decideLive(input: LiveInput): LiveDecision {
  if (!input.matters) return { do: 'ignore' };
  if (input.loading) return { do: 'defer', reason: input.viewChanged ? 'checkin' : 'contract' };
  if (!input.loaded) return { do: 'ignore' };
  if (input.here) {
    // During a write this is its echo (or a write from elsewhere it races): its outcome says.
    if (input.writing) return { do: 'ignore' };
    if (input.closes) return { do: 'close' };
    if (input.unsent) return input.viewChanged ? { do: 'notify', reason: 'checkin' } : { do: 'ignore' };
    return { do: 'replace', refocus: input.viewChanged };
  }
  if (input.writing) return { do: 'after-write' };
  return input.unsent ? { do: 'notify', reason: 'contract' } : { do: 'reload' };
}
