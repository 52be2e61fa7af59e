import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatCalendarDate } from '../../lib/calendar-date.js';
import type { FieldErrors } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { sendPage } from '../../platform/http/render.js';
import { formatNumber } from '../../views/format.js';
import { ChoiceField, ErrorSummary, Form, TextField } from '../../views/forms.js';
import type { ProgramPolicy } from '../policy/policy.js';
import { officeAddressLines, programOffice } from '../policy/program-office.js';
import { getActiveProgramData } from '../policy/use-cases/get-program-data.js';
import { type ProgramFacts, programFacts, years } from './program-facts.js';
import { checkEligibility, type SelfCheckResult, selfCheckForm } from './use-cases/check-eligibility.js';

export function registerEligibilityPages(app: App) {
  app.get('/eligibility', { schema: { hide: true } }, async (req, reply) => {
    const { policy, framework } = await getActiveProgramData(req.server.services);
    const facts = programFacts(policy.policy, framework.framework);
    return sendPage(req, reply, { title: 'Eligibility and costs' }, <EligibilityPage facts={facts} />);
  });

  app.get('/eligibility/check', { schema: { hide: true } }, async (req, reply) =>
    renderCheck(req, reply, {}),
  );

  app.post('/eligibility/check', { schema: { hide: true } }, async (req, reply) => {
    const values = formValues(req.body);
    const parsed = parseForm(selfCheckForm, req.body);
    if (!parsed.ok) return renderCheck(req, reply, { values, errors: parsed.errors, status: 400 });
    const result = await checkEligibility(req.server.services, parsed.data);
    return renderCheck(req, reply, { values, result });
  });
}

async function renderCheck(
  req: FastifyRequest,
  reply: FastifyReply,
  p: { values?: Record<string, string>; errors?: FieldErrors; result?: SelfCheckResult; status?: number },
) {
  const { policy } = await getActiveProgramData(req.server.services);
  const title = p.errors ? 'Error: Check if you are eligible' : 'Check if you are eligible';
  return sendPage(
    req,
    reply,
    { title, status: p.status ?? 200 },
    <>
      <h1>Check if you are eligible</h1>
      <p class="lead">
        Answer two questions (a third is optional). You do not need an account, and nothing you enter is
        saved.
      </p>
      {p.result && <CheckResult result={p.result} hoursPerWeek={p.values?.hoursPerWeekNow} />}
      {p.result && <h2>Check again</h2>}
      <ErrorSummary errors={p.errors} />
      <Form action="/eligibility/check" csrfToken={req.csrfToken()}>
        <SelfCheckFields policy={policy.policy} values={p.values ?? {}} errors={p.errors ?? {}} />
        <button type="submit">Check my eligibility</button>
      </Form>
    </>,
  );
}

function SelfCheckFields(p: { policy: ProgramPolicy; values: Record<string, string>; errors: FieldErrors }) {
  const e = p.policy.eligibility;
  const partTimeYear = 20 * 52;
  return (
    <>
      <ChoiceField
        name="hasHighSchool"
        legend="Do you have a high-school diploma or equivalent?"
        hint="An equivalent is, for example, a GED or a diploma from another country."
        options={[
          ['yes', 'Yes'],
          ['no', 'No'],
        ]}
        inline
        value={p.values.hasHighSchool}
        error={p.errors.hasHighSchool}
      />
      <TextField
        name="libraryHours"
        label={`About how many hours have you worked (paid or volunteer) in libraries in the last ${years(e.windowYears)}?`}
        hint={`Count any type of library. For example, 20 hours a week is about ${formatNumber(partTimeYear)} hours a year; full-time work is about ${formatNumber(e.hoursPerYearFullTime)} hours a year.`}
        inputMode="decimal"
        width="short"
        value={p.values.libraryHours}
        error={p.errors.libraryHours}
      />
      <TextField
        name="hoursPerWeekNow"
        label="How many hours a week do you work in a library now? (optional)"
        hint="If you do not have enough hours yet, we use this to estimate when you will."
        inputMode="decimal"
        width="short"
        value={p.values.hoursPerWeekNow}
        error={p.errors.hoursPerWeekNow}
      />
    </>
  );
}

