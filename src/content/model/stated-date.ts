/**
 * The date of a fact as one passage states it. An event has one date (its most precise statement),
 * but the same fact may be stated elsewhere less precisely: the EPCA "signed on 21 December 2015"
 * (2016 motion) is "signed in 2015" in the 2019 and 2021 summaries. A list that links a passage
 * must give the date no more precisely than that passage, so the date is read back from the
 * passage's own words: the most precise form of the event's date that the quote prints.
 */
import { precisionOf } from './dates.ts';
import type { TimelineEvent } from './types.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface StatedDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the event's date cut to what the passage prints. */
  date: string;
  /** The last day of a span ("15 and 16 March 2013"), when the passage prints one. */
  endDate?: string;
  /**
   * False when the passage prints no form of the date (it is derived: "the day before", "in
   * September" with the year read elsewhere); the event's date is then given, and its note says how.
   */
  printed: boolean;
}

const has = (quote: string, words: string) => new RegExp(`(^|[^0-9A-Za-z])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^0-9A-Za-z])`).test(quote);

/** The date of `date`…`endDate` as `quote` prints it (see the module comment). */
export function statedDate(date: string, endDate: string | undefined, quote: string): StatedDate {
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (d && month) {
    if (endDate && precisionOf(endDate) === 'day' && endDate.slice(0, 7) === date.slice(0, 7)) {
      const d2 = Number(endDate.slice(8));
      for (const joint of [' and ', '–', '-', ' to ']) {
        if (has(quote, `${Number(d)}${joint}${d2} ${month} ${y}`)) return { date, endDate, printed: true };
      }
    }
    if (has(quote, `${Number(d)} ${month} ${y}`)) return { date, printed: true };
  }
  if (month && has(quote, `${month} ${y}`)) return { date: date.slice(0, 7), printed: true };
  if (has(quote, y!)) return { date: y!, printed: true };
  return { date, endDate, printed: false };
}

/** A passage stating an event: its own (`primary`) or one of its also-stated ones. */
export interface Place {
  slug: string;
  anchor: string;
  quote: string;
  primary: boolean;
}

/** Every passage stating an event, its own first. */
export function placesOf(e: TimelineEvent): Place[] {
  const own = e.anchor && e.quote ? [{ slug: e.slug, anchor: e.anchor, quote: e.quote, primary: true }] : [];
  return [...own, ...e.alsoStated.map((a) => ({ ...a, primary: false }))];
}

/**
 * The date of an event as one passage states it. An event whose date its own passage only
 * implies ("held the day before" the 26 November 2015 dialogue) carries a note saying how it was
 * derived: at that passage the event's date stands, marked as not printed.
 */
export function statedAt(e: TimelineEvent, place: Place): StatedDate {
  if (place.primary && e.note) return { date: e.date, endDate: e.endDate, printed: false };
  return statedDate(e.date, e.endDate, place.quote);
}

/** Where a procedure states an event (its first passage there), with the date as stated there. */
export function statedIn(e: TimelineEvent, slug: string): (Place & StatedDate) | undefined {
  const place = placesOf(e).find((pl) => pl.slug === slug);
  return place && { ...place, ...statedAt(e, place) };
}
