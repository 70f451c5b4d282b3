import { describe, expect, test } from 'vitest';
import { blockText } from './text.ts';
import { parseHtml, serialize, tidyTree } from './tree.ts';

describe('parseHtml / serialize', () => {
  test('drops scripts and styles, keeps JSON-LD aside, escapes on output', () => {
    const page = parseHtml('<p a="1&quot;">x &lt; y<script>bad()</script><style>p{}</style></p><script type="application/ld+json">{"a":1}</script>');
    expect(serialize(page.root)).toBe('<p a="1&quot;">x &lt; y</p>');
    expect(page.jsonLd).toEqual(['{"a":1}']);
  });
  test('attributes: entities decoded, first value wins, __proto__ ignored, names lower-cased', () => {
    const el = parseHtml('<a HREF="/x?a=1&amp;b=2" href="/y" __proto__="z" Title=\'T &lt;\'>x</a>').root.children[0];
    expect(el?.type === 'element' ? el.attrs : null).toEqual({ href: '/x?a=1&b=2', title: 'T <' });
    expect(Object.getPrototypeOf(el?.type === 'element' ? el.attrs : null)).toBe(Object.prototype);
  });
  test('dropped subtrees end at their own close tag; stray closes are ignored', () => {
    expect(serialize(parseHtml('<div>a<svg><g><p>in</p></svg>b</span></div>c').root)).toBe('<div>ab</div>c');
    expect(serialize(parseHtml('<p>x</br>y</p></div>').root)).toBe('<p>x<br>y</p>');
  });
  test('implied closes follow HTML rules', () => {
    expect(serialize(parseHtml('<ul><li>a<li>b</ul><p>c<p>d').root)).toBe('<ul><li>a</li><li>b</li></ul><p>c</p><p>d</p>');
  });
});

describe('tidyTree', () => {
  test('drops empty wrappers, unwraps single-child divs, collapses whitespace', () => {
    const root = parseHtml('<div>\n  <div>\n <span> </span>\n</div>\n<div><div><p>Text</p></div></div>\n<div><img src="a.jpg"></div>\n</div>').root;
    tidyTree(root);
    expect(serialize(root)).toBe('<div>\n<p>Text</p>\n<img src="a.jpg">\n</div>');
  });
  test('leaves <pre> alone', () => {
    const root = parseHtml('<pre>  a\n\n  b  </pre>').root;
    tidyTree(root);
    expect(serialize(root)).toBe('<pre>  a\n\n  b  </pre>');
  });
});

describe('blockText', () => {
  test('paragraphs, line breaks and captions', () => {
    const root = parseHtml('<div><h2>Head</h2><p>One  <b>two</b>\nthree</p><figure><img src="x"><figcaption>Photo: someone</figcaption></figure><p>Line<br>next</p><span class="image-credit">Getty</span></div>').root;
    expect(blockText(root)).toBe('Head\n\nOne two three\n\nLine\nnext');
  });
});
