import { formatCalendarDate } from '../../lib/calendar-date.js';
import type { OutgoingMail } from '../../platform/mail/outbox.js';

type To = { email: string; displayName: string };
/** The approved courses a reminder is about: one, or the courses of a bundle. */
type Approved = { number: string; title: string; courses: Array<{ number: string; title: string }> };

const courseLines = (p: Approved) =>
  p.courses.length > 1 ? ['', ...p.courses.map((c) => `- ${c.number} ${c.title}`)] : [];

export const courseMails = {
  received(
    to: { email: string; displayName: string },
    p: {
      number: string;
      title: string;
      providerName: string;
      fee: string;
      /** "course approval fee", or "course approval renewal fee" for a renewal. */
      feeName: string;
      renewal: boolean;
      link: string;
    },
  ): OutgoingMail {
    return {
      to: to.email,
      template: 'course-application-received',
      subject: `We received course application ${p.number}`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `${p.providerName} submitted the course "${p.title}" for ${p.renewal ? 'renewal of its approval' : 'approval'}. Its number is ${p.number}.`,
        '',
        `The ${p.feeName} is ${p.fee}. Course evaluators will review the application once the fee is paid.`,
        '',
        `Follow the application and pay the fee here: ${p.link}`,
      ].join('\n'),
    };
  },
  approvalEnding(to: To, p: Approved & { endsOn: string; providerName: string; link: string }): OutgoingMail {
    return {
      to: to.email,
      template: 'course-approval-ending',
      subject: `Approval of ${p.number} ends on ${formatCalendarDate(p.endsOn)}`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `The approval of "${p.title}" (${p.number}), offered by ${p.providerName}, ends on ${formatCalendarDate(p.endsOn)}.`,
        ...courseLines(p),
        '',
        'To keep it in the catalog of approved courses, apply to renew its approval before then. A renewal goes through evaluation like the first application, with the renewal fee.',
        '',
        `Apply to renew here: ${p.link}`,
      ].join('\n'),
    };
  },
  approvalLapsed(
    to: To,
    p: Approved & { endedOn: string; providerName: string; link: string },
  ): OutgoingMail {
    return {
      to: to.email,
      template: 'course-approval-lapsed',
      subject: `Approval of ${p.number} has lapsed`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `The approval of "${p.title}" (${p.number}), offered by ${p.providerName}, ended on ${formatCalendarDate(p.endedOn)}. The course is no longer listed in the catalog of approved courses.`,
        ...courseLines(p),
        '',
        'Completions from while it was approved still count toward certification. Completions from now on count only once a renewal is approved.',
        '',
        `Apply to renew here: ${p.link}`,
      ].join('\n'),
    };
  },
};
