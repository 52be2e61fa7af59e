import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { ErrorSummary, TextField } from '../../../views/forms.js';
import { CredentialUploadForm } from '../credentials/views.js';
import { type Standing, standingExplanation, standingLabel } from '../rules/standing.js';
import { NUMBER_FORMAT_HELP, type VerifiedCertificate } from '../use-cases/verify-certificate.js';

const howLabel = {
  course: 'Approved course',
  portfolio: 'Portfolio',
  agreement: 'Recognition agreement',
} as const;

const tagClass: Record<Standing, string> = {
  valid: 'tag ok',
  provisional: 'tag ok',
  in_renewal_grace: 'tag warn',
  expired: 'tag bad',
  suspended: 'tag bad',
  revoked: 'tag bad',
};

/** The standing as a tag: the words carry the meaning, the colour only repeats it. */
export function StandingTag({ standing }: { standing: Standing }) {
  return <strong class={tagClass[standing]}>{standingLabel[standing]}</strong>;
}

/** A GET form: it works without a session or JavaScript, and the result has a shareable address. */
export function VerifyForm(p: { value?: string; error?: string | undefined }) {
  return (
    <form method="get" action="/verify" novalidate>
      <TextField
        name="number"
        label="Certificate number"
        hint="For example CLSS-2026-000123. It is printed on the certificate."
        value={p.value ?? ''}
        error={p.error}
        autocomplete="off"
      />
      <button type="submit">Check certificate</button>
    </form>
  );
}

export function VerifyStartPage(p: { value?: string; error?: string | undefined; csrfToken?: string }) {
  return (
    <>
      {p.error && <ErrorSummary errors={{ number: p.error }} />}
      <h1>Check a certificate</h1>
      <p>
        Anyone can check that a person holds the Certified Library Support Staff (CLSS) designation. Enter the
        number from their certificate.
      </p>
      <VerifyForm value={p.value} error={p.error} />
      <p>
        You can also search the <a href="/registry">registry of certified staff</a> by name.
      </p>
      {p.csrfToken && (
        <>
          <h2>Check a digital credential</h2>
          <p>Holders can download signed digital credentials. Upload one to check it.</p>
          <CredentialUploadForm csrfToken={p.csrfToken} />
        </>
      )}
    </>
  );
}

export function CertificatePage({ c }: { c: VerifiedCertificate }) {
  return (
    <>
      <h1>Certificate {c.number}</h1>
      <p>
        <StandingTag standing={c.standing} /> {standingExplanation[c.standing]}
      </p>
      <dl class="summary">
        <dt>Holder</dt>
        <dd>{c.holderName}</dd>
        <dt>Certificate number</dt>
        <dd>{c.number}</dd>
        <dt>Designation</dt>
        <dd>{c.designation}</dd>
        <dt>Certified on</dt>
        <dd>{formatCalendarDate(c.certifiedOn)}</dd>
        <dt>Valid until</dt>
        <dd>{formatCalendarDate(c.validUntil)}</dd>
        <dt>Standing</dt>
        <dd>{standingLabel[c.standing]}</dd>
      </dl>
      <h2>Competency sets achieved</h2>
      {c.sets.length === 0 ? (
        <p>No competency sets are recorded for this certificate.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Competency set</th>
              <th scope="col">How</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {c.sets.map((s) => (
              <tr>
                <td>{s.title}</td>
                <td>{howLabel[s.how]}</td>
                <td>{formatCalendarDate(s.achievedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Check another certificate</h2>
      <VerifyForm />
    </>
  );
}

export function CertificateNotFoundPage({ number }: { number: string }) {
  return (
    <>
      <h1>Certificate not found</h1>
      <p>We have no certificate with the number {number}.</p>
      <p>{NUMBER_FORMAT_HELP} Check each digit against the certificate, then try again.</p>
      <VerifyForm value={number} />
    </>
  );
}

export function CertificateNumberInvalidPage({ value, csrfToken }: { value: string; csrfToken?: string }) {
  const error = `That is not a certificate number. ${NUMBER_FORMAT_HELP}`;
  return <VerifyStartPage value={value} error={error} csrfToken={csrfToken} />;
}
