import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml } from '../../src/modules/catalog/rules/atom.js';

const feed = (titles: string[]) =>
  atomFeed({
    id: 'https://lssc.example/catalog/feed.atom',
    title: 'New courses',
    self: 'https://lssc.example/catalog/feed.atom',
    alternate: 'https://lssc.example/catalog',
    author: 'LSSC',
    updated: new Date('2026-11-28T15:00:00Z'),
    entries: titles.map((title, i) => ({
      id: `urn:uuid:00000000-0000-7000-8000-00000000000${i}`,
      title,
      link: `https://lssc.example/catalog/courses/CRS-2026-00000${i}?a=1&b=2`,
      updated: new Date('2026-11-28T15:00:00Z'),
      summary: `Summary of ${title}`,
      categories: ['FLS Foundations'],
    })),
  });

describe('the Atom feed', () => {
  it('has the elements RFC 4287 requires, in one feed element', () => {
    const xml = feed(['First']);
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
    );
    for (const part of [
      '<id>https://lssc.example/catalog/feed.atom</id>',
      '<title type="text">New courses</title>',
      '<updated>2026-11-28T15:00:00.000Z</updated>',
      '<author><name>LSSC</name></author>',
      '<link rel="self" href="https://lssc.example/catalog/feed.atom" type="application/atom+xml"/>',
      '<entry><id>urn:uuid:00000000-0000-7000-8000-000000000000</id>',
      '<link rel="alternate" href="https://lssc.example/catalog/courses/CRS-2026-000000?a=1&amp;b=2" type="text/html"/>',
      '<summary type="text">Summary of First</summary>',
    ])
      expect(xml).toContain(part);
    expect(xml.trim().endsWith('</feed>')).toBe(true);
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`Tom & "Jerry's" <b>`)).toBe('Tom &amp; &quot;Jerry&apos;s&quot; &lt;b&gt;');
    expect(escapeXml('bell\u0007 and null\u0000 gone, tab\tkept')).toBe('bell and null gone, tab\tkept');
  });

  it('never lets a title break out of its element', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (title) => {
        const xml = feed([title]);
        const inner = /<entry>.*?<title type="text">(.*?)<\/title>/s.exec(xml)?.[1] ?? '';
        expect(inner).not.toMatch(/[<>]/);
        expect(inner).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
      }),
    );
  });
});
