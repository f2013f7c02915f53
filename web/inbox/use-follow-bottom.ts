// Keeps a scrolling box at its latest content while the reader is at the bottom, also when
// the box changes size (a rotated tablet, the handoff card collapsed); reading back stays
// put. Only a scroll above where this hook last scrolled to counts as reading back: a
// scroll event can arrive after more content was added, far from the new bottom.

import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function useFollowBottom(
  box: RefObject<HTMLElement>,
  mounted: boolean,
  contentVersion: string,
): void {
  const pinned = useRef(true);
  const autoTop = useRef(0);
  const follow = (el: HTMLElement): void => {
    el.scrollTop = el.scrollHeight;
    autoTop.current = el.scrollTop;
  };

  useEffect(() => {
    const el = box.current;
    if (el && pinned.current) follow(el);
  }, [contentVersion]);

  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const onScroll = (): void => {
      pinned.current =
        el.scrollTop >= autoTop.current - 1 ||
        el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    };
    const observer = new ResizeObserver(() => {
      if (pinned.current) follow(el);
    });
    observer.observe(el);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', onScroll);
    };
  }, [mounted]);
}
