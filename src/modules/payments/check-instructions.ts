import { officeAddressLines, programOffice } from '../policy/program-office.js';

/** Where applicants mail checks: the program office, so the site, the pages and the mail always agree. */
export const checkInstructions = {
  payableTo: programOffice.checkPayee,
  mailingAddress: officeAddressLines,
} as const;

export function checkInstructionsText(amount: string, applicationNumber: string): string {
  return [
    `Make your check for ${amount} payable to "${checkInstructions.payableTo}".`,
    `Write your application number, ${applicationNumber}, on the check.`,
    'Mail it to:',
    ...checkInstructions.mailingAddress.map((line) => `  ${line}`),
  ].join('\n');
}
