/**
 * Every error the API reports comes from these factories, so codes stay stable and messages never
 * carry stack traces, SQL or secrets. GraphQL errors are for malformed requests and auth; business
 * rules answer with `UserError`s inside mutation payloads.
 */
import { HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  MAX_DEPTH_EXCEEDED: 'MAX_DEPTH_EXCEEDED',
  MAX_ALIASES_EXCEEDED: 'MAX_ALIASES_EXCEEDED',
  MAX_DIRECTIVES_EXCEEDED: 'MAX_DIRECTIVES_EXCEEDED',
  MAX_TOKENS_EXCEEDED: 'MAX_TOKENS_EXCEEDED',
  MAX_COST_EXCEEDED: 'MAX_COST_EXCEEDED',
  RATE_LIMITED: 'RATE_LIMITED',
  OVERLOADED: 'OVERLOADED',
  DEADLINE_EXCEEDED: 'DEADLINE_EXCEEDED',
  RESYNC_REQUIRED: 'RESYNC_REQUIRED',
} as const;

/** Codes that the service sets itself or that Apollo Server sets for malformed requests. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** An argument the caller sent cannot be used; `argument` names it for the front-end developer. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) },
  });
}

/** A sync cursor the feed no longer reaches back to: the app reads afresh and starts again. */
export function resyncRequired(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.RESYNC_REQUIRED, argument: 'since' } });
}

/** A subscription sent over HTTP, or a query or mutation sent over the WebSocket: each has its own way in. */
export function wrongTransport(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

/** Text holding NUL or half a surrogate pair, which no database stores: refused before anything runs. */
export function unstorableText(): GraphQLError {
  return new GraphQLError('The request holds text that cannot be stored: a NUL character, or half of a UTF-16 surrogate pair.', {
    extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
  });
}

export function unauthenticated(message = 'A valid API token is required: send it as "Authorization: Bearer <token>".'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

/** The request's token is unknown or revoked: refused before anything runs, with HTTP 401. */
export function invalidToken(): GraphQLError {
  return new GraphQLError('The API token is not valid: it is unknown, mistyped or revoked.', {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
  });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

export function serviceUnavailable(): GraphQLError {
  return new GraphQLError('The content database cannot be reached right now; try again shortly.', {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503, headers: retryAfter(1) } },
  });
}

/** The query limits, by the name the README and the error's `extensions.limit` give them. */
export type QueryLimitName = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost';

const LIMIT_CODES: Record<QueryLimitName, string> = {
  depth: ErrorCode.MAX_DEPTH_EXCEEDED,
  aliases: ErrorCode.MAX_ALIASES_EXCEEDED,
  directives: ErrorCode.MAX_DIRECTIVES_EXCEEDED,
  tokens: ErrorCode.MAX_TOKENS_EXCEEDED,
  cost: ErrorCode.MAX_COST_EXCEEDED,
};

const LIMIT_WORDS: Record<QueryLimitName, string> = {
  depth: 'is nested %found levels deep',
  aliases: 'uses %found aliases',
  directives: 'uses %found directives',
  tokens: 'has %found tokens',
  cost: 'may return %found objects (its cost)',
};

/** A query over one of the limits: refused before anything runs, naming the limit, its value and what the query asked for. */
export function queryLimitExceeded(limit: QueryLimitName, max: number, found: number): GraphQLError {
  return new GraphQLError(`The query ${LIMIT_WORDS[limit].replace('%found', String(found))}; the limit is ${max}. Ask for less, or split it into several queries.`, {
    extensions: { code: LIMIT_CODES[limit], limit, max, found, http: { status: 400 } },
  });
}

/** Every code a query limit answers with. */
export const QUERY_LIMIT_CODES = new Set(Object.values(LIMIT_CODES));

/**
 * A client that spent its budget of points; `retryAfterSeconds` is when it refills. As a plain
 * answer, for refusals made before a request is read: a flood of them must cost next to nothing, and
 * a GraphQLError captures a stack trace.
 */
export function rateLimitedAnswer(retryAfterSeconds: number, budget: number, windowSeconds: number) {
  return {
    message: `Too many requests: this client spent its ${budget} points for ${windowSeconds} s. Try again in ${retryAfterSeconds} s.`,
    extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds },
  };
}

/** The same refusal as an error, for Apollo (429, with `headers`). */
export function rateLimited(retryAfterSeconds: number, budget: number, windowSeconds: number, headers: [string, string][]): GraphQLError {
  const { message, extensions } = rateLimitedAnswer(retryAfterSeconds, budget, windowSeconds);
  return new GraphQLError(message, { extensions: { ...extensions, http: { status: 429, headers: new HeaderMap([...retryAfter(retryAfterSeconds), ...headers]) } } });
}

/** The process is too busy for work the cache cannot answer; cached answers still flow. */
export function overloaded(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError('The service is too busy to answer this request now; try again shortly.', {
    extensions: { code: ErrorCode.OVERLOADED, retryAfterSeconds, http: { status: 503, headers: retryAfter(retryAfterSeconds) } },
  });
}

