import pino, { type Logger } from 'pino';

/** JSON logs; credentials, cookies and tokens never reach them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.totpSecret',
        '*.secretAccessKey',
        '*.*.secretAccessKey',
      ],
      censor: '[redacted]',
    },
  });
}
