/**
 * Who an invoice's payments cover. Money received covers the applicants in the invoice's line order,
 * each line fully before the next, so a partial payment always names exactly who is covered.
 */
export interface CoverageLine {
  position: number;
  amountCents: number;
}

export interface InvoiceCoverage {
  paidCents: number;
  totalCents: number;
  /** Positions of the lines fully covered so far. */
  covered: Set<number>;
  /** Still owed on the invoice (never negative). */
  dueCents: number;
  /** Paid beyond the invoice total: shown as the institution's credit. */
  creditCents: number;
}

export function invoiceCoverage(lines: readonly CoverageLine[], paidCents: number): InvoiceCoverage {
  const ordered = [...lines].sort((a, b) => a.position - b.position);
  const covered = new Set<number>();
  let running = 0;
  for (const line of ordered) {
    running += line.amountCents;
    if (running > paidCents) break;
    covered.add(line.position);
  }
  const totalCents = ordered.reduce((sum, l) => sum + l.amountCents, 0);
  return {
    paidCents,
    totalCents,
    covered,
    dueCents: Math.max(0, totalCents - paidCents),
    creditCents: Math.max(0, paidCents - totalCents),
  };
}

// Far above any purchase order; keeps typos such as 35000000 from reaching the ledger as cents overflow.
const MAX_CENTS = 100_000_000;

/** "$1,050", "1050.00" → cents; a message otherwise. */
export function parseDollars(raw: string): { cents: number } | { error: string } {
  const text = raw.trim().replace(/^\$/, '').replace(/[,\s]/g, '');
  if (text === '') return { error: 'Enter the amount' };
  if (/^-/.test(text)) return { error: 'The amount must be more than $0.00' };
  if (!/^\d+(\.\d{1,2})?$/.test(text))
    return { error: 'Enter the amount in dollars and cents, like 1050.00' };
  const [whole = '0', fraction = ''] = text.split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (cents <= 0) return { error: 'The amount must be more than $0.00' };
  if (cents > MAX_CENTS)
    return { error: 'That amount is far more than any purchase order; check what you typed' };
  return { cents };
}

export interface ApplicantInput {
  name: string;
  email: string;
}

/**
 * The applicants box: one person a line, "Name, email" or "Name <email>". Lines that cannot be read
 * come back as they were written so the error can quote them.
 */
export function parseApplicantLines(
  text: string,
): Array<ApplicantInput | { unreadable: string; line: number }> {
  const out: Array<ApplicantInput | { unreadable: string; line: number }> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const angle = /^(.*?)\s*<([^>]*)>\s*$/.exec(line);
    if (angle) {
      out.push({ name: angle[1]!.replace(/,\s*$/, '').trim(), email: angle[2]!.trim() });
      return;
    }
    const comma = line.lastIndexOf(',');
    if (comma > 0) {
      out.push({ name: line.slice(0, comma).trim(), email: line.slice(comma + 1).trim() });
      return;
    }
    out.push({ unreadable: line, line: i + 1 });
  });
  return out;
}
