import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { tmpRoot } from './backends.js';

/**
 * The shape of a page for axe: its markup with every text and every address or value reduced to
 * "there is one", and numbers and ids in names made alike. Two pages of one shape (the eight
 * competency pages of a portfolio, a list before and after one more row) have the same elements,
 * labels, landmarks, headings, classes (so colours) and id references, which is what WCAG rules
 * judge; once axe has passed one, it need not run again for the same shape in the same test run.
 */
export function pageShape(html: string): string {
  return html
    .replace(/>([^<]*)</g, (_m, text: string) => (text.trim() ? '>T<' : '><'))
    .replace(
      /\s(value|href|action|src|content|datetime|title|placeholder)="[^"]*"/g,
      (_m, name: string) => ` ${name}="V"`,
    )
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'U')
    .replace(/\d+/g, '0');
}

/*
 * Shapes that passed are remembered for the whole run (every worker, every file) as empty files in
 * the run's scratch folder: the sign-in page, the dashboard or an error page that ten journeys pass
 * through is checked once. Two workers checking the same new shape at once both run axe; harmless.
 */
const shapesDir = path.join(tmpRoot, 'axe-shapes');

function shapeFile(kind: string, shape: string): string {
  return path.join(shapesDir, `${kind}-${createHash('sha256').update(shape).digest('hex').slice(0, 32)}`);
}

export function shapePassed(kind: string, shape: string): boolean {
  return fs.existsSync(shapeFile(kind, shape));
}

export function rememberShapePassed(kind: string, shape: string): void {
  fs.mkdirSync(shapesDir, { recursive: true });
  fs.writeFileSync(shapeFile(kind, shape), '');
}
