import { Pagination } from '../../../views/forms.js';
import { awardLabels } from '../forms.js';
import type { AgreementPage } from '../use-cases/list-agreements.js';
import { CoverageTag, placeOf, SetList, windowText } from './labels.js';

/** The public list of recognition agreements: which college programs count, and for which sets. */
export function PublicAgreementsPage({ r }: { r: AgreementPage }) {
  return (
    <>
      <h1>Recognition agreements</h1>
      <p class="lead">
        Graduates of these college programs achieve competency sets through their degree or certificate. With
        a full agreement, graduates only apply to be certified. With a partial agreement, they complete the
        sets not covered by an approved course or a portfolio.
      </p>
      {r.items.length === 0 ? (
        <p>No agreements have been signed yet.</p>
      ) : (
        r.items.map((a) => (
          <section key={a.id} aria-labelledby={`agreement-${a.id}`}>
            <h2 id={`agreement-${a.id}`}>
              {a.college.name}: {a.program.name}
            </h2>
            <p>
              <CoverageTag kind={a.coverage} />
            </p>
            <dl class="summary">
              <div>
                <dt>Award</dt>
                <dd>{awardLabels[a.program.award]}</dd>
              </div>
              <div>
                <dt>Where</dt>
                <dd>{placeOf(a.college)}</dd>
              </div>
              <div>
                <dt>Who counts</dt>
                <dd>{windowText(a)}</dd>
              </div>
              <div>
                <dt>Reference</dt>
                <dd>{a.reference}</dd>
              </div>
            </dl>
            <h3>Competency sets covered</h3>
            <SetList sets={a.sets} />
          </section>
        ))
      )}
      <Pagination
        page={r.page}
        pageSize={r.pageSize}
        total={r.total}
        href={(page) => (page > 1 ? `/agreements?page=${page}` : '/agreements')}
      />
    </>
  );
}
