import { formatCalendarDate } from '../lib/calendar-date.js';

export { formatCalendarDate as formatDate };

const dateTime = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export function formatDateTime(d: Date): string {
  return `${dateTime.format(d)} UTC`;
}

// Building an Intl formatter costs far more than using one: keep one per precision.
const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(n: number, maxFractionDigits = 0): string {
  let format = numberFormats.get(maxFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxFractionDigits });
    numberFormats.set(maxFractionDigits, format);
  }
  return format.format(n);
}
