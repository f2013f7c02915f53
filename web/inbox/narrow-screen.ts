// The one-pane (phone) layout starts below this width; inbox.css uses the same number.

export const NARROW_SCREEN = '(max-width: 900px)';

/** True on a phone-sized screen, where the handoff card starts collapsed to the goal. */
export function isNarrowScreen(): boolean {
  return typeof matchMedia === 'function' && matchMedia(NARROW_SCREEN).matches;
}
