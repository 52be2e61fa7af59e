import { findApplicationById } from '../../src/modules/applications/repository.js';
import { formatReference } from '../../src/modules/applications/rules/references.js';
import { setAchievements } from '../../src/modules/applications/schema.js';
import { type CertificationStatus, certifications } from '../../src/modules/certification/schema.js';
import { findFrameworkById } from '../../src/modules/policy/repository.js';
import { nextInSequence } from '../../src/platform/db/counters.js';
import { uuidv7 } from '../../src/platform/ids.js';
import { makeApplication, sessionOf, staffMember } from './staff-factories.js';
import type { TestApp } from './test-app.js';

export interface Certified {
  certificationId: string;
  number: string;
  candidate: Awaited<ReturnType<typeof makeApplication>>['candidate'];
  session: Awaited<ReturnType<typeof sessionOf>>;
  /** The titles of the sets recorded as achieved, in framework order. */
  setTitles: string[];
}

/**
 * An admitted candidate (real use cases) whose sets and certification are written straight to the
 * database: every required set and enough electives, then a certification row, as the automatic
 * certification would leave them.
 */
export async function certifiedCandidate(
  t: TestApp,
  o: { givenName?: string; familyName?: string; status?: CertificationStatus } = {},
): Promise<Certified> {
  const staff = await staffMember(t);
  const made = await makeApplication(t, staff.ctx, {
    status: 'admitted',
    givenName: o.givenName,
    familyName: o.familyName,
  });
  const application = (await findApplicationById(t.services.db, made.id))!;
  const framework = (await findFrameworkById(t.services.db, application.frameworkVersionId!))!;
  const all = framework.framework.framework.sets;
  const chosen = [...all.filter((s) => s.required), ...all.filter((s) => !s.required).slice(0, 2)];
  const now = t.clock.now();
  const db = t.services.db;
  await db.insert(setAchievements).values(
    chosen.map((s, i) => ({
      id: uuidv7(now.getTime()),
      candidateId: made.candidate.id,
      setId: s.id,
      how: (['course', 'portfolio', 'agreement'] as const)[i % 3]!,
      achievedOn: `2026-0${1 + (i % 9)}-15`,
      sourceRef: null,
      createdAt: now,
    })),
  );
  const number = formatReference('CLSS', 2026, await nextInSequence(db, 'CLSS-2026'));
  const certificationId = uuidv7(now.getTime());
  await db.insert(certifications).values({
    id: certificationId,
    candidateId: made.candidate.id,
    applicationId: made.id,
    number,
    status: o.status ?? 'active',
    certifiedOn: '2026-11-20',
    expiresOn: '2030-11-20',
    basis: 'automatic',
    createdAt: now,
    updatedAt: now,
  });
  const setTitles = all.filter((s) => chosen.includes(s)).map((s) => s.title);
  return {
    certificationId,
    number,
    candidate: made.candidate,
    session: await sessionOf(t, made.candidate),
    setTitles,
  };
}
