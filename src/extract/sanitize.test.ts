import { describe, expect, test } from 'vitest';
import { sanitizeArticleHtml } from './sanitize.ts';

const BASE = 'https://news.example.com/a/story.html';

describe('sanitizeArticleHtml', () => {
  test('drops scripts, styles, frames, forms and handlers', () => {
    const out = sanitizeArticleHtml(
      '<p onclick="alert(1)" style="color:red">Hi<script>alert(1)</script><style>p{}</style></p><iframe src="https://x.test"></iframe><form action="/x"><input name="q"></form><object data="x"></object><embed src="y"><svg><script>alert(1)</script></svg>',
      BASE,
    );
    expect(out).toBe('<p>Hi</p>');
  });

  test('makes links absolute and safe', () => {
    const out = sanitizeArticleHtml('<a href="../b.html" onmouseover="x()">b</a><a href="javascript:alert(1)">j</a><a href="vbscript:msgbox">v</a><a href="data:text/html,<script>">d</a>', BASE);
    expect(out).toContain('<a href="https://news.example.com/b.html" rel="noopener noreferrer nofollow ugc" target="_blank">b</a>');
    expect(out).not.toMatch(/javascript:|vbscript:|data:|onmouseover/i);
  });

  test('images are absolute and lazy; only raster data: images survive', () => {
    const out = sanitizeArticleHtml('<img src="/i.jpg" srcset="/i2.jpg 2x, /i3.jpg 3x" onerror="alert(1)" alt="c"><img src="data:image/png;base64,iVBORw0KGgo="><img src="data:image/svg+xml;base64,PHN2Zz4="><img src="javascript:alert(1)">', BASE);
    expect(out).toContain('<img src="https://news.example.com/i.jpg" srcset="https://news.example.com/i2.jpg 2x, https://news.example.com/i3.jpg 3x" alt="c" loading="lazy" />');
    expect(out).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(out).not.toMatch(/svg|javascript|onerror/);
    expect(out.match(/<img/g)).toHaveLength(2);
  });

  test('garbage in, text out', () => {
    expect(sanitizeArticleHtml('<<p>>a</b></i>&amp;<', 'not a url')).not.toMatch(/<script/);
  });
});
