import { badUserInput, notFound, type Problems } from '../../errors/errors';

/** The object types that answer to `node(id:)`. */
export const NODE_TYPES = ['Article', 'Section', 'Tag', 'Author', 'Quote', 'Image', 'LiveblogEntry'] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

/** Row ids are PostgreSQL `integer`s: a well-formed ID beyond this names nothing that can exist. */
export const MAX_ID = 2_147_483_647;

const DECODED = new RegExp(`^(${NODE_TYPES.join('|')}):([1-9][0-9]{0,15})$`);

function decode(globalId: string): RegExpExecArray | null {
  return /^[A-Za-z0-9_-]{1,64}$/.test(globalId) ? DECODED.exec(Buffer.from(globalId, 'base64url').toString('utf8')) : null;
}

/** Opaque and stable: base64url of "Type:databaseId", so ids survive renames and moves. */
export function toGlobalId(type: NodeTypeName, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** The database id of a decoded ID, or null when it is beyond any id a row can have. */
function storedId(digits: string): number | null {
  const id = Number(digits);
  return id <= MAX_ID ? id : null;
}

/**
 * Decodes an id this service gave out; anything else is a BAD_USER_INPUT naming the argument. `id` is
 * null for a well-formed ID beyond any stored id: like any other unknown ID, it names nothing.
 */
export function fromGlobalId(globalId: string, argument = 'id'): { type: NodeTypeName; id: number | null } {
  const match = decode(globalId);
  if (!match) throw badUserInput(`"${argument}" is not an ID this service gave out.`, argument);
  return { type: match[1] as NodeTypeName, id: storedId(match[2]) };
}

/** Decodes an id that must name one type, e.g. an Article for `articleId`; null when it names nothing that can exist. */
export function fromGlobalIdOf(type: NodeTypeName, globalId: string, argument = 'id'): number | null {
  const decoded = fromGlobalId(globalId, argument);
  if (decoded.type !== type) throw badUserInput(`"${argument}" must be the ID of ${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}, not of a ${decoded.type}.`, argument);
  return decoded.id;
}

/** Decodes an id that must name one type; null for anything else (mutations answer that as a user error). */
export function tryGlobalIdOf(type: NodeTypeName, globalId: string): number | null {
  const match = decode(globalId);
  return match && match[1] === type ? storedId(match[2]) : null;
}

/** A mutation input's ID of one type, or null with a NOT_FOUND problem at `field` when it is not one. */
export function inputIdOf(type: NodeTypeName, globalId: string, field: (string | number)[], problems: Problems): number | null {
  const id = tryGlobalIdOf(type, globalId);
  if (id === null) problems.add(notFound(field.map(String), `No ${type.toLowerCase()} has this ID.`));
  return id;
}
