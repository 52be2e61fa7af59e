import type { ComponentChildren } from 'preact';
import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { deliveryLabels } from '../../courses/labels.js';
import type { CatalogCourseRow } from '../catalog-repository.js';
import type { CatalogCourseView } from '../use-cases/view-catalog-course.js';
import { costLabel, dateRange, hoursLabel, isWebLink, placeOf } from './labels.js';

/** Paragraphs as the provider wrote them (blank lines between). */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((t) => t.trim())
        .map((t) => (
          <p>{t.trim()}</p>
        ))}
    </>
  );
}

function Back() {
  return (
    <p>
      <a href="/catalog">Back to the catalog</a>
    </p>
  );
}

function Byline({ course }: { course: CatalogCourseRow }) {
  return (
    <p class="hint">
      {course.number} · Offered by{' '}
      <a href={`/catalog/providers/${course.providerId}`}>{course.providerName}</a>
    </p>
  );
}

export function CatalogCoursePage({ view }: { view: Extract<CatalogCourseView, { lapsed: false }> }) {
  const { course: c, set, offerings, bundle } = view;
  const rows: Array<[string, ComponentChildren]> = [
    [
      'Competency set',
      <a href={`/competencies/${set.id}`}>
        {set.code} {set.title}
      </a>,
    ],
    [
      'How it is taught',
      `${deliveryLabels[c.delivery]}; ${c.synchronous ? 'at set times (live)' : 'at your own pace'}`,
    ],
    ['Length', c.length],
    ['Contact hours', hoursLabel(c.contactHours)],
    ['Cost to students', costLabel(c.costToStudentsCents)],
    ['Where', c.locations || 'Ask the provider'],
    [
      'Registration',
      isWebLink(c.registrationUrl) ? (
        <a href={c.registrationUrl}>Register on the provider’s website</a>
      ) : (
        'Ask the provider'
      ),
    ],
    [
      'Approval',
      `First approved on ${formatCalendarDate(c.firstApprovedOn)}; approved until ${formatCalendarDate(c.approvalEndsOn)}`,
    ],
  ];
  return (
    <>
      <Back />
      <h1>{c.title}</h1>
      <Byline course={c} />
      {bundle && (
        <div class="notice">
          <p>
            This course is part of the bundle <strong>{bundle.title}</strong> ({bundle.number}). The bundle
            covers the {set.code} {set.title} set only as a whole: take all its courses.
          </p>
          <ul>
            {bundle.courses.map((b) => (
              <li>
                {b.number === c.number ? (
                  <>
                    {b.title} ({b.number}, this course)
                  </>
                ) : (
                  <a href={`/catalog/courses/${b.number}`}>
                    {b.title} ({b.number})
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Paragraphs text={c.description} />
      <h2>Details</h2>
      <dl class="summary">
        {rows.map(([label, value]) => (
          <div>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2>Competencies covered</h2>
      <p>
        The course covers all {set.competencies.length} competencies of the {set.code} {set.title} set:
      </p>
      <ol class="competencies">
        {set.competencies.map((k) => (
          <li>
            <span class="meta">{k.id}</span> {k.topic}
          </li>
        ))}
      </ol>
      <h2>Upcoming sessions</h2>
      {offerings.length === 0 ? (
        <p>The provider has not listed any upcoming sessions. Ask them when the course runs next.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Sessions of this course, soonest first</caption>
          <thead>
            <tr>
              <th scope="col">Dates</th>
              <th scope="col">Where</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {offerings.map((o) => (
              <tr>
                <td>{dateRange(o.startsOn, o.endsOn)}</td>
                <td>{placeOf(o)}</td>
                <td>{o.notes ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={`/catalog/providers/${c.providerId}`}>More courses from {c.providerName}</a>
      </p>
    </>
  );
}

/** A course whose approval has ended: it left the catalog, but links to it are still out there. */
export function LapsedCoursePage({ course: c }: { course: CatalogCourseRow }) {
  return (
    <>
      <Back />
      <h1>{c.title}</h1>
      <Byline course={c} />
      <div class="warning">
        <p>
          <strong>This course is no longer approved.</strong> Its approval ended on{' '}
          {formatCalendarDate(c.approvalEndsOn)}, so it is no longer in the catalog.
        </p>
      </div>
      <p>
        <a href={`/catalog?set=${encodeURIComponent(c.setId)}`}>
          Find approved courses for the same competency set
        </a>
      </p>
    </>
  );
}
