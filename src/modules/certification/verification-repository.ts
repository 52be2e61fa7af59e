import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { applications, setAchievements } from '../applications/schema.js';
import { certifications } from './schema.js';

/**
 * One certificate by its number, with the names it was issued to: one row through
 * certifications_number_uq and the application's primary key. Only what a certificate shows.
 */
export async function findCertificateByNumber(db: Queryable, number: string) {
  const [row] = await db
    .select({
      id: certifications.id,
      candidateId: certifications.candidateId,
      number: certifications.number,
      status: certifications.status,
      certifiedOn: certifications.certifiedOn,
      expiresOn: certifications.expiresOn,
      givenName: applications.givenName,
      familyName: applications.familyName,
      policyVersionId: applications.policyVersionId,
      frameworkVersionId: applications.frameworkVersionId,
    })
    .from(certifications)
    .innerJoin(applications, eq(applications.id, certifications.applicationId))
    .where(eq(certifications.number, number))
    .limit(1);
  return row;
}

/** The sets a holder achieved, oldest first (set_achievements_candidate_set_uq leads with the candidate). */
export async function listSetsAchieved(db: Queryable, candidateId: string) {
  return db
    .select({
      setId: setAchievements.setId,
      how: setAchievements.how,
      achievedOn: setAchievements.achievedOn,
    })
    .from(setAchievements)
    .where(eq(setAchievements.candidateId, candidateId))
    .orderBy(asc(setAchievements.achievedOn), asc(setAchievements.setId));
}
