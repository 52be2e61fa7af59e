import { type CalendarDate, formatCalendarDate } from '../../lib/calendar-date.js';
import type { Ctx } from '../../platform/context.js';

type Person = { email: string; displayName: string };

/** Certified provisionally: what is missing (hours) and by when, and where to report them. */
export function provisionalMail(
  ctx: Pick<Ctx, 'config'>,
  person: Person,
  c: { number: string; certifiedOn: CalendarDate },
) {
  return {
    to: person.email,
    template: 'certification-provisional',
    subject: `You are provisionally certified (${c.number})`,
    text: [
      `Hello ${person.displayName},`,
      '',
      'Congratulations! You have completed the competency sets of Library Support Staff Certification through your college program.',
      '',
      `Your certification ${c.number} is provisional, from ${formatCalendarDate(c.certifiedOn)}, because you do not yet have the library work experience the program asks for.`,
      'When you have the hours, report your library work and program staff will confirm it. Your certification then becomes full, with the same number.',
      '',
      `Report your library work: ${ctx.config.baseUrl}/my-certification/hours`,
    ].join('\n'),
  };
}

export function certificationActivatedMail(ctx: Pick<Ctx, 'config'>, person: Person, c: { number: string }) {
  return {
    to: person.email,
    template: 'certification-activated',
    subject: `Your certification ${c.number} is now full`,
    text: [
      `Hello ${person.displayName},`,
      '',
      `Program staff confirmed your library work, so you now have the hours the program asks for. Your certification ${c.number} is no longer provisional: it is a full certification.`,
      '',
      `See it and share it: ${ctx.config.baseUrl}/my-certification`,
    ].join('\n'),
  };
}

export function proofRejectedMail(
  ctx: Pick<Ctx, 'config'>,
  person: Person,
  p: { applicationNumber: string | null; reason: string },
) {
  return {
    to: person.email,
    template: 'graduation-proof-rejected',
    subject: `We could not accept your proof of graduation${p.applicationNumber ? ` (${p.applicationNumber})` : ''}`,
    text: [
      `Hello ${person.displayName},`,
      '',
      'Program staff looked at the proof of graduation you sent with your application and could not accept it:',
      '',
      p.reason,
      '',
      `You can send a new proof, such as your diploma or a final transcript, here: ${ctx.config.baseUrl}/application/graduation`,
    ].join('\n'),
  };
}

export function proofVerifiedMail(
  ctx: Pick<Ctx, 'config'>,
  person: Person,
  p: { applicationNumber: string | null; program: string },
) {
  return {
    to: person.email,
    template: 'graduation-proof-verified',
    subject: `Your graduation is verified${p.applicationNumber ? ` (${p.applicationNumber})` : ''}`,
    text: [
      `Hello ${person.displayName},`,
      '',
      `Program staff verified your graduation from ${p.program}. The competency sets the agreement covers count for you once you are admitted.`,
      '',
      `Follow your application: ${ctx.config.baseUrl}/application`,
    ].join('\n'),
  };
}
