import { describe, expect, it } from 'vitest';
import { certificationStanding } from '../../src/modules/certification/rules/standing.js';

const active = { status: 'active' as const, expiresOn: '2030-09-30' };

describe('certification standing', () => {
  it('is valid through the end date itself', () => {
    expect(certificationStanding(active, '2026-09-30', 2)).toBe('valid');
    expect(certificationStanding(active, '2030-09-30', 2)).toBe('valid');
  });

  it('is in renewal grace from the day after the end date through the grace months', () => {
    expect(certificationStanding(active, '2030-10-01', 2)).toBe('in_renewal_grace');
    expect(certificationStanding(active, '2030-11-30', 2)).toBe('in_renewal_grace');
    expect(certificationStanding(active, '2030-12-01', 2)).toBe('expired');
  });

  it('clamps the grace end to the last day of a shorter month', () => {
    const endOfYear = { status: 'active' as const, expiresOn: '2030-12-31' };
    expect(certificationStanding(endOfYear, '2031-02-28', 2)).toBe('in_renewal_grace');
    expect(certificationStanding(endOfYear, '2031-03-01', 2)).toBe('expired');
  });

  it('has no grace when the policy gives none', () => {
    expect(certificationStanding(active, '2030-10-01', 0)).toBe('expired');
  });

  it('is provisional until the end date, then expired without grace', () => {
    const provisional = { status: 'provisional' as const, expiresOn: '2030-09-30' };
    expect(certificationStanding(provisional, '2030-09-30', 2)).toBe('provisional');
    expect(certificationStanding(provisional, '2030-10-01', 2)).toBe('expired');
  });

  it('says suspended or revoked whatever the dates', () => {
    for (const today of ['2026-01-01', '2030-09-30', '2030-10-01', '2040-01-01']) {
      expect(certificationStanding({ status: 'suspended', expiresOn: '2030-09-30' }, today, 2)).toBe(
        'suspended',
      );
      expect(certificationStanding({ status: 'revoked', expiresOn: '2030-09-30' }, today, 2)).toBe('revoked');
    }
  });
});
