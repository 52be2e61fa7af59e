/**
 * The program office's contact details, shown on the contact, eligibility and FAQ pages and in mail.
 * These are clearly fictional example data (an "example" domain, a 555-01xx phone number): a
 * program that runs this system replaces them with its own.
 */
export const programOffice = {
  name: 'LSSC Program Office',
  street: '100 Example Avenue',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  country: 'United States',
  email: 'program@lssc.example',
  phone: '(217) 555-0142',
  hours: 'Monday to Friday, 9 a.m. to 4 p.m. Central Time',
  checkPayee: 'LSSC Program',
} as const;

export const officeAddressLines: readonly string[] = [
  programOffice.name,
  programOffice.street,
  `${programOffice.city}, ${programOffice.region} ${programOffice.postalCode}`,
  programOffice.country,
];
