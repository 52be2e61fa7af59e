import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate } from '../../../views/format.js';
import { ErrorSummary, FileField, Form, SelectField, TextArea, TextField } from '../../../views/forms.js';
import type { GraduationClaimStatus } from '../schema.js';
import type { GraduationView, MyGraduationView } from '../use-cases/view-graduation.js';
import { agreementChoiceLabel, SetList } from './labels.js';

export const claimStatusLabels: Record<GraduationClaimStatus, string> = {
  pending: 'Waiting for program staff to check the proof',
  verified: 'Verified by program staff',
  rejected: 'Proof not accepted',
};

function ClaimSummary({ v, proofHref }: { v: GraduationView; proofHref: string }) {
  if (!v.claim) return null;
  return (
    <dl class="summary">
      <div>
        <dt>Program</dt>
        <dd>{v.agreement ? agreementChoiceLabel(v.agreement) : 'Unknown agreement'}</dd>
      </div>
      <div>
        <dt>Graduated on</dt>
        <dd>{formatDate(v.claim.graduatedOn)}</dd>
      </div>
      <div>
        <dt>Proof</dt>
        <dd>
          <a href={proofHref}>{v.claim.proofFileName}</a>
        </dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>{claimStatusLabels[v.claim.status]}</dd>
      </div>
      {v.claim.rejectionReason && v.claim.status === 'rejected' && (
        <div>
          <dt>Why the proof was not accepted</dt>
          <dd>{v.claim.rejectionReason}</dd>
        </div>
      )}
    </dl>
  );
}

/** The candidate states their graduation from a recognised program and uploads the proof. */
export function MyGraduationPage(p: {
  v: MyGraduationView;
  csrfToken: string;
  maxBytes: number;
  values?: Record<string, string> | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { v } = p;
  const values = p.values ?? {
    agreementId: v.claim?.agreementId ?? '',
    graduatedOn: v.claim?.graduatedOn ?? '',
  };
  const e = p.errors ?? {};
  const mb = Math.floor(p.maxBytes / (1024 * 1024));
  return (
    <>
      <p>
        <a href="/application">Your application</a>
      </p>
      <h1>Graduates of a recognised college program</h1>
      <p>
        If you graduated from a college program with a <a href="/agreements">recognition agreement</a>, the
        competency sets it covers count for you once program staff have checked your proof of graduation. If
        you do not yet have the library work hours, you can still apply: you will be certified provisionally
        until you have them.
      </p>
      {v.claim && (
        <section aria-labelledby="current-title">
          <h2 id="current-title">What you told us</h2>
          <ClaimSummary v={v} proofHref="/application/graduation/proof" />
          {v.agreement && (
            <>
              <h3>Sets the agreement covers</h3>
              <SetList sets={v.agreement.sets} />
            </>
          )}
        </section>
      )}
      {v.canChange && v.choices.length === 0 && <p>No agreements have been signed yet.</p>}
      {v.canChange && v.choices.length > 0 && (
        <section aria-labelledby="form-title">
          <h2 id="form-title">
            {v.claim ? 'Change your graduation or send a new proof' : 'Your graduation'}
          </h2>
          <ErrorSummary errors={p.errors} />
          <Form action="/application/graduation" csrfToken={p.csrfToken} enctype="multipart/form-data">
            <SelectField
              name="agreementId"
              label="The program you graduated from"
              options={v.choices.map((c) => [c.id, agreementChoiceLabel(c)] as const)}
              placeholder="Choose the program"
              value={values.agreementId}
              error={e.agreementId}
            />
            <TextField
              name="graduatedOn"
              label="Date you graduated"
              hint="As on your diploma, for example 2026-05-15"
              type="date"
              value={values.graduatedOn}
              error={e.graduatedOn}
            />
            <FileField
              name="file"
              label="Proof of graduation"
              hint={`Your diploma or final transcript: a PDF, a photo or scan, or a Word document, up to ${mb} MB.`}
              accept=".pdf,.jpg,.jpeg,.png,.doc,.docx"
              error={e.file}
            />
            <button type="submit">Save your graduation</button>
          </Form>
        </section>
      )}
    </>
  );
}

/** In the staff review of an application: the graduation, its proof, and verify or reject. */
export function StaffGraduationSection(p: {
  applicationId: string;
  v: GraduationView;
  csrfToken: string;
  errors?: FieldErrors | undefined;
  values?: Record<string, string> | undefined;
}) {
  const base = `/staff/applications/${p.applicationId}/graduation`;
  return (
    <section aria-labelledby="graduation-title">
      <h2 id="graduation-title">Graduation through an agreement</h2>
      <ClaimSummary v={p.v} proofHref={`${base}/proof`} />
      {p.v.agreement && (
        <>
          <h3>Sets the agreement covers</h3>
          <SetList sets={p.v.agreement.sets} />
        </>
      )}
      {p.v.claim?.status === 'pending' && (
        <>
          <Form action={`${base}/verify`} csrfToken={p.csrfToken}>
            <button type="submit">Verify the graduation</button>
          </Form>
          <ErrorSummary errors={p.errors} />
          <Form action={`${base}/reject`} csrfToken={p.csrfToken}>
            <TextArea
              name="reason"
              label="Why the proof cannot be accepted"
              hint="The candidate reads this in an email and can send a new proof."
              value={p.values?.reason}
              error={p.errors?.reason}
            />
            <button type="submit" class="secondary">
              Reject the proof
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
