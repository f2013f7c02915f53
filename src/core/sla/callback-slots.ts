/**
 * Callback times: the next few half-hour slots within the team's hours (offered as choices),
 * and a typed time ("at 15:30", "3pm", "15h30") read in the team's zone as its next
 * occurrence. A time outside business hours is refused rather than promised.
 */
import type { BusinessCalendar } from './business-calendar.ts';
import { isOpen } from './is-open.ts';
import { localTime, zonedTimeToUtc } from './zoned-time.ts';

export interface CallbackSlotOptions {
  /** How many slots to offer. */
  readonly count: number;
  /** Slot spacing, minutes. */
  readonly stepMinutes: number;
  /** The first slot is at least this far ahead, so someone can prepare. */
  readonly leadMinutes: number;
  /** Look no further ahead than this. */
  readonly horizonDays: number;
}

export const DEFAULT_CALLBACK_SLOTS: CallbackSlotOptions = Object.freeze({
  count: 4,
  stepMinutes: 30,
  leadMinutes: 15,
  horizonDays: 8,
});

/** The next slots (on the half hour, in the calendar's zone) when the team is open. */
export function callbackSlots(
  calendar: BusinessCalendar,
  now: Date,
  options: CallbackSlotOptions = DEFAULT_CALLBACK_SLOTS,
): Date[] {
  const stepMs = options.stepMinutes * 60_000;
  const earliest = now.getTime() + options.leadMinutes * 60_000;
  // Zones are whole quarter hours from UTC, so UTC half hours are local half hours too
  // (except in the few :45 zones, where slots land on :15 and :45: still regular).
  let t = Math.ceil(earliest / stepMs) * stepMs;
  const end = now.getTime() + options.horizonDays * 86_400_000;
  const slots: Date[] = [];
  for (; t <= end && slots.length < options.count; t += stepMs) {
    if (isOpen(calendar, new Date(t))) slots.push(new Date(t));
  }
  return slots;
}

export type ParsedCallbackTime =
  | { readonly ok: true; readonly at: Date }
  | { readonly ok: false; readonly reason: 'unreadable' | 'closed' };

const TIME =
  /(?:^|\D)([01]?\d|2[0-3])(?:\s*[:h.]\s*([0-5]\d))?\s*(am|pm|a\.m\.|p\.m\.|uhr|h)?(?!\d)/i;

/**
 * The next instant the team's wall clock shows the typed time (today if still ahead by the
 * lead time, else tomorrow), or why not.
 */
export function parseCallbackTime(
  text: string,
  calendar: BusinessCalendar,
  now: Date,
  options: CallbackSlotOptions = DEFAULT_CALLBACK_SLOTS,
): ParsedCallbackTime {
  const m = TIME.exec(text);
  if (!m) return { ok: false, reason: 'unreadable' };
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const suffix = (m[3] ?? '').toLowerCase().replaceAll('.', '');
  // A bare number without minutes or a suffix ("2") is too ambiguous to promise.
  if (m[2] === undefined && suffix === '') return { ok: false, reason: 'unreadable' };
  if (suffix === 'pm' && hour < 12) hour += 12;
  if (suffix === 'am' && hour === 12) hour = 0;
  const today = localTime(now, calendar.timeZone);
  const earliest = now.getTime() + options.leadMinutes * 60_000;
  for (let dayOffset = 0; dayOffset < 2; dayOffset++) {
    const noon = new Date(Date.UTC(today.year, today.month - 1, today.day + dayOffset, 12));
    const at = zonedTimeToUtc(
      {
        year: noon.getUTCFullYear(),
        month: noon.getUTCMonth() + 1,
        day: noon.getUTCDate(),
        minutes: hour * 60 + minute,
      },
      calendar.timeZone,
    );
    if (at.getTime() < earliest) continue;
    return isOpen(calendar, at) ? { ok: true, at } : { ok: false, reason: 'closed' };
  }
  return { ok: false, reason: 'unreadable' };
}
