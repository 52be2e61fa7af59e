import { type CalendarDate, formatCalendarDate } from '../../../lib/calendar-date.js';
import { formatMoney, money } from '../../../lib/money.js';
import { formatNumber } from '../../../views/format.js';
import type { CompetencySet } from '../../policy/framework.js';
import { stateName } from '../us-states.js';

export function placeOf(o: { online: boolean; city: string | null; state: string | null }): string {
  if (o.online) return 'Online';
  return [o.city, stateName(o.state)].filter(Boolean).join(', ');
}

/** "3 March 2027" or "3 March 2027 to 26 April 2027". */
export function dateRange(startsOn: CalendarDate, endsOn: CalendarDate): string {
  return startsOn === endsOn
    ? formatCalendarDate(startsOn)
    : `${formatCalendarDate(startsOn)} to ${formatCalendarDate(endsOn)}`;
}

export function costLabel(cents: number): string {
  return cents === 0 ? 'Free' : formatMoney(money(cents));
}

export function hoursLabel(hours: number): string {
  return `${formatNumber(hours, 2)} contact ${hours === 1 ? 'hour' : 'hours'}`;
}

export function setLabel(sets: readonly CompetencySet[], setId: string): string {
  const set = sets.find((s) => s.id === setId);
  return set ? `${set.code} ${set.title}` : setId;
}

/** A safe outbound link: only http(s) addresses become links. */
export function isWebLink(url: string | null | undefined): url is string {
  return !!url && /^https?:\/\/[^\s]+$/i.test(url);
}
