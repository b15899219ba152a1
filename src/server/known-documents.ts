import { hash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { DocumentNode, ExecutionResult, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { passesCsrfPrevention } from './response-caching';

/** A query operation Apollo has parsed, validated and resolved, with the plan compiled for it. */
export interface KnownDocument {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly plan: CompiledQuery;
}

/** A request a known document answers: its plan, its variables, and the content type Apollo gives that `accept`. */
export interface KnownRequest {
  readonly known: KnownDocument;
  readonly variables: Record<string, unknown>;
  readonly contentType: string;
}

/**
 * Documents kept at most: a client's documents are few (a front end sends the same dozen), and a plan
 * is some tens of kilobytes of generated code, so a flood of distinct documents costs a bounded amount
 * of memory and, past it, a compile each time.
 */
const MAX_DOCUMENTS = 500;
/** `accept` headers whose answer's content type is kept: clients send a handful. */
const MAX_ACCEPTS = 100;
/** Longer query texts are kept by their SHA-256, so 500 documents of a megabyte each are not kept twice. */
const MAX_KEY_CHARS = 16_384;
const BODY_FIELDS = new Set(['query', 'operationName', 'variables']);

/** An operation's name as GraphQL spells names: nothing else names an operation Apollo has resolved. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * A plan's answer when it may be sent: data without errors. Any other goes to graphql-js, which gives
 * the answer with errors in its own words (compiledExecutionPlugin).
 */
export function cleanData(result: ExecutionResult): ExecutionResult['data'] | null {
  return result.errors?.length ? null : (result.data ?? null);
}

/**
 * A document's key: its operation name, then its text, or the text's hash after a NUL when the text
 * is long. Names hold neither a newline nor a NUL, so no other name and text spell the same key.
 */
function documentKey(query: string, operationName: string | null | undefined): string {
  return query.length <= MAX_KEY_CHARS ? `${operationName ?? ''}\n${query}` : `${operationName ?? ''}\u0000${hash('sha256', query, 'hex')}`;
}

/**
 * A GET's query string as a POST body would carry it, or null when Apollo must read it: a part given
 * twice, variables that are not JSON, or a part Apollo does not read.
 */
export function fromSearch(search: URLSearchParams): Record<string, unknown> | null {
  const body: Record<string, unknown> = {};
  for (const [name, value] of search) {
    if (!BODY_FIELDS.has(name) || name in body) return null;
    if (name !== 'variables') body[name] = value;
    else {
      try {
        body.variables = JSON.parse(value);
      } catch {
        return null;
      }
    }
  }
  return body;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The query documents Apollo has admitted, each with its compiled plan (graphql-jit), by query text and
 * operation name. A document's first request goes through Apollo's whole pipeline, which parses and
 * validates it and compiles its plan (compiledExecutionPlugin). Parsing and validating depend on the
 * text alone, so a later request with the same text may skip that pipeline: the HTTP layer admits it
 * (Admission) and runs the plan itself. It does so only for a request Apollo would take as it is: a
 * POST of `application/json`, or a GET that passes Apollo's CSRF prevention, with a query, an
 * operation name and variables and nothing else, whose `accept` Apollo has already answered (so its
 * content type is known). Anything else, and any answer with errors, goes through Apollo
 * (src/server/http.ts).
 */
export class KnownDocuments {
  private readonly documents = new Map<string, KnownDocument>();
  private readonly contentTypes = new Map<string, string>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** The plan of a query Apollo has resolved: kept, or compiled now; null when graphql-jit cannot compile it. */
  plan(query: string, operationName: string | null | undefined, document: DocumentNode, operation: OperationDefinitionNode): CompiledQuery | null {
    const key = documentKey(query, operationName);
    const kept = this.touch(key);
    if (kept) return kept.plan;
    const plan = compileQuery(this.schema, document, operationName ?? undefined);
    if (!isCompiledQuery(plan)) return null;
    if (this.documents.size >= MAX_DOCUMENTS) this.documents.delete(this.documents.keys().next().value!);
    this.documents.set(key, { document, operation, plan });
    return plan;
  }

  /** Apollo answered a request with this `accept` with this content type. */
  learnContentType(accept: string, contentType: string): void {
    if (this.contentTypes.has(accept) || this.contentTypes.size >= MAX_ACCEPTS) return;
    this.contentTypes.set(accept, contentType);
  }

  /**
   * The known document a request names, when the request may skip Apollo's pipeline: a POST's parsed
   * body, or a GET's query string read as one (`fromSearch`).
   */
  request(method: 'GET' | 'POST', body: unknown, headers: IncomingHttpHeaders): KnownRequest | null {
    if (!isRecord(body) || typeof body.query !== 'string') return null;
    const { operationName, variables } = body;
    if (operationName !== undefined && operationName !== null && !(typeof operationName === 'string' && NAME.test(operationName))) return null;
    if (variables !== undefined && variables !== null && !isRecord(variables)) return null;
    for (const field in body) if (!BODY_FIELDS.has(field)) return null;
    // What Apollo asks of a content type, and its CSRF prevention, as Apollo applied them before: a
    // POST of JSON, or a GET of JSON or with no content type but a header no cross-site form can send.
    const declared = headers['content-type']?.split(';')[0].trim().toLowerCase();
    if (declared !== undefined ? declared !== 'application/json' : method === 'POST' || !passesCsrfPrevention(method, headers)) return null;
    const contentType = this.contentTypes.get(headers.accept ?? '');
    if (contentType === undefined) return null;
    // Not moved up the list: a document read often but not passed to Apollo again for 500 others is
    // dropped and compiled once more, which costs less than reordering on every request.
    const known = this.documents.get(documentKey(body.query, operationName));
    return known ? { known, variables: variables ?? {}, contentType } : null;
  }

  /** The document kept under `key`, now the most recently used, so the oldest is the one dropped. */
  private touch(key: string): KnownDocument | undefined {
    const kept = this.documents.get(key);
    if (kept) {
      this.documents.delete(key);
      this.documents.set(key, kept);
    }
    return kept;
  }
}
