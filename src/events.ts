import type { Checkin, CheckinError, Reply, Settings } from './model.js';

// One small Event subclass per custom event (typed `detail`, bubbling and composed so that a
// host listening on the page or on a wrapper component sees it from inside shadow roots).
abstract class CheckinEventBase<D> extends Event {
  readonly detail: D;
  constructor(type: string, detail: D) {
    super(type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

export interface SettingsChangeDetail {
  contractId: string;
  settings: Settings;
  previous: Settings | null;
}
/** Settings were changed and confirmed by the adapter. */
export class CheckinSettingsChangeEvent extends CheckinEventBase<SettingsChangeDetail> {
  static readonly eventName = 'checkin-settings-change';
  constructor(detail: SettingsChangeDetail) {
    super(CheckinSettingsChangeEvent.eventName, detail);
  }
}

export interface CheckinDetail {
  contractId: string;
  checkin: Checkin;
}
/** Answers were submitted (or edited) and confirmed by the adapter. */
export class CheckinSubmitEvent extends CheckinEventBase<CheckinDetail> {
  static readonly eventName = 'checkin-submit';
  constructor(detail: CheckinDetail) {
    super(CheckinSubmitEvent.eventName, detail);
  }
}

/** A check-in was skipped ("not working this week"), confirmed by the adapter. */
export class CheckinSkipEvent extends CheckinEventBase<CheckinDetail> {
  static readonly eventName = 'checkin-skip';
  constructor(detail: CheckinDetail) {
    super(CheckinSkipEvent.eventName, detail);
  }
}

export interface DraftSavedDetail {
  contractId: string;
  checkinId: string;
  savedAt: string;
  /** False when local storage is unavailable or full and the draft lives in memory only. */
  persisted: boolean;
}
/** The form's draft was saved locally. */
export class CheckinDraftSavedEvent extends CheckinEventBase<DraftSavedDetail> {
  static readonly eventName = 'checkin-draft-saved';
  constructor(detail: DraftSavedDetail) {
    super(CheckinDraftSavedEvent.eventName, detail);
  }
}

export interface ReplyDetail {
  contractId: string;
  checkinId: string;
  reply: Reply;
}
/** A reply was posted and confirmed by the adapter. */
export class CheckinReplyEvent extends CheckinEventBase<ReplyDetail> {
  static readonly eventName = 'checkin-reply';
  constructor(detail: ReplyDetail) {
    super(CheckinReplyEvent.eventName, detail);
  }
}

/** The client requested an update, confirmed by the adapter. */
export class CheckinRequestUpdateEvent extends CheckinEventBase<CheckinDetail> {
  static readonly eventName = 'checkin-request-update';
  constructor(detail: CheckinDetail) {
    super(CheckinRequestUpdateEvent.eventName, detail);
  }
}

export interface ErrorDetail {
  error: CheckinError;
  /** What the element was doing, e.g. "load", "submit", "update-settings". */
  action: string;
}
/** A failure was shown to the user. */
export class CheckinErrorEvent extends CheckinEventBase<ErrorDetail> {
  static readonly eventName = 'checkin-error';
  constructor(detail: ErrorDetail) {
    super(CheckinErrorEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'checkin-settings-change': CheckinSettingsChangeEvent;
    'checkin-submit': CheckinSubmitEvent;
    'checkin-skip': CheckinSkipEvent;
    'checkin-draft-saved': CheckinDraftSavedEvent;
    'checkin-reply': CheckinReplyEvent;
    'checkin-request-update': CheckinRequestUpdateEvent;
    'checkin-error': CheckinErrorEvent;
  }
}
