// The APG feed pattern's keys: Page Down / Page Up move to the next / previous article, Ctrl+End
// / Ctrl+Home leave the feed for what follows / precedes it.

export type FeedMove = { to: 'article'; index: number } | { to: 'leave'; where: 'before' | 'after' } | null;

/** Where a key pressed in the article at `index` moves focus (null: the key is not the feed's). */
export function feedMove(key: string, ctrlKey: boolean, index: number): FeedMove {
  if (key === 'PageDown' && !ctrlKey) return { to: 'article', index: index + 1 };
  if (key === 'PageUp' && !ctrlKey) return { to: 'article', index: index - 1 };
  if (ctrlKey && key === 'End') return { to: 'leave', where: 'after' };
  if (ctrlKey && key === 'Home') return { to: 'leave', where: 'before' };
  return null;
}

/** The first focusable element after / before the feed (else the end note / the title). */
export function outsideFeed(root: ParentNode, feed: HTMLElement, where: 'before' | 'after'): HTMLElement | null {
  const focusable = [
    ...root.querySelectorAll<HTMLElement>('button, textarea, input, select, a[href], [tabindex]:not([tabindex="-1"])'),
  ].filter((el) => !feed.contains(el) && !(el as HTMLButtonElement).disabled);
  const follows = (el: HTMLElement) => !!(feed.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  return where === 'after'
    ? (focusable.find(follows) ?? root.querySelector<HTMLElement>('[part~="end"]'))
    : (focusable.filter((el) => !follows(el)).pop() ?? root.querySelector<HTMLElement>('#title'));
}

/** Whether `host` scrolls: in `scroller`, or in a scrolling ancestor (through shadow roots), or the page. */
export function isScrolling(host: Element, scroller: Element | null): boolean {
  const overflows = (el: Element) => el.scrollHeight > el.clientHeight + 1;
  if (scroller && overflows(scroller)) return true;
  let node: Element | null = host;
  while (node) {
    if (node === document.documentElement || node === document.body) {
      return overflows(document.scrollingElement ?? document.documentElement);
    }
    const overflowY = getComputedStyle(node).overflowY;
    if ((overflowY === 'auto' || overflowY === 'scroll') && overflows(node)) return true;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return false;
}
