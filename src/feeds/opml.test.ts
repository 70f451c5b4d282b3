import { describe, expect, test } from 'vitest';
import { AppError } from '../errors.ts';
import { generateOpml, parseOpml } from './index.ts';

const NESTED = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My desk</title></head>
  <body>
    <outline text="Markets">
      <outline text="Metals">
        <outline type="rss" text="Harbor Street" title="Harbor Street &amp; Co" xmlUrl="https://harbor-street.example/feed.xml" htmlUrl="https://harbor-street.example/"/>
      </outline>
      <outline type="rss" text="Lantern Wire" xmlUrl="https://lantern-wire.example/rss" htmlUrl="/"/>
    </outline>
    <outline type="rss" text="Copperline" xmlUrl="https://copperline.example/feed.json" category="/Crypto/Notes,Other"/>
    <outline type="rss" text="Duplicate" xmlUrl="https://copperline.example/feed.json"/>
    <outline type="link" text="Just a link" url="https://example.com/page"/>
    <outline type="rss" text="Bad scheme" xmlUrl="javascript:alert(1)"/>
    <outline text="Loose" xmlUrl="https://loose.example/atom.xml"/>
  </body>
</opml>`;

function rejection(text: string): AppError {
  try {
    parseOpml(text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected parseOpml to reject');
}

describe('parseOpml', () => {
  test('flattens nested folders into categories and drops duplicates and non-feeds', () => {
    expect(parseOpml(NESTED)).toEqual([
      { url: 'https://harbor-street.example/feed.xml', title: 'Harbor Street & Co', siteUrl: 'https://harbor-street.example/', category: 'Markets / Metals' },
      { url: 'https://lantern-wire.example/rss', title: 'Lantern Wire', siteUrl: 'https://lantern-wire.example/', category: 'Markets' },
      { url: 'https://copperline.example/feed.json', title: 'Copperline', siteUrl: null, category: 'Crypto / Notes' },
      { url: 'https://loose.example/atom.xml', title: 'Loose', siteUrl: null, category: null },
    ]);
  });

  test('an OPML without outlines is an empty list', () => {
    expect(parseOpml('<opml version="1.0"><head/><body/></opml>')).toEqual([]);
  });

  test.each([
    ['an HTML page', '<!doctype html><html><body>hi</body></html>', 'not an OPML file: looks like an HTML page'],
    ['a feed', '<rss version="2.0"><channel><title>x</title></channel></rss>', 'it is a feed'],
    ['empty text', '', 'the document is empty'],
    ['broken OPML', '<opml version="2.0"><body><outline text="a" xmlUrl="https://a.example/"/></bod', 'broken OPML'],
  ])('refuses %s with a reason', (_label, text, reason) => {
    const error = rejection(text);
    expect(error.code).toBe('bad_request');
    expect(error.message).toContain(reason);
  });

  test('refuses external entities without reading anything', () => {
    const error = rejection('<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/hostname">]><opml version="2.0"><body><outline text="&x;" xmlUrl="https://a.example/"/></body></opml>');
    expect(error.code).toBe('bad_request');
  });
});

describe('generateOpml', () => {
  const sources = [
    { url: 'https://a.example/feed?x=1&y=2', title: 'A <&> "quoted"', siteUrl: 'https://a.example/' },
    { url: 'https://b.example/atom.xml', title: null, siteUrl: null },
  ];

  test('round-trips through parseOpml, escaping included', () => {
    const xml = generateOpml('tickerwire & friends', sources);
    expect(xml).toContain('xmlUrl="https://a.example/feed?x=1&amp;y=2"');
    expect(parseOpml(xml)).toEqual([
      { url: 'https://a.example/feed?x=1&y=2', title: 'A <&> "quoted"', siteUrl: 'https://a.example/', category: null },
      { url: 'https://b.example/atom.xml', title: 'https://b.example/atom.xml', siteUrl: null, category: null },
    ]);
  });

  test('writes dateCreated only when asked (byte-stable by default)', () => {
    expect(generateOpml('t', sources)).toBe(generateOpml('t', sources));
    expect(generateOpml('t', sources, { createdAt: new Date('2026-11-25T10:00:00Z') })).toContain('<dateCreated>Wed, 25 Nov 2026 10:00:00 GMT</dateCreated>');
  });
});
