/**
 * Where applicants mail checks. A program setting that has no home in the policy schema yet;
 * when administrators get a settings page it moves there. The address is a placeholder.
 */
export const checkInstructions = {
  payableTo: 'Library Support Staff Certification Program',
  mailingAddress: [
    'LSSC Program Office',
    'Attn: Application fees',
    'PO Box 0000',
    'Chicago, IL 60601',
    'United States',
  ],
} as const;

export function checkInstructionsText(amount: string, applicationNumber: string): string {
  return [
    `Make your check for ${amount} payable to "${checkInstructions.payableTo}".`,
    `Write your application number, ${applicationNumber}, on the check.`,
    'Mail it to:',
    ...checkInstructions.mailingAddress.map((line) => `  ${line}`),
  ].join('\n');
}
