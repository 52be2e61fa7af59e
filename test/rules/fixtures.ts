import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { ExperienceEntry } from '../../src/modules/applications/rules/eligibility.js';
import { type Framework, frameworkSchema } from '../../src/modules/policy/framework.js';

/** The framework as the repository ships it (a copy of the program's published data). */
export const seedFrameworkUrl = new URL('../../data/seed/lssc-2012-framework.json', import.meta.url);

export function readSeedFrameworkJson(): unknown {
  return JSON.parse(readFileSync(seedFrameworkUrl, 'utf8'));
}

export function loadSeedFramework(): Framework {
  return frameworkSchema.parse(readSeedFrameworkJson());
}

/**
 * Any calendar date the program supports, drawn through UTC Date so the generator does not share
 * code with the calendar arithmetic it is used to test.
 */
export const calendarDateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Dates around the years the program actually runs, where most edge cases (leap days) live. */
export const recentDateArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A library job as an applicant lists it: 1,820 hours worked in 2023 unless overridden. */
export function libraryJob(overrides: Partial<ExperienceEntry> = {}): ExperienceEntry {
  return {
    library: 'Springfield Public Library',
    libraryType: 'public',
    position: 'Library assistant',
    paid: true,
    startDate: '2023-01-01',
    endDate: '2023-12-31',
    hoursPerWeek: null,
    totalHours: 1820,
    ...overrides,
  };
}
