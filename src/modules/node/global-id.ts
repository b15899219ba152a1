import { badUserInput } from '../../errors/errors';

/** The object types that answer to `node(id:)`. */
export const NODE_TYPES = ['Article', 'Section', 'Tag', 'Author', 'Quote', 'Image'] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

const DECODED = new RegExp(`^(${NODE_TYPES.join('|')}):([1-9][0-9]{0,15})$`);

/** Opaque and stable: base64url of "Type:databaseId", so ids survive renames and moves. */
export function toGlobalId(type: NodeTypeName, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Decodes an id this service gave out; anything else is a BAD_USER_INPUT naming the argument. */
export function fromGlobalId(globalId: string, argument = 'id'): { type: NodeTypeName; id: number } {
  const match = /^[A-Za-z0-9_-]{1,64}$/.test(globalId) ? DECODED.exec(Buffer.from(globalId, 'base64url').toString('utf8')) : null;
  if (!match) throw badUserInput(`"${argument}" is not an ID this service gave out.`, argument);
  return { type: match[1] as NodeTypeName, id: Number(match[2]) };
}

/** Decodes an id that must name one type, e.g. an Article for `articleId`. */
export function fromGlobalIdOf(type: NodeTypeName, globalId: string, argument = 'id'): number {
  const decoded = fromGlobalId(globalId, argument);
  if (decoded.type !== type) throw badUserInput(`"${argument}" must be the ID of ${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}, not of a ${decoded.type}.`, argument);
  return decoded.id;
}
