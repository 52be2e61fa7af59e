import { formatCalendarDate } from '../../../../lib/calendar-date.js';
import type { StandingChange } from '../use-cases/list-status-requests.js';

/**
 * What a suspended or revoked holder sees on their certification page instead of the
 * congratulations: what happened, why, what it means, and how to appeal or get in touch.
 */
export function SuspendedOrRevokedNotice(p: {
  status: 'suspended' | 'revoked';
  number: string;
  change: StandingChange | null;
}) {
  const suspended = p.status === 'suspended';
  const c = p.change;
  return (
    <>
      <h1>Your certification is {suspended ? 'suspended' : 'revoked'}</h1>
      <div class="warning">
        <p>
          {suspended
            ? `The program has suspended your certification ${p.number}`
            : `The program has revoked (withdrawn) your certification ${p.number}`}
          {c ? ` from ${formatCalendarDate(c.effectiveOn)}.` : '.'}
        </p>
        {c && <p>Reason: {c.reason}</p>}
        <p>
          {suspended
            ? 'While it is suspended, it is not in good standing: anyone who checks it is told it is suspended, and you should not describe yourself as certified. You cannot download the certificate until the suspension is lifted.'
            : 'It is no longer valid: anyone who checks it is told it was revoked, and you may not describe yourself as certified. A revocation is final unless an appeal succeeds.'}
        </p>
      </div>
      <h2>What you can do</h2>
      {c && (
        <p>
          If you disagree with the decision, you can appeal it to the appeals committee. Tell the program
          office that you intend to appeal within {c.appeal.intentDays} calendar days (by{' '}
          <strong>{formatCalendarDate(c.appeal.intentBy)}</strong>), and send the reasons for your appeal
          within {c.appeal.groundsDays} days (by <strong>{formatCalendarDate(c.appeal.groundsBy)}</strong>).
          If you miss either date, you can no longer appeal.
        </p>
      )}
      <p>
        <a href="/contact">Contact the program office</a> with any question about this decision.{' '}
        <a href="/certification">How certification and appeals work</a>.
      </p>
      <p>
        <a href="/dashboard">Back to your dashboard</a>
      </p>
    </>
  );
}
