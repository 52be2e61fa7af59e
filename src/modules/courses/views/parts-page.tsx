import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, Form, TextArea, TextField } from '../../../views/forms.js';
import type { CoursePartRow } from '../parts-repository.js';
import { MIN_BUNDLE_PARTS } from '../rules/completeness.js';
import type { CourseApplicationView } from '../use-cases/view-course-application.js';
import type { Values } from './step-forms.js';

function PartFields(p: { values: Values; errors: FieldErrors }) {
  return (
    <>
      <TextField
        name="title"
        label="Course title"
        value={p.values.title}
        error={p.errors.title}
        width="long"
      />
      <TextArea
        name="description"
        label="Description of this course"
        hint="What the catalog shows for this course."
        rows={4}
        value={p.values.description}
        error={p.errors.description}
      />
      <TextField
        name="contactHours"
        label="Contact hours of this course"
        inputMode="decimal"
        width="short"
        value={p.values.contactHours}
        error={p.errors.contactHours}
      />
    </>
  );
}

/** The courses of a bundle: each with the competencies it covers; add, change and remove while a draft. */
export function PartsPage(p: {
  v: CourseApplicationView;
  csrfToken: string;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { v } = p;
  const a = v.application;
  const base = `/provider/courses/${a.id}`;
  const covering = (part: CoursePartRow) =>
    v.set.competencies.filter((c) => v.entries.some((e) => e.competencyId === c.id && e.partId === part.id));
  const canAddOrRemove = v.editable && !a.renewsApplicationId;
  const problems = v.missing.filter((m) => m.step === 'parts');
  return (
    <>
      <h1>Courses in this bundle</h1>
      <p class="hint">{a.title ?? 'New bundle application'}</p>
      <ErrorSummary errors={p.errors} />
      <p>
        List the courses that together cover the set, at least {MIN_BUNDLE_PARTS}. Each is listed in the
        catalog on its own; a candidate achieves the set once they have completed all of them. Every course
        must cover at least one competency.
      </p>
      {v.editable && problems.length > 0 && (
        <ul>
          {problems.map((m) => (
            <li>{m.message}</li>
          ))}
        </ul>
      )}
      {v.parts.length === 0 ? (
        <p>No courses added yet.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Courses in this bundle</caption>
          <thead>
            <tr>
              <th scope="col">Course</th>
              <th scope="col">Contact hours</th>
              <th scope="col">Competencies it covers</th>
              {v.editable && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {v.parts.map((part) => {
              const covers = covering(part);
              return (
                <tr>
                  <th scope="row">
                    {part.position}. {part.title}
                  </th>
                  <td>{part.contactHours ?? ''}</td>
                  <td>{covers.length === 0 ? 'None yet' : covers.map((c) => c.id).join(', ')}</td>
                  {v.editable && (
                    <td>
                      <a href={`${base}/parts/${part.id}`}>
                        Change<span class="visually-hidden"> {part.title}</span>
                      </a>
                      {canAddOrRemove && (
                        <Form action={`${base}/parts/${part.id}/remove`} csrfToken={p.csrfToken}>
                          <button type="submit" class="secondary">
                            Remove<span class="visually-hidden"> {part.title}</span>
                          </button>
                        </Form>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canAddOrRemove && (
        <>
          <h2>Add a course</h2>
          <Form action={`${base}/parts`} csrfToken={p.csrfToken}>
            <PartFields values={p.values} errors={p.errors ?? {}} />
            <button type="submit">Add the course</button>
          </Form>
        </>
      )}
      {v.editable && a.renewsApplicationId && (
        <p>
          A renewal keeps the courses of the approved bundle: you can change their details, not add or remove
          them.
        </p>
      )}
      {v.editable && (
        <p>
          <a href={`${base}/map/${v.set.competencies[0]!.id}`}>Continue to the competency map</a>
        </p>
      )}
      <p>
        <a href={base}>Back to the course application</a>
      </p>
    </>
  );
}

export function PartEditPage(p: {
  v: CourseApplicationView;
  part: CoursePartRow;
  csrfToken: string;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const base = `/provider/courses/${p.v.application.id}`;
  return (
    <>
      <h1>Change course {p.part.position} of the bundle</h1>
      <p class="hint">{p.v.application.title ?? 'New bundle application'}</p>
      <ErrorSummary errors={p.errors} />
      <Form action={`${base}/parts/${p.part.id}`} csrfToken={p.csrfToken}>
        <PartFields values={p.values} errors={p.errors ?? {}} />
        <button type="submit">Save the course</button>
      </Form>
      <p>
        <a href={`${base}/parts`}>Back to the courses in this bundle</a>
      </p>
    </>
  );
}
