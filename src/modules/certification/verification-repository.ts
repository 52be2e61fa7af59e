import { eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../platform/db/client.js';
import { prepared } from '../../platform/db/prepared.js';
import { applications, setAchievements } from '../applications/schema.js';
import { certifications } from './schema.js';

const certificateWithSetsQuery = (db: Db) =>
  db
    .select({
      candidateId: certifications.candidateId,
      number: certifications.number,
      status: certifications.status,
      certifiedOn: certifications.certifiedOn,
      expiresOn: certifications.expiresOn,
      givenName: applications.givenName,
      familyName: applications.familyName,
      policyVersionId: applications.policyVersionId,
      frameworkVersionId: applications.frameworkVersionId,
      // [set id, how, achieved on] oldest first, through set_achievements_candidate_set_uq.
      sets: sql<Array<[string, 'course' | 'portfolio' | 'agreement', string]>>`coalesce((
        select json_agg(json_build_array(${setAchievements.setId}, ${setAchievements.how}, ${setAchievements.achievedOn})
                        order by ${setAchievements.achievedOn}, ${setAchievements.setId})
        from ${setAchievements} where ${setAchievements.candidateId} = ${certifications.candidateId}), '[]'::json)`,
    })
    .from(certifications)
    .innerJoin(applications, eq(applications.id, certifications.applicationId))
    .where(eq(certifications.number, sql.placeholder('number')))
    .limit(1)
    .prepare('certificate_with_sets');

/**
 * What public verification shows, in one round trip (a prepared statement): the certificate by
 * its number (certifications_number_uq), the names on the application, and the sets achieved.
 */
export async function findCertificateWithSets(db: Queryable, number: string) {
  const [row] = await prepared(db, 'certificate_with_sets', certificateWithSetsQuery).execute({ number });
  return row;
}
