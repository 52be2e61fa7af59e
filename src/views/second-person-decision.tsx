import type { ComponentChildren } from 'preact';
import { Form, TextArea } from './forms.js';

/**
 * The decision forms of anything one staff member asks for and a different one must approve (money
 * adjustments, invoice payments, certification status changes): the one who asked may only withdraw;
 * anyone else may approve, or decline with a note sent to the one who asked.
 */
export function SecondPersonDecision(p: {
  /** The viewer is the one who asked. */
  own: boolean;
  /** Forms post to `${base}/withdraw`, `${base}/approve`, `${base}/decline`. */
  base: string;
  csrfToken: string;
  ownNote: string;
  withdrawLabel: string;
  approveLabel: string;
  /** Shown above the approve button (what approving does). */
  beforeApprove?: ComponentChildren;
  declineLabel: string;
  declineHint?: string;
  declineButton?: string;
  required?: boolean;
  rows?: number;
  /** Keeps the note's id unique when a page lists several requests. */
  idSuffix?: string;
  noteError?: string | undefined;
  noteValue?: string | undefined;
}) {
  if (p.own)
    return (
      <>
        <p>{p.ownNote}</p>
        <Form action={`${p.base}/withdraw`} csrfToken={p.csrfToken}>
          <button type="submit" class="secondary">
            {p.withdrawLabel}
          </button>
        </Form>
      </>
    );
  return (
    <>
      {p.beforeApprove}
      <Form action={`${p.base}/approve`} csrfToken={p.csrfToken}>
        <button type="submit">{p.approveLabel}</button>
      </Form>
      <Form action={`${p.base}/decline`} csrfToken={p.csrfToken}>
        <TextArea
          name="note"
          idSuffix={p.idSuffix}
          label={p.declineLabel}
          hint={p.declineHint}
          required={p.required}
          rows={p.rows ?? 2}
          error={p.noteError}
          value={p.noteValue}
        />
        <button type="submit" class="secondary">
          {p.declineButton ?? 'Decline'}
        </button>
      </Form>
    </>
  );
}