function CheckResult({
  result,
  hoursPerWeek,
}: {
  result: SelfCheckResult;
  hoursPerWeek: string | undefined;
}) {
  if (result.eligible) {
    return (
      <section class="notice" aria-labelledby="result-title">
        <h2 id="result-title">You can apply</h2>
        <p>
          From your answers, you meet the requirements: a high-school diploma or equivalent, and at least{' '}
          {formatNumber(result.requiredHours)} hours of library work in the last {years(result.windowYears)}.
        </p>
        <h3>What to do next</h3>
        <ol class="steps">
          <li>
            <a href="/sign-up">Create an account</a>.
          </li>
          <li>
            Gather the details of your library work: each library's name and type, your position, the dates
            you started and left, and your hours per week.
          </li>
          <li>If you are an ALA member, have your membership number ready: members pay less.</li>
          <li>Apply, then pay by card, by check, or through your library's purchase order.</li>
        </ol>
        <p>Program staff check your work history. If you turn out not to be eligible, we tell you why.</p>
      </section>
    );
  }
  const codes = new Set(result.reasons.map((r) => r.code));
  return (
    <section class="warning" aria-labelledby="result-title">
      <h2 id="result-title">You cannot apply yet</h2>
      <ul>
        {result.reasons.map((r) => (
          <li>{r.message}</li>
        ))}
      </ul>
      <h3>What you can do</h3>
      {codes.has('NO_HIGH_SCHOOL') && (
        <p>Earn a high-school diploma or an equivalent, such as a GED. Then check again.</p>
      )}
      {codes.has('NOT_ENOUGH_HOURS') && <HoursAdvice result={result} hoursPerWeek={hoursPerWeek} />}
      <p>
        Questions? <a href="/contact">Contact the program office</a>.
      </p>
    </section>
  );
}

function HoursAdvice({
  result,
  hoursPerWeek,
}: {
  result: SelfCheckResult;
  hoursPerWeek: string | undefined;
}) {
  const short = formatNumber(result.hoursShort, 2);
  return (
    <>
      <p>
        You need about {short} more {result.hoursShort === 1 ? 'hour' : 'hours'}. Volunteer hours in any type
        of library count too. Only work since {formatCalendarDate(result.windowFrom)} counts if you apply
        today.
      </p>
      {result.estimatedReachOn ? (
        <p>
          If you keep working {hoursPerWeek} hours a week, you should have enough hours around{' '}
          <strong>{formatCalendarDate(result.estimatedReachOn)}</strong>. Work older than{' '}
          {years(result.windowYears)} stops counting as time passes, so check again before you apply.
        </p>
      ) : hoursPerWeek ? (
        <p>
          At {hoursPerWeek} hours a week it would take more than {years(result.windowYears)} to reach the
          minimum. More hours a week, including volunteer hours, would get you there sooner.
        </p>
      ) : (
        <p>
          For example, at 20 hours a week that takes about {formatNumber(Math.ceil(result.hoursShort / 20))}{' '}
          weeks. Tell us how many hours a week you work now, and we will estimate the date.
        </p>
      )}
    </>
  );
}

function EligibilityPage({ facts }: { facts: ProgramFacts }) {
  return (
    <>
      <h1>Eligibility and costs</h1>
      <h2>Who can apply</h2>
      <p>You can apply if you have:</p>
      <ul>
        {facts.requiresHighSchool && <li>a high-school diploma or an equivalent, such as a GED, and</li>}
        <li>
          at least {facts.minHours} hours ({facts.minHoursInYears} of full-time work) of paid or volunteer
          work in any type of library, in the last {years(facts.windowYears)}.
        </li>
      </ul>
      <p>
        You do not need to be an ALA member: members pay less. People outside the United States may apply. You
        can apply at any time of year; there are no deadlines.
      </p>
      <p>
        <a class="button" href="/eligibility/check">
          Check if you are eligible
        </a>
      </p>
      <h2>Costs</h2>
      <table>
        <caption>Program fees in US dollars</caption>
        <thead>
          <tr>
            <th scope="col">Fee</th>
            <th scope="col">ALA member</th>
            <th scope="col">Non-member</th>
          </tr>
        </thead>
        <tbody>
          {facts.fees.map((f) => (
            <tr>
              <th scope="row">{f.label}</th>
              <td>{f.member}</td>
              <td>{f.nonMember}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Approved courses have their own fees, set by the course provider. None of that money goes to the
        program.
      </p>
      <h2>Ways to pay</h2>
      <ul>
        <li>
          <strong>Card</strong>, online, when you submit your application.
        </li>
        <li>
          <strong>Check</strong>, made out to "{programOffice.checkPayee}", mailed to{' '}
          {officeAddressLines.join(', ')}. Write your application number on the check. We start reviewing once
          it arrives.
        </li>
        <li>
          <strong>Purchase order</strong> from your library or agency. The order lists each applicant's name
          and email and the amount. We send the institution an invoice, and your account is activated once it
          is paid.
        </li>
      </ul>
      <h2>If you are not eligible</h2>
      <p>
        {facts.refundWhenIneligible
          ? 'If program staff find that you are not eligible, we refund your application fee in full.'
          : 'The application fee is not refunded if you are found not eligible, so check before you apply.'}
      </p>
    </>
  );
}
