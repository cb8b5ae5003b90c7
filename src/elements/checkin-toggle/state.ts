import type { SettingsChange } from '../../adapters/adapter.js';
import type { CheckinError, Settings } from '../../model.js';

/** What a settings write does, as the person asked for it. */
export type WriteKind = 'enable' | 'disable' | 'schedule' | 'questions' | 'accept' | 'decline' | 'withdraw';

/** Which control a failure or a conflict notice sits next to. */
export type Place = 'switch' | 'editor' | 'consent' | 'questions';

/** One settings write: kept as is for a retry, so the retry reuses its idempotency key. */
export interface Write {
  kind: WriteKind;
  contractId: string;
  change: SettingsChange;
  expectedVersion: number;
  idempotencyKey: string;
  previous: Settings;
  /**
   * A schedule saved over another version after a conflict (said so when it is saved): 'theirs'
   * when someone else made it, 'other' when it came from the viewer's own other tab or window.
   */
  replacing?: 'theirs' | 'other';
}

/** A switch or consent change refused because the settings had changed meanwhile. */
export interface SwitchConflict {
  /** Which control the notice sits next to. */
  place: Place;
  /** The version the refused write was made against. */
  since: number;
  /** The latest settings once fetched: who changed them is said from these. */
  latest?: Settings;
}

/**
 * The element's settings write, one state at a time: nothing on its way; a write on its way;
 * a write refused by a conflict while the latest settings are fetched (still shown as in
 * progress); a refused write with its alert; a failed fetch of the latest settings with its
 * alert (beside the conflict notice that asked for it, if any); or a conflict notice.
 */
export type WriteState =
  | { status: 'idle' }
  | { status: 'sending'; write: Write }
  | { status: 'resolving'; write: Write; place: Place; conflict?: SwitchConflict }
  | { status: 'failed'; place: Place; error: CheckinError; write: Write }
  | { status: 'reloadFailed'; place: Place; error: CheckinError; conflict?: SwitchConflict }
  | { status: 'conflicted'; conflict: SwitchConflict };

/** What fetching the latest settings came to: the settings shown after it, or the failure. */
export type Reload = { ok: true; latest: Settings } | { ok: false; error: CheckinError };

export const IDLE: WriteState = { status: 'idle' };

/** The control a write's failure belongs to. */
export function placeOf(kind: WriteKind): Place {
  if (kind === 'schedule') return 'editor';
  if (kind === 'questions') return 'questions';
  if (kind === 'enable' || kind === 'disable') return 'switch';
  return 'consent';
}

/** True while a write is on its way or its conflict is being settled. */
export function busy(state: WriteState): boolean {
  return state.status === 'sending' || state.status === 'resolving';
}

/** The kind of the write shown as in progress, if any. */
export function sendingKind(state: WriteState): WriteKind | undefined {
  return state.status === 'sending' || state.status === 'resolving' ? state.write.kind : undefined;
}

/** What the switch shows: on while turning on, off while turning off, else what is saved. */
export function shownOn(state: WriteState, settings: Settings | undefined): boolean {
  const kind = sendingKind(state);
  if (kind === 'enable') return true;
  if (kind === 'disable') return false;
  return !!settings?.enabled;
}

/** The switch can't be used while a write is on its way; an ineligible contract can still be switched off. */
export function switchLocked(state: WriteState, settings: Settings): boolean {
  return busy(state) || (!settings.eligibility.eligible && !settings.enabled);
}

/** A write starts: any alert or notice of the last one goes (unless a write is on its way). */
export function start(state: WriteState, write: Write): WriteState {
  return busy(state) ? state : { status: 'sending', write };
}

/** The adapter confirmed the write, or it was abandoned, or refused with nothing to show. */
export function settle(state: WriteState): WriteState {
  return busy(state) ? IDLE : state;
}

/** The write was refused: its alert, next to its control. */
export function fail(state: WriteState, error: CheckinError): WriteState {
  if (state.status !== 'sending') return state;
  return { status: 'failed', place: placeOf(state.write.kind), error, write: state.write };
}

/**
 * The write met a conflict: it shows as in progress while the latest settings are fetched for
 * `place`; `conflict` when the notice next to the control should say so once they are.
 */
export function resolve(state: WriteState, place: Place, withNotice: boolean): WriteState {
  if (state.status !== 'sending') return state;
  const { write } = state;
  const conflict = withNotice ? { place: placeOf(write.kind), since: write.expectedVersion } : undefined;
  return { status: 'resolving', write, place, ...(conflict && { conflict }) };
}

/** The latest settings were fetched (or not) for a conflicted write: what it settles into. */
export function resolved(state: WriteState, reload: Reload | undefined): WriteState {
  if (state.status !== 'resolving') return state;
  const { place, conflict } = state;
  if (reload && !reload.ok)
    return { status: 'reloadFailed', place, error: reload.error, ...(conflict && { conflict }) };
  if (!conflict) return IDLE;
  return { status: 'conflicted', conflict: reload ? { ...conflict, latest: reload.latest } : conflict };
}

/**
 * A fetch of the latest settings for `place` that no write asked for ("Try again", coming back
 * online) came back. A write on its way has the last word, so its state is left alone.
 */
export function reloaded(state: WriteState, place: Place, reload: Reload): WriteState {
  if (busy(state)) return state;
  const conflict = state.status === 'conflicted' || state.status === 'reloadFailed' ? state.conflict : undefined;
  if (!reload.ok) return { status: 'reloadFailed', place, error: reload.error, ...(conflict && { conflict }) };
  if (!conflict) return IDLE;
  return {
    status: 'conflicted',
    conflict: conflict.place === place ? { ...conflict, latest: reload.latest } : conflict,
  };
}

/** The alert at `place` goes (the person changed what it was about); a conflict notice stays. */
export function withoutFailure(state: WriteState, place: Place): WriteState {
  if (state.status === 'failed' && state.place === place) return IDLE;
  if (state.status === 'reloadFailed' && state.place === place) {
    return state.conflict ? { status: 'conflicted', conflict: state.conflict } : IDLE;
  }
  return state;
}

/** The conflict notice goes (the person moved on); an alert stays. */
export function withoutConflict(state: WriteState): WriteState {
  if (state.status === 'conflicted') return IDLE;
  if (state.status === 'resolving' && state.conflict) {
    return { status: 'resolving', write: state.write, place: state.place };
  }
  if (state.status === 'reloadFailed' && state.conflict) {
    return { status: 'reloadFailed', place: state.place, error: state.error };
  }
  return state;
}

/** Both go (a dialog opens for a fresh decision); a write on its way is left alone. */
export function cleared(state: WriteState): WriteState {
  return busy(state) ? state : IDLE;
}

/** The alert at `place`, and whether "Try again" sends the write again or fetches again. */
export function failureAt(state: WriteState, place: Place): { error: CheckinError; write?: Write } | undefined {
  if (state.status === 'failed' && state.place === place) return { error: state.error, write: state.write };
  if (state.status === 'reloadFailed' && state.place === place) return { error: state.error };
  return undefined;
}

/** The conflict notice at `place`, once the refused write is settled. */
export function conflictAt(state: WriteState, place: Place): SwitchConflict | undefined {
  if (state.status !== 'conflicted' && state.status !== 'reloadFailed') return undefined;
  return state.conflict?.place === place ? state.conflict : undefined;
}
