import type { ComponentChildren } from 'preact';
import { formatDate, formatDateTime } from '../../views/format.js';
import { ErrorSummary } from '../../views/forms.js';
import { countryName } from '../applications/countries.js';
import type { ApplicationDetails } from '../applications/forms.js';
import { type ActionFormState, ActionsSection } from './application-actions.js';
import {
  EligibilitySection,
  HistorySection,
  MessagesSection,
  PaymentSection,
} from './application-sections.js';
import { statusLabels, statusTagClass } from './status.js';
import type { StaffApplicationView } from './use-cases/view-application.js';

export function ApplicationPage({
  view,
  state,
  children,
}: {
  view: StaffApplicationView;
  state: ActionFormState;
  /** Sections other modules add (a graduation through an agreement). */
  children?: ComponentChildren;
}) {
  const a = view.application;
  const name = [a.givenName, a.familyName].filter(Boolean).join(' ') || a.candidateName;
  return (
    <>
      <p>
        <a href="/staff/applications">All applications</a>
      </p>
      <h1>
        Application {a.number ?? '(not submitted)'}: {name}
      </h1>
      <p>
        <span class={statusTagClass(a.status)}>{statusLabels[a.status]}</span>
      </p>
      {a.status === 'admitted' && (
        <p>
          <a href={`/staff/applications/${a.id}/certification`}>Certification and deadline</a>
        </p>
      )}
      {state.formError && (
        <div class="error-summary" role="alert" aria-labelledby="form-error-title" tabIndex={-1}>
          <h2 id="form-error-title">That cannot be done now</h2>
          <p>{state.formError}</p>
        </div>
      )}
      <ErrorSummary errors={state.errors} />
      <ActionsSection view={view} state={state} />
      <SummarySection view={view} />
      <PersonalSection details={(a.details ?? {}) as ApplicationDetails} />
      <EligibilitySection view={view} />
      {children}
      <PaymentSection view={view} />
      <MessagesSection view={view} />
      <HistorySection view={view} />
    </>
  );
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function SummarySection({ view }: { view: StaffApplicationView }) {
  const a = view.application;
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">Summary</h2>
      <dl class="summary">
        <Row label="Account">
          {a.candidateName} · <a href={`mailto:${a.candidateEmail}`}>{a.candidateEmail}</a>
        </Row>
        <Row label="Submitted">{a.submittedAt ? formatDateTime(a.submittedAt) : 'Not yet'}</Row>
        <Row label="Pays by">
          {a.paymentMethod === 'check'
            ? 'Check'
            : a.paymentMethod === 'card'
              ? 'Card'
              : a.paymentMethod === 'institution'
                ? 'Institution (purchase order)'
                : '—'}
        </Row>
        <Row label="ALA membership number">{a.alaMemberNumber ?? 'Not a member'}</Row>
        {a.admittedOn && <Row label="Admitted on">{formatDate(a.admittedOn)}</Row>}
        {a.deadlineOn && <Row label="Deadline">{formatDate(a.deadlineOn)}</Row>}
        {a.policyVersionId && <Row label="Policy">{view.policyVersion}</Row>}
        {a.decidedAt && <Row label="Decided">{formatDateTime(a.decidedAt)}</Row>}
        {a.rejectionReason && <Row label="Reason for rejection">{a.rejectionReason}</Row>}
      </dl>
    </section>
  );
}

function PersonalSection({ details }: { details: ApplicationDetails }) {
  const p = details.personal;
  if (!p) return null;
  const address = [p.addressLine1, p.addressLine2, [p.city, p.region, p.postalCode].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return (
    <section aria-labelledby="personal-title">
      <h2 id="personal-title">Personal details</h2>
      <dl class="summary">
        <Row label="Name">
          {p.givenName} {p.familyName}
        </Row>
        <Row label="Phone">{p.phone}</Row>
        <Row label="Address">
          {address}, {countryName(p.country, p.countryOther)}
        </Row>
        <Row label="Employer">
          {p.employerName ? `${p.employerName}${p.jobTitle ? `, ${p.jobTitle}` : ''}` : 'Not given'}
        </Row>
      </dl>
    </section>
  );
}
