import { formatDate } from '../../../views/format.js';
import { countryName } from '../../applications/countries.js';
import { awardLabels } from '../forms.js';
import type { PublicAgreement } from '../use-cases/list-agreements.js';

export const coverageLabel = (kind: 'full' | 'partial') => (kind === 'full' ? 'Full' : 'Partial');

export function CoverageTag({ kind }: { kind: 'full' | 'partial' }) {
  return <span class={kind === 'full' ? 'tag ok' : 'tag warn'}>{coverageLabel(kind)} agreement</span>;
}

export const placeOf = (c: { region: string | null; country: string }) =>
  [c.region, countryName(c.country)].filter(Boolean).join(', ');

/** "Graduates from 15 May 2026" or "Graduates from 15 May 2026 to 15 May 2030". */
export const windowText = (a: { effectiveFrom: string; endsOn: string | null }) =>
  a.endsOn
    ? `Graduates from ${formatDate(a.effectiveFrom)} to ${formatDate(a.endsOn)}`
    : `Graduates from ${formatDate(a.effectiveFrom)}`;

/** One line naming an agreement for a graduate to recognise: college, program, award, window. */
export const agreementChoiceLabel = (a: PublicAgreement) =>
  `${a.college.name}: ${a.program.name} (${awardLabels[a.program.award]}). ${windowText(a)}.`;

export function SetList({ sets }: { sets: PublicAgreement['sets'] }) {
  return (
    <ul>
      {sets.map((s) => (
        <li key={s.id}>
          {s.title} ({s.required ? 'required' : 'elective'})
        </li>
      ))}
    </ul>
  );
}
