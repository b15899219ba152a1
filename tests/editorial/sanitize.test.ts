import { describe, expect, it } from 'vitest';
import { DeskCreateArticleDocument, DeskImportDocument } from '../generated/graphql';
import { useDesk } from './support';

const desk = useDesk();

/** Copy an attacker (or a careless paste) might send. */
const CORPUS = [
  '<script>alert(1)</script>',
  '<<script>script>alert(1)<</script>/script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle/></svg>',
  '<div onclick="alert(1)">click me</div>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<style>body { display: none }</style>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '[plain](javascript:alert(1))',
  '[mixed case](JaVaScRiPt:alert(1))',
  '[spaced]( javascript:alert(1))',
  '[entity](jav&#x09;ascript:alert(1))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[vb](vbscript:msgbox(1))',
  '<a href="javascript:alert(1)">raw link</a> and <a href="data:text/html,x">data</a>',
  '<a href="https://example.com" onmouseover="alert(1)" style="x">styled</a>',
  '<javascript:alert(1)>',
  '[ref][1]\n\n[1]: javascript:alert(1)',
  '![pic](javascript:alert(1)) ![pic2](https://example.com/x.png" onerror="alert(1))',
  '<b><i>broken</b> nesting</i> <p><div>unclosed',
  '**bold _crossed** emphasis_ and `<script>in code</script>`',
  '# <script>alert(1)</script> heading',
  '- <img src=x onerror=alert(1)> item\n- [x](javascript:alert(1))',
  '> <script>alert(1)</script> quoted',
  '| a | <script>b</script> |\n|---|---|\n| <img src=x onerror=alert(1)> | d |',
  '```\n<script>alert(1)</script>\n```',
].join('\n\n');

const ALLOWED_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'code', 'br', 'sub', 'sup']);

/** Every tag is on the allow-list with no attribute but id and an http(s)/mailto/relative href, so no handler and no script URL. */
function expectInert(html: string): void {
  for (const [, name, attributes] of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    expect(ALLOWED_TAGS, `tag <${name}> in ${html}`).toContain(name.toLowerCase());
    expect(attributes, `attributes of <${name}> in ${html}`).toMatch(/^(\s+[a-z]+="[^"]*")*\s*\/?$/);
    for (const [, attribute, value] of attributes.matchAll(/\s([^\s=]+)="([^"]*)"/g)) {
      expect(['href', 'id'], `attribute ${attribute} in ${html}`).toContain(attribute);
      if (attribute === 'href') expect(value, `href in ${html}`).toMatch(/^(https?:|mailto:|[^:]*$)/i);
    }
  }
  // What is left of the attack is escaped text, e.g. &lt;script&gt;.
  expect(html).not.toMatch(/<(script|iframe|svg|img|style|math|form|input)/i);
}

describe('malicious Markdown comes out inert', () => {
  it('through bodyMarkdown', async () => {
    const { createArticle } = await desk.editor.request(DeskCreateArticleDocument, { input: { headline: 'Corpus', sectionId: desk.ids.section, bodyMarkdown: CORPUS } });
    expect(createArticle.userErrors).toEqual([]);
    expectInert(createArticle.article!.bodyHtml);
    expect(createArticle.article!.bodyHtml).toContain('<a href="https://example.com">styled</a>');
  });

  it('through importArticle', async () => {
    const { importArticle } = await desk.editor.request(DeskImportDocument, { input: { headline: 'Corpus import', sectionId: desk.ids.section, text: CORPUS, format: 'MARKDOWN' } });
    expect(importArticle.userErrors).toEqual([]);
    expectInert(importArticle.article!.bodyHtml);
    const plain = await desk.editor.request(DeskImportDocument, { input: { headline: 'Corpus plain', sectionId: desk.ids.section, text: CORPUS } });
    expectInert(plain.importArticle.article!.bodyHtml);
  });

  it('through body blocks, whose text is plain and escaped', async () => {
    const lines = CORPUS.split('\n').filter((line) => line.trim());
    const { createArticle } = await desk.editor.request(DeskCreateArticleDocument, {
      input: {
        headline: 'Corpus blocks',
        sectionId: desk.ids.section,
        body: [
          ...lines.map((text) => ({ type: 'PARAGRAPH' as const, text })),
          { type: 'HEADING' as const, text: '<script>alert(1)</script>', level: 2 },
          { type: 'LIST' as const, items: lines.slice(0, 5) },
        ],
      },
    });
    expect(createArticle.userErrors).toEqual([]);
    expectInert(createArticle.article!.bodyHtml);
    expect(createArticle.article!.bodyHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
