import type { ComponentChildren } from 'preact';
import { formatBytes } from '../../../platform/files/format-bytes.js';
import { formatDateTime } from '../../../views/format.js';
import type { CommentWithAuthor, PrereviewEvidenceRow } from '../prereview-repository.js';

export function Row(p: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{p.label}</dt>
      <dd>{p.children}</dd>
    </div>
  );
}

/** Staff comments, newest first; staff see who wrote each, candidates see "Program staff". */
export function CommentList(p: { comments: CommentWithAuthor[]; showAuthor: boolean; empty: string }) {
  if (p.comments.length === 0) return <p class="hint">{p.empty}</p>;
  return (
    <ul class="timeline">
      {p.comments.map((c) => (
        <li>
          <p>
            <strong>{p.showAuthor ? c.authorName : 'Program staff'}</strong>, {formatDateTime(c.createdAt)}
          </p>
          <p class="message-body">{c.body}</p>
        </li>
      ))}
    </ul>
  );
}

/** One piece of evidence as staff read it: what it is, why it counts, and the item itself. */
export function EvidenceItem(p: { e: PrereviewEvidenceRow; fileHref: string }) {
  const { e } = p;
  return (
    <li>
      <h4>
        {e.title} <span class={e.primary ? 'tag ok' : 'tag'}>{e.primary ? 'Primary' : 'Secondary'}</span>
      </h4>
      <p class="message-body">{e.explanation}</p>
      {e.kind === 'file' && e.blobKey && (
        <p>
          File: <a href={p.fileHref}>{e.fileName ?? 'Download'}</a>
          {e.size !== null && ` (${formatBytes(e.size)})`}
        </p>
      )}
      {e.kind === 'link' && e.url && (
        <p>
          Link:{' '}
          <a href={e.url} rel="noopener noreferrer nofollow">
            {e.url}
          </a>
        </p>
      )}
      {e.kind === 'text' && e.body && <blockquote class="message-body">{e.body}</blockquote>}
    </li>
  );
}
