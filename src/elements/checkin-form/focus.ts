/** True while the focus is in `host` (in its shadow root, or on the host itself). */
export function hasFocus(host: HTMLElement): boolean {
  return Boolean(host.shadowRoot?.activeElement) || document.activeElement === host;
}

/** True while nothing on the page has the focus (a focused node was removed, say). */
export function focusIsNowhere(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active === document.documentElement;
}
