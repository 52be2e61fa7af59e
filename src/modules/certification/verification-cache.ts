import type { CalendarDate } from '../../lib/calendar-date.js';
import type { CertificationStatus } from './schema.js';

/** What a certificate shows, as stored: everything but its standing, which depends on the day. */
export interface CertificateRecord {
  candidateId: string;
  holderName: string;
  number: string;
  status: CertificationStatus;
  certifiedOn: CalendarDate;
  expiresOn: CalendarDate;
  /** Renewal grace of the policy the holder was admitted under. */
  graceMonths: number;
  sets: Array<{
    id: string;
    code: string | null;
    title: string;
    how: 'course' | 'portfolio' | 'agreement';
    achievedOn: CalendarDate;
  }>;
}

export const CERTIFICATE_CHANGED_CHANNEL = 'lssc_certificate_changed';

/**
 * Copies of certificates for public verification, which anyone (an employer, years later, or a
 * crawler) may ask for at any rate; two queries and a policy lookup per answer are what this saves.
 * A copy is dropped the moment the database says the holder's certificate, sets or name changed:
 * triggers on those tables NOTIFY on commit (migration 0010) with the holder's id, every process
 * listens, so no process serves a copy older than the change it was told about. If the listening
 * connection drops, everything is forgotten and nothing is kept until it listens again. Without a
 * listener (scripts) nothing is cached. Holds up to `maxEntries` copies, the oldest dropped first.
 */
/** The whole verification page as an anonymous visitor gets it on `today`. */
export interface PageCopy {
  today: CalendarDate;
  body: string;
  etag: string;
}

export class VerificationCache {
  private readonly byNumber = new Map<string, CertificateRecord>();
  /** Rendered pages for anonymous visitors, fewer (some 7 KB each), dropped with their record. */
  private readonly pages = new Map<string, PageCopy>();
  private readonly numberOf = new Map<string, string>();
  private listening = false;
  /** Counts invalidations, so a read that began before one is not stored after it. */
  private generation = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxPages = 0,
  ) {}

  get(number: string): CertificateRecord | undefined {
    return this.byNumber.get(number);
  }

  /** The stamp to pass to `store` for a read that starts now. */
  stamp(): number {
    return this.generation;
  }

  store(record: CertificateRecord, stamp: number): void {
    if (!this.listening || stamp !== this.generation || this.maxEntries <= 0) return;
    this.byNumber.delete(record.number);
    this.byNumber.set(record.number, record);
    this.numberOf.set(record.candidateId, record.number);
    while (this.byNumber.size > this.maxEntries) {
      const oldest = this.byNumber.keys().next().value as string;
      const dropped = this.byNumber.get(oldest);
      this.byNumber.delete(oldest);
      this.pages.delete(oldest);
      if (dropped && this.numberOf.get(dropped.candidateId) === oldest)
        this.numberOf.delete(dropped.candidateId);
    }
  }

  page(number: string, today: CalendarDate): PageCopy | undefined {
    const copy = this.pages.get(number);
    return copy?.today === today ? copy : undefined;
  }

  /** Keep a page rendered from a record read since `stamp`, while that record is still held. */
  storePage(number: string, copy: PageCopy, stamp: number): void {
    if (!this.listening || stamp !== this.generation || !this.byNumber.has(number)) return;
    this.pages.delete(number);
    this.pages.set(number, copy);
    if (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value as string);
  }

  /** The holder's certificate changed (a notification's payload). */
  changed(candidateId: string): void {
    this.generation++;
    const number = this.numberOf.get(candidateId);
    if (number === undefined) return;
    this.numberOf.delete(candidateId);
    this.byNumber.delete(number);
    this.pages.delete(number);
  }

  /** Notifications may have been missed, or are heard again: forget everything. */
  reset(listening: boolean): void {
    this.generation++;
    this.listening = listening;
    this.byNumber.clear();
    this.numberOf.clear();
    this.pages.clear();
  }

  get size(): number {
    return this.byNumber.size;
  }
}
