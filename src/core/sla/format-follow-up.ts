/**
 * "tomorrow at 9:00 CET" in the customer's language and the calendar's zone: today / tomorrow,
 * a weekday within the week, else a date. Day words come from `Intl.RelativeTimeFormat`, names
 * from `Intl.DateTimeFormat` (so "pt-PT" and "pt-BR" each get their own), the phrase around
 * them from the customer catalogue (core/i18n).
 */
import { customerText, type CustomerLanguage } from '../i18n/customer-text.ts';
import { localDate, localTime } from './zoned-time.ts';

/** A letter abbreviation (CET, EST) where one exists, else the locale's offset form (GMT-3). */
export function zoneAbbreviation(timeZone: string, at: Date, language: CustomerLanguage): string {
  const name = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  const own = name(language);
  if (!/^(GMT|UTC)[+\-−]/.test(own)) return own;
  // Offsets read poorly in a promise; English names (CET, EST) are widely understood.
  for (const locale of ['en-US', 'en-GB']) {
    const other = name(locale);
    if (!/^(GMT|UTC)[+\-−]/.test(other)) return other;
  }
  return own;
}

/** When a person will follow up, as a phrase to put after "will follow up …". */
export function formatFollowUp(
  at: Date,
  now: Date,
  timeZone: string,
  language: CustomerLanguage,
): string {
  const local = localTime(at, timeZone);
  const today = localTime(now, timeZone);
  const dayIndex = (t: { year: number; month: number; day: number }) =>
    Date.UTC(t.year, t.month - 1, t.day) / 86_400_000;
  const days = dayIndex(local) - dayIndex(today);
  const time = `${local.hour}:${String(local.minute).padStart(2, '0')} ${zoneAbbreviation(timeZone, at, language)}`;
  if (days === 0 || days === 1) {
    const day = new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(days, 'day');
    return customerText('follow_up_day', language, { day, time });
  }
  const noon = new Date(`${localDate(local)}T12:00:00Z`);
  const withinWeek = days > 1 && days < 7;
  const day = withinWeek
    ? new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(noon)
    : new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        noon,
      );
  // French: "le vendredi" would read as "on Fridays"; a bare weekday means the coming one.
  return customerText(withinWeek ? 'follow_up_weekday' : 'follow_up_date', language, { day, time });
}
