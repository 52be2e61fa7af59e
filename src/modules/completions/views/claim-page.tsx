import type { FieldErrors } from '../../../platform/errors.js';
import { formatBytes } from '../../../platform/files/format-bytes.js';
import { formatDate, formatDateTime } from '../../../views/format.js';
import { ChoiceField, ErrorSummary, Form, TextArea } from '../../../views/forms.js';
import type { ClaimView } from '../use-cases/view-completion-claim.js';
import { CountsText, Row, StatusTag, waitedFor } from './claim-labels.js';

/** One claim for a provider member or staff, with the decision form while it is pending. */
export function ClaimPage(p: {
  v: ClaimView;
  /** /provider/claims or /staff/completion-claims */
  base: string;
  today: string;
  csrfToken: string;
  values?: Record<string, string> | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { claim, canDecide } = p.v;
  const c = claim.completion;
  const staff = p.v.as === 'staff';
  return (
    <>
      <p>
        <a href={p.base}>All waiting claims</a>
      </p>
      <h1>
        Completion claim: {claim.candidate.displayName}, {claim.course.number}
      </h1>
      <ErrorSummary errors={p.errors} />
      <dl class="summary">
        <Row label="Candidate">
          {claim.candidate.displayName}
          {claim.candidate.applicationNumber && ` (${claim.candidate.applicationNumber})`}
        </Row>
        <Row label="Course">
          {claim.course.number} {claim.course.title}
        </Row>
        <Row label="Provider">{claim.providerName}</Row>
        <Row label="Completed on">{formatDate(c.completedOn)}</Row>
        <Row label="Reported">
          {formatDateTime(c.createdAt)}
          {c.status === 'pending' && <> · waiting: {waitedFor(c.createdAt, p.today)}</>}
        </Row>
        <Row label="Note from the candidate">{c.claimNote ?? 'None'}</Row>
        <Row label="Proof">
          {c.proofFileName ? (
            <>
              <a href={`/completion-claims/${c.id}/proof`}>{c.proofFileName}</a>
              {c.proofSize !== null && ` (${formatBytes(c.proofSize)})`}
            </>
          ) : (
            'None'
          )}
        </Row>
        <Row label="Status">
          <StatusTag status={c.status} />
        </Row>
        {c.decidedAt && <Row label="Decided">{formatDateTime(c.decidedAt)}</Row>}
        {c.status === 'confirmed' && (
          <Row label="Counts?">
            <CountsText c={c} />
          </Row>
        )}
        {c.decisionNote && (
          <Row label={c.status === 'rejected' ? 'Reason for rejecting' : 'Decision note'}>
            {c.decisionNote}
          </Row>
        )}
      </dl>
      {canDecide ? (
        <>
          <h2>{staff ? 'Verify or reject' : 'Your decision'}</h2>
          <p>
            {staff
              ? 'Verify the claim when the proof shows the candidate completed this course on this date; it then counts as if the provider confirmed it.'
              : 'Confirm the claim when your records show the candidate completed this course on this date.'}{' '}
            Whether the completion counts toward certification is worked out from the course’s approval dates.
          </p>
          <Form action={`${p.base}/${c.id}/decision`} csrfToken={p.csrfToken}>
            <ChoiceField
              name="decision"
              legend="Did the candidate complete this course?"
              options={[
                [
                  'confirm',
                  staff ? 'Verify: the proof shows they completed it' : 'Confirm: they completed it',
                ],
                ['reject', 'Reject: this cannot be confirmed'],
              ]}
              value={p.values?.decision}
              error={p.errors?.decision}
            />
            <TextArea
              name="reason"
              label="Reason or note"
              hint="Needed when you reject: the candidate sees it."
              rows={3}
              value={p.values?.reason}
              error={p.errors?.reason}
            />
            <button type="submit">Record the decision</button>
          </Form>
        </>
      ) : (
        c.status === 'pending' && <p>This is your own claim, so someone else decides it.</p>
      )}
    </>
  );
}