/** A request still running at its deadline: it sends no more SQL and is answered with this. */
export function deadlineExceeded(deadlineMs: number): GraphQLError {
  return new GraphQLError(`The request did not finish within its ${deadlineMs / 1000} s deadline and was stopped; ask for less, or try again shortly.`, {
    extensions: { code: ErrorCode.DEADLINE_EXCEEDED, deadlineMs, http: { status: 503, headers: retryAfter(1) } },
  });
}

function retryAfter(seconds: number): HeaderMap {
  return new HeaderMap([['retry-after', String(seconds)]]);
}

/**
 * Messages of a database that went away. "Transaction query already complete" is how knex reports a
 * BEGIN that met a dropped connection (knex/knex#4709): it hands back a finished transaction, and the
 * first statement in it fails so. A missing column or table is a bug, not an outage: only a missing
 * database counts.
 */
const CONNECTION_FAILURE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|Connection terminated|terminating connection|connection.*(closed|ended)|Client has encountered a connection error|database system is (starting|shutting) up|database "[^"]*" does not exist|SQLITE_(CANTOPEN|BUSY|IOERR)|Knex: Timeout acquiring a connection|Transaction query already complete/i;

/** Is this the database going away (as opposed to a bug)? Such errors heal when it comes back. */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^(ECONN|57P0|08)/.test(code)) return true;
  return CONNECTION_FAILURE.test(error.message) || (error.cause !== undefined && isConnectionFailure(error.cause));
}

/** An error Apollo raised itself about a malformed request: no cause, no code, an HTTP 4xx status. */
function isApolloRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.originalError || error.extensions?.code !== undefined) return false;
  const status = (error.extensions?.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Is this an error the service reports as it is (a known code), rather than a bug to mask? */
export function isPublicError(error: unknown): boolean {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) return true;
  if (isApolloRequestError(error)) return true;
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  return isConnectionFailure(original);
}

/**
 * Apollo's formatError hook: known codes pass through; a lost database becomes SERVICE_UNAVAILABLE;
 * anything else is a bug, reported as a bare INTERNAL_SERVER_ERROR (the request id joins it on the way
 * out, and the detail goes to the log: src/server/protection-plugin.ts). With `hideSuggestions`
 * (introspection off), "Did you mean …" hints that would spell out the schema are cut.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, options: { hideSuggestions: boolean }): GraphQLFormattedError {
  // Apollo labels every error without a code INTERNAL_SERVER_ERROR before this hook runs: trust
  // only a code the error itself carries, so an unexpected error never shows its raw text.
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    const message = options.hideSuggestions ? formatted.message.replace(/\s*Did you mean .*\?$/s, '') : formatted.message;
    return { ...formatted, message, extensions };
  }
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (isConnectionFailure(original)) {
    return { message: serviceUnavailable().message, path: formatted.path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  // Apollo's own refusals of a malformed request (a persisted query's wrong version or hash) carry an
  // HTTP 4xx but no code: they describe the request, not the service, and are told as they are.
  if (isApolloRequestError(error)) return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  return {
    message: 'Something went wrong on our side; the error has been logged.',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** What went wrong with a mutation's input, in the contract's words. */
export enum UserErrorCode {
  INVALID = 'INVALID',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  DUPLICATE = 'DUPLICATE',
}

/** A business-rule refusal, answered inside the mutation's payload. */
export interface UserErrorValue {
  field: string[] | null;
  message: string;
  code: UserErrorCode;
}

/** `field` is the path to the input at fault, e.g. ['input', 'slug']. */
export function invalid(field: string[] | null, message: string): UserErrorValue {
  return { field, message, code: UserErrorCode.INVALID };
}

export function notFound(field: string[] | null, message: string): UserErrorValue {
  return { field, message, code: UserErrorCode.NOT_FOUND };
}

export function conflict(field: string[] | null, message: string): UserErrorValue {
  return { field, message, code: UserErrorCode.CONFLICT };
}

export function duplicate(field: string[] | null, message: string): UserErrorValue {
  return { field, message, code: UserErrorCode.DUPLICATE };
}

/** Thrown inside a mutation's transaction: rolls the whole mutation back and becomes its userErrors. */
export class Refusal extends Error {
  constructor(readonly userErrors: UserErrorValue[]) {
    super(userErrors.map((error) => error.message).join(' '));
    this.name = 'Refusal';
  }
}

/** Gathers every problem with an input, so the caller learns them all at once. */
export class Problems {
  readonly list: UserErrorValue[] = [];

  add(error: UserErrorValue): void {
    this.list.push(error);
  }

  /** Trimmed text of at most `max` characters; null when optional and left out or blank. */
  text(field: string[], value: string | null | undefined, max: number, required: boolean): string | null {
    const text = value?.trim() || null;
    if (text === null ? required : text.length > max) {
      const name = field[field.length - 1];
      this.add(invalid(field, required ? `"${name}" needs 1 to ${max} characters.` : `"${name}" takes at most ${max} characters.`));
    }
    return text;
  }

  /** Refuses with everything gathered so far, if anything was. */
  check(): void {
    if (this.list.length) throw new Refusal(this.list);
  }
}
