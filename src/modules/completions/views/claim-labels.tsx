import type { ComponentChildren } from 'preact';
import { type CalendarDate, daysBetween, todayFromInstant } from '../../../lib/calendar-date.js';
import { formatNumber } from '../../../views/format.js';
import type { CompletionRow } from '../claim-repository.js';
import type { CompletionSource, CompletionStatus } from '../schema.js';

export const statusLabels: Record<CompletionStatus, string> = {
  pending: 'Waiting for confirmation',
  confirmed: 'Confirmed',
  rejected: 'Rejected',
};

export const sourceLabels: Record<CompletionSource, string> = {
  roster: 'Reported by the provider',
  api: 'Reported by the provider',
  claim: 'Reported by you',
};

const tagClass: Record<CompletionStatus, string> = {
  pending: 'tag warn',
  confirmed: 'tag ok',
  rejected: 'tag bad',
};

export function StatusTag({ status }: { status: CompletionStatus }) {
  return <span class={tagClass[status]}>{statusLabels[status]}</span>;
}

/** Whether a completion counts, in words: decided only once it is confirmed. */
export function CountsText({ c }: { c: Pick<CompletionRow, 'status' | 'counts' | 'notCountedReason'> }) {
  if (c.status === 'rejected') return <>Does not count</>;
  if (c.status === 'pending' || c.counts === null) return <>Decided when it is confirmed</>;
  if (c.counts) return <>Counts toward certification</>;
  return <>Does not count: {c.notCountedReason ?? 'the credit rule does not allow it.'}</>;
}

/** "Today", "1 day", "12 days": how long a claim has waited for a decision. */
export function waitedFor(createdAt: Date, today: CalendarDate): string {
  const days = Math.max(0, daysBetween(todayFromInstant(createdAt, 'UTC'), today));
  if (days === 0) return 'Since today';
  return `${formatNumber(days)} ${days === 1 ? 'day' : 'days'}`;
}

/** The summary rows of a dl.summary. */
export function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
