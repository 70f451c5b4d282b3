import { describe, expect, test } from 'vitest';
import { blockText } from './text.ts';
import { parseHtml, serialize, tidyTree } from './tree.ts';

describe('parseHtml / serialize', () => {
  test('drops scripts and styles, keeps JSON-LD aside, escapes on output', () => {
    const page = parseHtml('<p a="1&quot;">x &lt; y<script>bad()</script><style>p{}</style></p><script type="application/ld+json">{"a":1}</script>');
    expect(serialize(page.root)).toBe('<p a="1&quot;">x &lt; y</p>');
    expect(page.jsonLd).toEqual(['{"a":1}']);
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
