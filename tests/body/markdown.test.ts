import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from '../../src/modules/body/body.markdown';
import { renderHtml } from '../../src/modules/body/body.render';
import { sanitizeInlineHtml } from '../../src/modules/body/body.sanitize';

const noLookup = { quote: () => undefined, image: () => undefined };
const toHtml = (markdown: string) => renderHtml(markdownToBlocks(markdown), noLookup);

describe('markdownToBlocks: structure', () => {
  it('turns headings, paragraphs and lists into blocks', () => {
    const blocks = markdownToBlocks(
      '## The Shadow of the War\n\nTroops were *deployed* to [Kursk](https://example.com/kursk) &amp; beyond.\n\n- Pyongyang\n- **Moscow**\n\n1. first\n2. second\n',
    );
    expect(blocks).toEqual([
      { type: 'HEADING', text: 'The Shadow of the War', level: 2 },
      {
        type: 'PARAGRAPH',
        text: 'Troops were deployed to Kursk & beyond.',
        html: 'Troops were <em>deployed</em> to <a href="https://example.com/kursk">Kursk</a> &amp; beyond.',
      },
      { type: 'LIST', ordered: false, items: ['Pyongyang', 'Moscow'] },
      { type: 'LIST', ordered: true, items: ['first', 'second'] },
    ]);
  });

  it('clamps heading levels into 2..4', () => {
    const levels = markdownToBlocks('# h1\n\n## h2\n\n### h3\n\n#### h4\n\n##### h5\n\n###### h6\n').map((b) => b.type === 'HEADING' && b.level);
    expect(levels).toEqual([2, 2, 3, 4, 4, 4]);
  });

  it('keeps the allowed inline markup and decodes entities in the plain text', () => {
    const [block] = markdownToBlocks('H<sub>2</sub>O is **wet**, `x < y` &copy; 2026');
    expect(block).toEqual({
      type: 'PARAGRAPH',
      text: 'H2O is wet, x < y © 2026',
      html: 'H<sub>2</sub>O is <strong>wet</strong>, <code>x &lt; y</code> © 2026',
    });
  });

  it('unwraps blockquotes into paragraphs and drops rules and blank space', () => {
    const blocks = markdownToBlocks('> First *quoted* line\n>\n> Second\n\n---\n\n\n\nAfter');
    expect(blocks.map((b) => b.type === 'PARAGRAPH' && b.text)).toEqual(['First quoted line', 'Second', 'After']);
  });

  it('stores code blocks as an escaped <code> paragraph', () => {
    const [block] = markdownToBlocks('```html\n<b>if (a < b)</b>\n```');
    expect(block).toEqual({ type: 'PARAGRAPH', text: '<b>if (a < b)</b>', html: '<code>&lt;b&gt;if (a &lt; b)&lt;/b&gt;</code>' });
  });

  it('reduces HTML blocks to their text, dropping script and style contents', () => {
    const blocks = markdownToBlocks('<div class="box"><p>Kim <b>spoke</b></p><p>at length</p></div>\n\n<script>steal()</script>\n\n<style>p { color: red }</style>\n');
    expect(blocks).toEqual([{ type: 'PARAGRAPH', text: 'Kim spoke at length', html: 'Kim spoke at length' }]);
  });
});

describe('markdownToBlocks: hostile input comes out inert', () => {
  const corpus: Array<[string, string | null]> = [
    ['<script>alert(1)</script>', null],
    ['before <script>alert(1)</script> after', 'before  after'],
    ['<img src=x onerror=alert(1)>', null],
    ['text <img src=x onerror=alert(1)> more', 'text  more'],
    ['[x](javascript:alert(1))', 'x'],
    ['[x](JAVASCRIPT:alert(1))', 'x'],
    ['[x](  java&#x09;script:alert(1))', 'x'],
    ['[x](data:text/html;base64,xx)', 'x'],
    ['see <a href="javascript:alert(1)">x</a> here', 'x'],
    ['<a href="javascript:alert(1)">x</a>', 'x'],
    ['<div onclick="x()">hi</div>', 'hi'],
    ['say <span onclick="x()">hi</span>', 'hi'],
    ['<b><i>text</b>', 'text'],
    ['<iframe src="https://evil.example/"></iframe>', null],
    ['<svg onload=alert(1)><circle/></svg>', null],
    ['x <svg onload=alert(1)></svg> y', 'x  y'],
    ['<style>body { display: none }</style>', null],
    ['<p style="background:url(javascript:alert(1))">styled</p>', 'styled'],
    ['<object data="data:text/html;base64,xx"></object>', null],
  ];

  it.each(corpus)('%s', (markdown, survivor) => {
    const html = toHtml(markdown);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\bon\w+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/data:/i);
    expect(html).not.toMatch(/<(?:img|iframe|svg|style|object|div|span|b|i)\b/i);
    if (survivor) expect(html).toContain(survivor);
    else expect(html).toBe('');
  });

  it('keeps safe links: http(s), mailto and relative', () => {
    expect(sanitizeInlineHtml('<a href="https://a.example/x?y=1&amp;z=2" title="t">a</a> <a href="/news/1">b</a> <a href="mailto:desk@a.example">c</a>')).toBe(
      '<a href="https://a.example/x?y=1&amp;z=2">a</a> <a href="/news/1">b</a> <a href="mailto:desk@a.example">c</a>',
    );
  });
});
