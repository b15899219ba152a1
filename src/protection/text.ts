import { visit, type DocumentNode } from 'graphql';

/**
 * NUL, or half of a UTF-16 surrogate pair: PostgreSQL refuses both in text and JSON, and MikroORM
 * writes a mutation's values into its SQL text, where SQLite stops at NUL. Refused up front as bad
 * input, on every database alike.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Finds text no database can store in a request; a query's literals are looked at once per parsed document. */
export class StorableText {
  private readonly documents = new WeakMap<DocumentNode, boolean>();

  /** Does the request carry such text, in its variables or in its query's string literals? */
  refuses(document: DocumentNode, variables: Record<string, unknown> | undefined): boolean {
    let literal = this.documents.get(document);
    if (literal === undefined) {
      literal = false;
      visit(document, {
        StringValue(node) {
          if (UNSTORABLE.test(node.value)) literal = true;
        },
      });
      this.documents.set(document, literal);
    }
    if (literal) return true;
    // Iterative: variables may nest as deep as a body of a megabyte allows.
    const pending: unknown[] = [variables];
    while (pending.length) {
      const value = pending.pop();
      if (typeof value === 'string') {
        if (UNSTORABLE.test(value)) return true;
      } else if (value && typeof value === 'object') {
        for (const item of Object.values(value)) pending.push(item);
      }
    }
    return false;
  }
}
