// Keeps the message list at its latest message when the list changes size (the page resized
// from phone to laptop, a rotated tablet, the keyboard opening) while the reader was at the
// bottom. A reader who scrolled up to read stays where they were.

/** How far above the bottom still counts as "at the bottom" (a partly shown last row). */
const NEAR_BOTTOM_PX = 40;

/** Follows the bottom of `log` on resize; `rows` is its content, which rewraps when it narrows. */
export function followBottomOnResize(log: HTMLElement, rows: HTMLElement): void {
  if (typeof ResizeObserver === 'undefined') return;
  let atBottom = true;
  let lastHeight = log.clientHeight;
  log.addEventListener(
    'scroll',
    () => {
      // A resize moves scrollTop too (clamped when the list grows): that is not the reader.
      if (log.clientHeight !== lastHeight) return;
      atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_BOTTOM_PX;
    },
    { passive: true },
  );
  const observer = new ResizeObserver(() => {
    lastHeight = log.clientHeight;
    // `behavior: 'instant'` overrides the list's smooth scrolling: a resize is not news.
    if (atBottom) log.scrollTo({ top: log.scrollHeight, behavior: 'instant' });
  });
  observer.observe(log);
  observer.observe(rows);
}
