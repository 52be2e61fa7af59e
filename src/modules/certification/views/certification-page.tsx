import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { DigitalCredentials } from '../credentials/views.js';
import { SuspendedOrRevokedNotice } from '../status-requests/views/standing-notice.js';
import type { MyCertification } from '../use-cases/get-my-certification.js';

const howLabels = {
  course: 'an approved course',
  portfolio: 'a portfolio',
  agreement: 'a recognition agreement',
} as const;

type Sets = MyCertification['sets'];

function SetList({ sets }: { sets: Sets }) {
  return (
    <ul>
      {sets.map((s) => (
        <li>
          {s.code}: {s.title}
          {s.required ? ' (required)' : ''}
          {' — '}
          {s.achieved
            ? `achieved on ${formatCalendarDate(s.achieved.on)} by ${howLabels[s.achieved.how]}`
            : 'not achieved yet'}
        </li>
      ))}
    </ul>
  );
}

/** The candidate's certification: celebrated when earned, otherwise where they stand. */
export function CertificationPage({ c, baseUrl }: { c: MyCertification; baseUrl: string }) {
  const cert = c.certification;
  if (cert && (cert.status === 'suspended' || cert.status === 'revoked'))
    return <SuspendedOrRevokedNotice status={cert.status} number={cert.number} change={c.standingChange} />;
  if (c.state === 'certified' && cert) {
    const verifyPath = `/verify/${cert.number}`;
    return (
      <>
        <h1>Congratulations, you are certified</h1>
        <p class="lead">You have earned the {c.designation}.</p>
        {cert.status === 'provisional' && (
          <p>
            Your certification is provisional until you have the library work hours the program asks for.{' '}
            <a href="/my-certification/hours">Report your library work</a>.
          </p>
        )}
        <dl>
          <dt>Certification number</dt>
          <dd>{cert.number}</dd>
          <dt>Certified on</dt>
          <dd>{formatCalendarDate(cert.certifiedOn)}</dd>
          <dt>Valid until</dt>
          <dd>{formatCalendarDate(cert.expiresOn)}</dd>
        </dl>
        <p>
          <a href="/certification/certificate.pdf" download>
            Download your certificate (PDF, to print or keep)
          </a>
        </p>
        <h2>Share your certification</h2>
        <p>
          Anyone, such as an employer, can check your certification at this address:{' '}
          <a href={verifyPath}>{`${baseUrl}${verifyPath}`}</a>
        </p>
        <p>
          <a href="/certification/registry">Choose whether to be listed in the public registry</a>
        </p>
        <h2>Your competency sets</h2>
        <SetList sets={c.sets.filter((s) => s.achieved)} />
        <DigitalCredentials credentials={c.credentials} />
      </>
    );
  }
  return (
    <>
      <h1>My certification</h1>
      {c.state === 'not_admitted' && (
        <p>You can work toward certification once you are admitted to the program.</p>
      )}
      {c.state === 'expired' && c.deadline && (
        <div class="warning">
          <h2>Your deadline has passed</h2>
          <p>
            Your deadline to complete the program was {formatCalendarDate(c.deadline.deadline)}, and the
            requirements were not all met by then, so you cannot be certified now.
          </p>
          <p>
            If something kept you from finishing, program staff can extend your deadline.{' '}
            <a href="/contact">Contact the program office</a> to ask for an extension.
          </p>
        </div>
      )}
      {c.state === 'in_progress' && c.deadline && (
        <p>
          Complete the program by <strong>{formatCalendarDate(c.deadline.deadline)}</strong>.
        </p>
      )}
      <h2>Your progress</h2>
      <p>{c.progress.summary}.</p>
      <p>
        You need all {c.progress.requiredTotal} required sets and {c.progress.electivesNeeded} electives.
      </p>
      <SetList sets={c.sets} />
      <p>
        <a href="/dashboard">Back to your dashboard</a>
      </p>
    </>
  );
}
