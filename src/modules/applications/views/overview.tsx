import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { formatMoney, type Money, money } from '../../../lib/money.js';
import { Form } from '../../../views/forms.js';
import { sectionPaths, sectionStateLabels, statusLabels } from '../labels.js';
import { type SectionState, sectionIds, sectionTitles } from '../rules/completeness.js';
import type { ApplicationOverview } from '../use-cases/get-my-application.js';

export function EmailNotice({ verified }: { verified: boolean }) {
  if (verified) return null;
  return (
    <div class="warning" id="f-email-verification">
      <p>
        You have not confirmed your email address yet. You can fill in your application now, but you need to
        confirm your email (with the link we sent you) before you can submit it.
      </p>
    </div>
  );
}

const tagClass: Record<SectionState, string> = {
  not_started: 'tag',
  in_progress: 'tag warn',
  completed: 'tag ok',
};

export function StartApplication(p: {
  csrfToken: string;
  member: Money;
  nonMember: Money;
  emailVerified: boolean;
}) {
  return (
    <>
      <h1>Apply for certification</h1>
      <EmailNotice verified={p.emailVerified} />
      <p>
        You need a high-school diploma or equivalent, and at least 1,820 hours of paid or volunteer work in a
        library in the last 5 years. The application has five short sections; your answers are saved as you
        go, so you can stop and come back at any time.
      </p>
      <p>
        The application fee is {formatMoney(p.nonMember)}, or {formatMoney(p.member)} for members of the
        American Library Association. You pay it after you submit, by card or by check.
      </p>
      <Form action="/application/start" csrfToken={p.csrfToken}>
        <button type="submit">Start your application</button>
      </Form>
    </>
  );
}

export function InfoRequest({ o }: { o: ApplicationOverview }) {
  if (!o.openInfoRequest) return null;
  return (
    <div class="warning">
      <h2>Program staff need more information</h2>
      <p>{o.openInfoRequest.body}</p>
      <p>
        You can change your answers below, then{' '}
        <a href="/application/respond">answer the question and send your application back</a>.
      </p>
    </div>
  );
}

export function Overview({ o, csrfToken }: { o: ApplicationOverview; csrfToken: string }) {
  const app = o.application;
  return (
    <>
      <h1>Your application</h1>
      <EmailNotice verified={o.emailVerified} />
      <p>
        <strong>Status:</strong> {statusLabels[app.status]}
        {app.number && (
          <>
            {' '}
            · <strong>Application number:</strong> {app.number}
          </>
        )}
      </p>
      <InfoRequest o={o} />
      {app.status === 'rejected' && <Rejected o={o} csrfToken={csrfToken} />}
      {o.fee && !o.fee.balance.settled && app.status !== 'rejected' && (
        <p>
          <a href="/application/pay">
            Pay the application fee ({formatMoney(money(o.fee.balance.dueCents, o.fee.amount.currency))} due)
          </a>
        </p>
      )}
      {o.editable ? (
        <TaskList o={o} />
      ) : (
        app.status !== 'rejected' && (
          <p>
            <a href="/application/check">View your answers</a>
          </p>
        )
      )}
    </>
  );
}

function TaskList({ o }: { o: ApplicationOverview }) {
  return (
    <>
      <h2>Sections</h2>
      <ol class="steps">
        {sectionIds.map((id) => (
          <li>
            <a href={sectionPaths[id]}>{sectionTitles[id]}</a>{' '}
            <span class={tagClass[o.sections[id]]}>{sectionStateLabels[o.sections[id]]}</span>
          </li>
        ))}
      </ol>
      <h2>Check and send</h2>
      {o.application.status === 'draft' ? (
        <p>
          <a href="/application/check">Check your answers and submit</a>
          {o.missing.length > 0 && ` (first complete: ${o.missing.map((m) => m.title).join(', ')})`}
        </p>
      ) : (
        <p>
          <a href="/application/respond">Answer the question and send your application back</a>
        </p>
      )}
    </>
  );
}

function Rejected({ o, csrfToken }: { o: ApplicationOverview; csrfToken: string }) {
  const fee = o.fee;
  const refunded = fee && fee.balance.refundedCents > 0;
  const owed =
    fee && fee.balance.netPaidCents > 0 && o.policy.policy.refunds.applicationFeeRefundableWhenIneligible;
  return (
    <>
      <h2>Why your application was not accepted</h2>
      <p>{o.application.rejectionReason ?? 'Program staff did not give a reason.'}</p>
      {refunded && (
        <p>
          We refunded {formatMoney(money(fee.balance.refundedCents, fee.amount.currency))} of your application
          fee.
        </p>
      )}
      {owed && (
        <p>
          Your application fee of {formatMoney(money(fee.balance.netPaidCents, fee.amount.currency))} will be
          refunded.
        </p>
      )}
      {o.application.decidedAt && (
        <p class="hint">
          Decided on {formatCalendarDate(o.application.decidedAt.toISOString().slice(0, 10))}.
        </p>
      )}
      <Form action="/application/start" csrfToken={csrfToken}>
        <button type="submit" class="secondary">
          Start a new application
        </button>
      </Form>
    </>
  );
}
