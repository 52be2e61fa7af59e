/**
 * An Atom 1.0 feed (RFC 4287) as a string. Pure: the caller supplies every value, including "updated".
 * Text is XML-escaped, and characters XML 1.0 forbids (control characters a provider might paste)
 * are dropped, so the feed always parses.
 */

export interface AtomEntry {
  /** A permanent IRI, e.g. urn:uuid:…; never changes for the same item. */
  id: string;
  title: string;
  link: string;
  updated: Date;
  published?: Date;
  summary: string;
  categories?: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own address (rel="self"). */
  self: string;
  /** The page the feed mirrors (rel="alternate"). */
  alternate: string;
  author: string;
  updated: Date;
  entries: AtomEntry[];
}

// XML 1.0 allows tab, newline, carriage return and everything from U+0020 except the surrogates
// and U+FFFE/U+FFFF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const el = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
const link = (rel: string, href: string, type?: string) =>
  `<link rel="${rel}" href="${escapeXml(href)}"${type ? ` type="${type}"` : ''}/>`;

function entryXml(e: AtomEntry): string {
  return [
    '<entry>',
    el('id', e.id),
    `<title type="text">${escapeXml(e.title)}</title>`,
    link('alternate', e.link, 'text/html'),
    el('updated', e.updated.toISOString()),
    ...(e.published ? [el('published', e.published.toISOString())] : []),
    ...(e.categories ?? []).map((c) => `<category term="${escapeXml(c)}"/>`),
    `<summary type="text">${escapeXml(e.summary)}</summary>`,
    '</entry>',
  ].join('');
}

export function atomFeed(f: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    el('id', f.id),
    `<title type="text">${escapeXml(f.title)}</title>`,
    ...(f.subtitle ? [`<subtitle type="text">${escapeXml(f.subtitle)}</subtitle>`] : []),
    link('self', f.self, 'application/atom+xml'),
    link('alternate', f.alternate, 'text/html'),
    el('updated', f.updated.toISOString()),
    `<author>${el('name', f.author)}</author>`,
    ...f.entries.map(entryXml),
    '</feed>\n',
  ].join('');
}
