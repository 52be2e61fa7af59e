import type { ComponentChildren } from 'preact';
import type { App } from '../../platform/http/app-type.js';
import { sendPage } from '../../platform/http/render.js';
import { programOffice } from '../policy/program-office.js';
import { activeFacts } from './info-pages.js';
import { months, type ProgramFacts, years } from './program-facts.js';

interface Answer {
  q: string;
  a: ComponentChildren;
}

export function registerFaqPage(app: App) {
  app.get('/faq', { schema: { hide: true } }, async (req, reply) => {
    const facts = await activeFacts(req.server.services);
    return sendPage(
      req,
      reply,
      { title: 'Frequently asked questions' },
      <>
        <h1>Frequently asked questions</h1>
        {faq(facts).map(({ q, a }) => (
          <section>
            <h2>{q}</h2>
            <p>{a}</p>
          </section>
        ))}
      </>,
    );
  });
}

function faq(f: ProgramFacts): Answer[] {
  return [
    {
      q: 'Do I need a library degree?',
      a: 'No. The program is for library workers whose jobs do not need a master’s degree in library science.',
    },
    {
      q: 'Does volunteer work count?',
      a: `Yes. Paid and volunteer work in any type of library both count toward the ${f.minHours} hours, as long as it was in the last ${years(f.windowYears)}.`,
    },
    {
      q: 'I work part time. How long until I have enough hours?',
      a: (
        <>
          It depends on your hours. Our <a href="/eligibility/check">eligibility check</a> works it out for
          you and estimates the date.
        </>
      ),
    },
    {
      q: 'Do I have to be an ALA member?',
      a: `No. Members pay a lower application fee (${f.applicationFee.member} instead of ${f.applicationFee.nonMember}) and give their membership number when they apply.`,
    },
    {
      q: 'Is there a deadline to apply?',
      a: 'No. You can apply at any time of year.',
    },
    {
      q: 'Can I apply from outside the United States?',
      a: 'Yes. Fees are in US dollars.',
    },
    {
      q: 'Can my library pay for me?',
      a: 'Yes. A library or agency can send a purchase order listing each applicant’s name and email. We send an invoice, and your account is activated once it is paid.',
    },
    {
      q: 'What if I am found not eligible after I pay?',
      a: f.refundWhenIneligible
        ? 'We refund your application fee, and we tell you why so you know when to apply again.'
        : 'We tell you why. Under the current policy the application fee is not refunded, so please use the eligibility check first.',
    },
    {
      q: 'How long do I have to finish?',
      a: `${years(f.completionYears)} from the day you are admitted, for all ${f.setsNeeded} competency sets.`,
    },
    {
      q: 'Which electives should I choose?',
      a: `Any ${f.electivesRequired} of the ${f.electiveSetCount} electives. Most people pick the ones closest to their daily work, such as youth services or cataloging.`,
    },
    {
      q: 'Can I mix courses and portfolios?',
      a: (
        <>
          Yes. Each set can be achieved a different way. See{' '}
          <a href="/ways">the three ways to achieve a set</a>.
        </>
      ),
    },
    {
      q: 'What happens when my certification expires?',
      a: `You renew it every ${years(f.validityYears)} with ${f.renewalHours} hours of continuing education (at least ${f.renewalTechHours} about technology). You can renew in the ${months(f.renewalWindowMonths)} before it expires, with ${months(f.graceMonths)} of grace after.`,
    },
    {
      q: 'I have a slow internet connection. Will the site work?',
      a: 'Yes. The pages are small and work without JavaScript. If a form needs fixing, it keeps what you typed.',
    },
    {
      q: 'Who do I ask if I am stuck?',
      a: (
        <>
          Email <a href={`mailto:${programOffice.email}`}>{programOffice.email}</a> or call{' '}
          {programOffice.phone}, {programOffice.hours}.
        </>
      ),
    },
  ];
}
