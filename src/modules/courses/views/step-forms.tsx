import type { FieldErrors } from '../../../platform/errors.js';
import { ChoiceField, ErrorSummary, Form, SelectField, TextArea, TextField } from '../../../views/forms.js';
import type { Competency } from '../../policy/framework.js';
import { deliveryLabels } from '../labels.js';
import { deliveryModes } from '../schema.js';

export type Values = Record<string, string>;

interface StepProps {
  action: string;
  csrfToken: string;
  values: Values;
  errors?: FieldErrors | undefined;
}

export function DetailsForm(p: StepProps & { courseTitle: string; bundle?: boolean }) {
  // The form asks for dollars in "cost"; the use case reports on the cents it was given.
  const { costToStudentsCents, ...rest } = p.errors ?? {};
  const e: FieldErrors = costToStudentsCents ? { ...rest, cost: costToStudentsCents } : rest;
  return (
    <>
      <h1>{p.bundle ? 'Bundle details' : 'Course details'}</h1>
      <p class="hint">{p.courseTitle}</p>
      {p.bundle && (
        <p>
          Describe the bundle as a whole: its title, what it covers, how its courses are delivered and what
          they cost together. Each course of the bundle gets its own title, description and contact hours in
          the next step.
        </p>
      )}
      <ErrorSummary errors={p.errors && e} />
      <Form action={p.action} csrfToken={p.csrfToken}>
        <TextField name="title" label="Course title" value={p.values.title} error={e.title} width="long" />
        <TextArea name="description" label="Description" value={p.values.description} error={e.description} />
        <ChoiceField
          name="delivery"
          legend="How is the course delivered?"
          options={deliveryModes.map((d) => [d, deliveryLabels[d]] as const)}
          value={p.values.delivery}
          error={e.delivery}
        />
        <ChoiceField
          name="synchronous"
          legend="Do students attend at the same time (synchronous)?"
          options={[
            ['yes', 'Yes, synchronous'],
            ['no', 'No, at their own pace'],
          ]}
          value={p.values.synchronous}
          error={e.synchronous}
          inline
        />
        <TextField
          name="length"
          label="Length"
          hint="For example: 8 weeks"
          value={p.values.length}
          error={e.length}
        />
        <TextField
          name="contactHours"
          label="Contact hours"
          inputMode="decimal"
          width="short"
          value={p.values.contactHours}
          error={e.contactHours}
        />
        <TextArea
          name="locations"
          label="Where it runs"
          hint="Cities and states, or online"
          rows={3}
          value={p.values.locations}
          error={e.locations}
        />
        <TextField
          name="cost"
          label="Cost to students, in US dollars"
          hint="Enter 0 if the course is free"
          inputMode="decimal"
          width="short"
          value={p.values.cost}
          error={e.cost}
        />
        <TextField
          name="registrationUrl"
          label="Registration link"
          hint="A web address starting with https://"
          value={p.values.registrationUrl}
          error={e.registrationUrl}
          width="long"
        />
        <TextArea
          name="teachingMethods"
          label="Teaching methods"
          value={p.values.teachingMethods}
          error={e.teachingMethods}
        />
        <TextArea
          name="assessmentStrategy"
          label="Assessment strategy"
          value={p.values.assessmentStrategy}
          error={e.assessmentStrategy}
        />
        <button type="submit">Save and continue</button>
      </Form>
    </>
  );
}

export function MapEntryForm(
  p: StepProps & {
    competency: Competency;
    position: number;
    total: number;
    backHref: string;
    /** For a bundle: its courses, one of which covers the competency. */
    parts?: ReadonlyArray<{ id: string; position: number; title: string }> | undefined;
    partsHref?: string;
  },
) {
  const e = p.errors ?? {};
  return (
    <>
      <h1>
        Competency {p.competency.id}: {p.competency.topic}
      </h1>
      <p class="hint">
        Competency {p.position} of {p.total}. Say what in the course covers it and how it is assessed.
      </p>
      <ErrorSummary errors={p.errors} />
      <Form action={p.action} csrfToken={p.csrfToken}>
        {p.parts &&
          (p.parts.length > 0 ? (
            <SelectField
              name="partId"
              label="Course of the bundle that covers it"
              options={p.parts.map((part) => [part.id, `${part.position}. ${part.title}`] as const)}
              placeholder="Choose a course"
              value={p.values.partId}
              error={e.partId}
            />
          ) : (
            <p>
              Add the courses of the bundle first, then say which one covers each competency:{' '}
              <a href={p.partsHref}>courses in this bundle</a>.
            </p>
          ))}
        <TextArea
          name="content"
          label="Content that covers this competency"
          value={p.values.content}
          error={e.content}
        />
        <TextArea
          name="readings"
          label="Readings (optional)"
          rows={3}
          value={p.values.readings}
          error={e.readings}
        />
        <TextArea
          name="assignments"
          label="Assignments (optional)"
          rows={3}
          value={p.values.assignments}
          error={e.assignments}
        />
        <TextArea
          name="assessment"
          label="Assessment"
          hint="How students show they have this competency. Needed before you can submit."
          value={p.values.assessment}
          error={e.assessment}
        />
        <button type="submit">Save and continue</button>
      </Form>
      <p>
        <a href={p.backHref}>Back to the course application</a>
      </p>
    </>
  );
}
