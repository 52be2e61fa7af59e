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

export function formatNumber(n: number, maxFractionDigits = 0): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: maxFractionDigits }).format(n);
}
