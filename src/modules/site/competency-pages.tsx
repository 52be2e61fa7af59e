import { z } from 'zod';
import { notFound } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import { sendPage } from '../../platform/http/render.js';
import { type CompetencySet, electiveSets, findSet, requiredSets } from '../policy/framework.js';
import { getActiveProgramData } from '../policy/use-cases/get-program-data.js';

const setParams = z.object({ setId: z.string().min(1).max(100) });

/** The competency sets of the ACTIVE framework: a new framework version changes these pages. */
export function registerCompetencyPages(app: App) {
  app.get('/competencies', { schema: { hide: true } }, async (req, reply) => {
    const { policy, framework } = await getActiveProgramData(req.server.services);
    const fw = framework.framework;
    const required = requiredSets(fw);
    const electives = electiveSets(fw);
    const needed = policy.policy.certification.electivesRequired;
    return sendPage(
      req,
      reply,
      { title: 'Competency sets' },
      <>
        <h1>Competency sets</h1>
        <p class="lead">
          The program has {fw.framework.sets.length} competency sets ({fw.framework.title},{' '}
          {fw.framework.version}). You achieve all {required.length} required sets and any {needed} of the{' '}
          {electives.length} electives.
        </p>
        <h2>Required sets</h2>
        <SetList sets={required} />
        <h2>Electives: choose {needed}</h2>
        <SetList sets={electives} />
        <p>
          <a href="/ways">How to achieve a set</a>
        </p>
      </>,
    );
  });

  app.get('/competencies/:setId', { schema: { hide: true, params: setParams } }, async (req, reply) => {
    const { framework } = await getActiveProgramData(req.server.services);
    const set = findSet(framework.framework, req.params.setId);
    if (!set) throw notFound('That competency set');
    const anyInferred = set.competencies.some((c) => c.inferred);
    return sendPage(
      req,
      reply,
      { title: set.title },
      <>
        <p>
          <a href="/competencies">All competency sets</a>
        </p>
        <h1>{set.title}</h1>
        <p>
          <span class={set.required ? 'tag ok' : 'tag'}>{set.required ? 'Required' : 'Elective'}</span> Code{' '}
          {set.code}
        </p>
        <p class="lead">{set.summary}</p>
        <h2>The {set.competencies.length} competencies</h2>
        <p>
          To achieve this set you show all of them, by a course, a portfolio or a recognised college program.
        </p>
        <ol class="competencies">
          {set.competencies.map((c) => (
            <li id={c.id}>
              <span class="meta">{c.id}</span> {c.topic}
              {c.inferred && <span class="hint"> (wording reconstructed)</span>}
            </li>
          ))}
        </ol>
        {anyInferred && (
          <p class="hint">
            "Wording reconstructed" marks a competency whose original text was incomplete; its topic was
            rebuilt from the rest of the set.
          </p>
        )}
        <p>
          <a href="/ways">How to achieve a set</a>
        </p>
      </>,
    );
  });
}

function SetList({ sets }: { sets: CompetencySet[] }) {
  return (
    <ul class="cards">
      {sets.map((s) => (
        <li class="card">
          <h3>
            <a href={`/competencies/${encodeURIComponent(s.id)}`}>{s.title}</a>
          </h3>
          <p>
            <span class={s.required ? 'tag ok' : 'tag'}>{s.required ? 'Required' : 'Elective'}</span>{' '}
            {s.competencies.length} competencies
          </p>
          <p>{s.summary}</p>
        </li>
      ))}
    </ul>
  );
}
