/**
 * What makes a password acceptable. Length does most of the work (NIST SP 800-63B); the short list
 * below catches the passwords that attackers try first and that still pass the length rule.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

const commonPasswords = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  '111111111111',
  '000000000000',
  'aaaaaaaaaaaa',
  'abcdefghijkl',
  'abc123abc123',
  'qwertyuiopas',
  'qwertyuiop123',
  'qwertyuiop1234',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'zaq12wsxcde3',
  'asdfghjkl123',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'password123!',
  'p@ssw0rd1234',
  'p@ssword1234',
  'letmein12345',
  'welcome12345',
  'welcome123456',
  'iloveyou1234',
  'changeme1234',
  'administrator',
  'administrator1',
  'trustno1trustno1',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'superman1234',
  'starwars1234',
  'monkey123456',
  'dragon123456',
  'master123456',
  'qwerty123456',
  'qwertyqwerty',
  'librarian123',
  'librarian1234',
  'library12345',
  'library123456',
  'mylibrary123',
  'certification',
  'certification1',
  'lssc12345678',
]);

/** The message to show, or null when the password is fine. */
export function passwordProblem(password: string, email: string | undefined): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters`;
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower) || /^(.)\1+$/.test(password)) {
    return 'That password is too common. Choose one that would be hard to guess, such as a few unrelated words';
  }
  const localPart = email?.split('@')[0]?.trim().toLowerCase() ?? '';
  if (localPart.length >= 3 && lower.includes(localPart)) {
    return 'Your password must not contain your email address';
  }
  return null;
}
