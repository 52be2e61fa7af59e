import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { ErrorSummary, FileField, Form } from '../../../views/forms.js';
import { standingExplanation, standingLabel } from '../rules/standing.js';
import { StandingTag } from '../views/verification-pages.js';
import type { CredentialSummary } from './holder-credentials.js';
import type { CredentialCheck } from './verify-credential-file.js';
import { MAX_CREDENTIAL_BYTES } from './verify-credential-file.js';

/** The holder's downloads, on their certification page. */
export function DigitalCredentials({ credentials }: { credentials: readonly CredentialSummary[] }) {
  if (credentials.length === 0) return null;
  return (
    <>
      <h2>Digital credentials</h2>
      <p>
        These files are digital badges (Open Badges 3.0) signed by the program: add them to a digital wallet
        or a professional profile, or send them to an employer, who can check them without contacting us.
      </p>
      <ul>
        {credentials.map((c) => (
          <li>
            <a href={`/certification/credentials/${c.id}`} download={c.fileName}>
              {c.name}
            </a>{' '}
            (JSON file, valid until {formatCalendarDate(c.validUntil)})
          </li>
        ))}
      </ul>
    </>
  );
}

/** The upload form of the public check page: multipart, with its CSRF field. */
export function CredentialUploadForm(p: { csrfToken: string; error?: string | undefined }) {
  return (
    <Form action="/verify/credential" csrfToken={p.csrfToken} enctype="multipart/form-data">
      <FileField
        name="file"
        label="Credential file"
        hint={`The .json file the holder downloaded from this site (at most ${MAX_CREDENTIAL_BYTES / 1024} KB).`}
        error={p.error}
        accept=".json,application/json,application/ld+json"
      />
      <button type="submit">Check credential file</button>
    </Form>
  );
}

export function CredentialUploadPage(p: { csrfToken: string; error?: string | undefined }) {
  return (
    <>
      {p.error && <ErrorSummary errors={{ file: p.error }} />}
      <h1>Check a digital credential</h1>
      <p>
        Holders of the Certified Library Support Staff (CLSS) designation can download signed digital
        credentials. Upload one to check its signature and the holder’s standing today.
      </p>
      <CredentialUploadForm csrfToken={p.csrfToken} error={p.error} />
      <p>
        <a href="/verify">Check a certificate by its number instead</a>
      </p>
    </>
  );
}

export function CredentialResultPage({ r, csrfToken }: { r: CredentialCheck; csrfToken: string }) {
  const c = r.certificate;
  const valid = r.signatureValid && r.issuedByThisProgram;
  return (
    <>
      <h1>{valid ? 'Credential checked' : 'Credential not valid'}</h1>
      <p>
        <strong class={valid ? 'tag ok' : 'tag bad'}>{valid ? 'Valid signature' : 'Not valid'}</strong>{' '}
        {r.summary}
      </p>
      {r.name && (
        <p>
          Credential: <strong>{r.name}</strong>
        </p>
      )}
      {c && r.standing && (
        <>
          <h2>Standing today</h2>
          <p>
            <StandingTag standing={r.standing} /> {standingExplanation[r.standing]}
          </p>
          <dl class="summary">
            <dt>Holder</dt>
            <dd>{c.holderName}</dd>
            <dt>Certificate number</dt>
            <dd>
              <a href={`/verify/${c.number}`}>{c.number}</a>
            </dd>
            <dt>Certified on</dt>
            <dd>{formatCalendarDate(c.certifiedOn)}</dd>
            <dt>Valid until</dt>
            <dd>{formatCalendarDate(c.validUntil)}</dd>
            <dt>Standing</dt>
            <dd>{standingLabel[r.standing]}</dd>
          </dl>
          <h2>Competency sets achieved</h2>
          <ul>
            {c.sets.map((s) => (
              <li>{s.title}</li>
            ))}
          </ul>
        </>
      )}
      <h2>Check another credential</h2>
      <CredentialUploadForm csrfToken={csrfToken} />
    </>
  );
}
