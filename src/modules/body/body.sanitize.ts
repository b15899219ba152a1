import sanitizeHtml from 'sanitize-html';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for safe use in HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

const INLINE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['a', 'em', 'strong', 'code', 'br', 'sub', 'sup'],
  allowedAttributes: { a: ['href'] },
  // Relative URLs carry no scheme and are kept; anything else outside this list loses its href.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  // Contents of these are dropped entirely rather than shown as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'svg', 'math', 'iframe', 'object'],
  disallowedTagsMode: 'discard',
};

/** Reduces untrusted HTML to the inline subset a stored paragraph may hold (a[href], em, strong, code, br, sub, sup). */
export function sanitizeInlineHtml(html: string): string {
  return sanitizeHtml(html, INLINE_OPTIONS);
}
