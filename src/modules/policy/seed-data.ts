import fs from 'node:fs';
import { type Framework, frameworkSchema } from './framework.js';

const frameworkFile = new URL('../../../data/seed/lssc-2012-framework.json', import.meta.url);

/** The 2012 LSSC framework shipped with the system as seed data. */
export function loadSeedFramework(): Framework {
  return frameworkSchema.parse(JSON.parse(fs.readFileSync(frameworkFile, 'utf8')));
}
