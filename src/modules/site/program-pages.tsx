import type { App } from '../../platform/http/app-type.js';
import { sendPage } from '../../platform/http/render.js';
import type { ProgramPolicy } from '../policy/policy.js';
import { getActiveProgramData } from '../policy/use-cases/get-program-data.js';
import { months, type ProgramFacts, programFacts, years } from './program-facts.js';

/** The three ways to achieve a set, and certification and renewal in brief. */
export function registerProgramPages(app: App) {
  app.get('/ways', { schema: { hide: true } }, async (req, reply) => {
    const { policy, framework } = await getActiveProgramData(req.server.services);
    const facts = programFacts(policy.policy, framework.framework);
    return sendPage(
      req,
      reply,
      { title: 'Three ways to achieve a competency set' },
      <WaysPage facts={facts} policy={policy.policy} />,
    );
  });
  app.get('/certification', { schema: { hide: true } }, async (req, reply) => {
    const { policy, framework } = await getActiveProgramData(req.server.services);
    const facts = programFacts(policy.policy, framework.framework);
    return sendPage(
      req,
      reply,
      { title: 'Certification and renewal' },
      <CertificationPage facts={facts} policy={policy.policy} />,
    );
  });
}

function WaysPage({ facts, policy }: { facts: ProgramFacts; policy: ProgramPolicy }) {
  const p = policy.portfolios;
  return (
    <>
      <h1>Three ways to achieve a competency set</h1>
      <p class="lead">
        Each competency set is achieved in one of three ways. You can use a different way for each set, and a
        set once achieved never has to be done again.
      </p>
      <h2>1. Take an approved course</h2>
      <p>
        An approved course covers every competency of one set (sometimes a bundle of courses covers a set
        together). Courses are taught face to face, online or both, by state libraries, library associations,
        community colleges and other providers. The provider confirms that you completed it.
      </p>
      <p>
        A course you finished up to {years(policy.courses.retroactiveYears)} before it was approved still
        counts. Course fees are set by the provider.
      </p>
      <h2>2. Build a portfolio</h2>
      <p>
        Show, from your own work, that you meet each competency of the set: for each one, add evidence and say
        whether it is direct (primary) or supporting (secondary). Add a short Personal Learning Statement
        about why the set matters in your job.
      </p>
      <p>
        Staff will look at your portfolio before you submit it if you ask. When you submit, the portfolio fee
        is {facts.portfolioFee.member} for ALA members and {facts.portfolioFee.nonMember} for others, per set.{' '}
        {p.evaluatorsPerPortfolio} evaluators rate every competency. To pass, at least {p.passMetMinPercent}%
        of the competencies must be met, at most {p.partialMaxPercent}% partially met, and none not met. If
        they ask for more information, you can resubmit{' '}
        {p.resubmissionsAllowed === 1 ? 'once' : `${p.resubmissionsAllowed} times`}.
      </p>
      <h2>3. Graduate from a recognised college program</h2>
      <p>
        Some community colleges have an agreement with the program: their library degree or certificate covers
        the required and elective sets. Graduates apply and pay the application fee, and need no courses or
        portfolios. Some agreements cover only part of the sets; you then complete the rest by course or
        portfolio. See the <a href="/agreements">list of recognition agreements</a>.
      </p>
      <p>
        Work experience, and courses that were never approved, do not earn a set by themselves, but what you
        learned from them can go into a portfolio.
      </p>
      <p>
        <a href="/competencies">See the competency sets</a>
      </p>
    </>
  );
}

function CertificationPage({ facts, policy }: { facts: ProgramFacts; policy: ProgramPolicy }) {
  const c = policy.renewal.conversions;
  return (
    <>
      <h1>Certification and renewal</h1>
      <h2>What you need to be certified</h2>
      <ul>
        <li>
          All {facts.requiredSetCount} required competency sets, and any {facts.electivesRequired} of the{' '}
          {facts.electiveSetCount} electives: {facts.setsNeeded} sets in all.
        </li>
        <li>Within {years(facts.completionYears)} of the day you are admitted.</li>
      </ul>
      <p>
        When you complete the last set you are certified and may use the title Certified Library Support Staff
        (CLSS). Your certificate can be checked online by an employer.
      </p>
      <h2>How long it lasts</h2>
      <p>Certification is valid for {years(facts.validityYears)} from the day you complete the program.</p>
      <h2>Renewal</h2>
      <ul>
        <li>
          Renew every {years(facts.validityYears)}, any time in the {months(facts.renewalWindowMonths)} before
          your certification expires. If you miss the date, you have {months(facts.graceMonths)} of grace.
        </li>
        <li>
          You need {facts.renewalHours} contact hours of continuing education related to the competency sets,
          of which at least {facts.renewalTechHours} about technology, with documentation.
        </li>
        <li>
          One contact hour is {policy.renewal.minActivityMinutes} minutes. Shorter activities do not count.
          One semester credit counts as {c.semesterCreditHours} hours, one quarter credit as{' '}
          {c.quarterCreditHours} hours, and one conference day as {c.conferenceDayHours} hours.
        </li>
        <li>
          The renewal fee is {facts.renewalFee.member} for ALA members and {facts.renewalFee.nonMember} for
          others.
        </li>
      </ul>
      <h2>If you disagree with a decision</h2>
      <p>
        You can appeal a decision by staff or a review committee. Tell us you intend to appeal within{' '}
        {policy.appeals.intentDays} calendar days of the decision, and send your reasons within{' '}
        {policy.appeals.groundsDays} days.
      </p>
    </>
  );
}
