import type { App } from '../../platform/http/app-type.js';
import { sendPage } from '../../platform/http/render.js';
import { officeAddressLines, programOffice } from '../policy/program-office.js';
import { getActiveProgramData } from '../policy/use-cases/get-program-data.js';
import { type ProgramFacts, programFacts, years } from './program-facts.js';

/** Home, About and Contact: short pages for people on slow connections, every figure from the policy. */
export function registerInfoPages(app: App) {
  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const facts = await activeFacts(req.server.services);
    return sendPage(req, reply, { title: 'Home' }, <HomePage facts={facts} />);
  });
  app.get('/about', { schema: { hide: true } }, async (req, reply) => {
    const facts = await activeFacts(req.server.services);
    return sendPage(req, reply, { title: 'About the program' }, <AboutPage facts={facts} />);
  });
  app.get('/contact', { schema: { hide: true } }, async (req, reply) =>
    sendPage(req, reply, { title: 'Contact the program office' }, <ContactPage />),
  );
}

export async function activeFacts(
  services: Parameters<typeof getActiveProgramData>[0],
): Promise<ProgramFacts> {
  const { policy, framework } = await getActiveProgramData(services);
  return programFacts(policy.policy, framework.framework);
}

function HomePage({ facts }: { facts: ProgramFacts }) {
  return (
    <>
      <h1>Library Support Staff Certification</h1>
      <p class="lead">
        A certification for people who work in libraries in jobs that do not need a library degree. Show what
        you know, learn what you need, and earn the title Certified Library Support Staff (CLSS).
      </p>
      <h2>Who it is for</h2>
      <p>
        Library assistants, clerks, technicians, branch staff and volunteers in any type of library: public,
        school, academic or special. Many of our candidates work in small and rural libraries. Certification
        is voluntary.
      </p>
      <h2>The path in 4 steps</h2>
      <ol class="steps">
        <li>
          <strong>Check that you are eligible.</strong> You need a high-school diploma or equivalent and{' '}
          {facts.minHours} hours of library work in the last {years(facts.windowYears)}.
        </li>
        <li>
          <strong>Apply and pay the application fee</strong> ({facts.applicationFee.member} for ALA members,{' '}
          {facts.applicationFee.nonMember} for others). Staff check your application.
        </li>
        <li>
          <strong>Achieve {facts.setsNeeded} competency sets</strong> within {years(facts.completionYears)}:
          all {facts.requiredSetCount} required sets and {facts.electivesRequired} of the{' '}
          {facts.electiveSetCount} electives, by an approved course, a portfolio, or a college program we
          recognise.
        </li>
        <li>
          <strong>Get certified.</strong> Your certification lasts {years(facts.validityYears)}; renew it with{' '}
          {facts.renewalHours} hours of continuing education.
        </li>
      </ol>
      <div class="actions">
        <a class="button" href="/eligibility/check">
          Check if you are eligible
        </a>
        <a class="button secondary" href="/sign-up">
          Create an account
        </a>
        <a href="/about">About the program</a>
      </div>
    </>
  );
}

function AboutPage({ facts }: { facts: ProgramFacts }) {
  return (
    <>
      <h1>About the program</h1>
      <p class="lead">
        Library Support Staff Certification (LSSC) recognises the skills of people who keep libraries running.
      </p>
      <p>
        Support staff do most of the day-to-day work in many libraries: at the desk, in the stacks, with
        children, with computers. Certification gives that work a national standard. Holders are called
        Certified Library Support Staff (CLSS).
      </p>
      <h2>How it works</h2>
      <p>
        The program is built on {facts.totalSets} competency sets: what a library worker should know and be
        able to do. You achieve {facts.setsNeeded} of them: the {facts.requiredSetCount} required sets and any{' '}
        {facts.electivesRequired} electives that fit your job.
      </p>
      <p>
        For each set you choose how to show it: take an approved course, build a portfolio from your own work,
        or graduate from a college program we recognise. You can mix the ways freely.
      </p>
      <ul>
        <li>
          <a href="/competencies">The competency sets</a>
        </li>
        <li>
          <a href="/ways">The three ways to achieve a set</a>
        </li>
        <li>
          <a href="/certification">Certification and renewal</a>
        </li>
        <li>
          <a href="/eligibility">Eligibility and costs</a>
        </li>
      </ul>
      <h2>Why take part</h2>
      <p>
        Candidates tell us they value the recognition, the structured learning and the confidence it brings.
        Some employers take certification into account for pay or promotion; ask yours.
      </p>
      <h2>Open to everyone who qualifies</h2>
      <p>
        You do not need to be an ALA member, and people outside the United States may apply. Enrollment is
        open all year. You will need basic computer skills: you apply, build portfolios and track progress
        online.
      </p>
      <p>
        <a href="/faq">Frequently asked questions</a>
      </p>
    </>
  );
}

function ContactPage() {
  return (
    <>
      <h1>Contact the program office</h1>
      <p>We are happy to help with questions about eligibility, applications, payments and portfolios.</p>
      <h2>Email and phone</h2>
      <ul>
        <li>
          Email: <a href={`mailto:${programOffice.email}`}>{programOffice.email}</a>
        </li>
        <li>Phone: {programOffice.phone}</li>
        <li>Office hours: {programOffice.hours}</li>
      </ul>
      <h2>Mailing address for checks</h2>
      <p>Make checks out to "{programOffice.checkPayee}" and write your application number on the check.</p>
      <address>
        {officeAddressLines.map((line) => (
          <>
            {line}
            <br />
          </>
        ))}
      </address>
    </>
  );
}
