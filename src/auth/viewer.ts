import { registerEnumType } from 'type-graphql';
import { forbidden, unauthenticated } from '../errors/errors';

export enum Role {
  CONTRIBUTOR = 'CONTRIBUTOR',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a token may do: contributors draft, editors also publish and curate, admins also manage sections and tokens.',
});

/** Who is calling, from their API token; null for anonymous readers. */
export interface Viewer {
  tokenId: number;
  name: string;
  role: Role;
}

/** Each role may do everything the roles before it may. */
const RANK: Record<Role, number> = { [Role.CONTRIBUTOR]: 1, [Role.EDITOR]: 2, [Role.ADMIN]: 3 };

/** Anyone with a token works in the newsroom and may see drafts and scheduled pieces. */
export function canPreview(viewer: Viewer | null): boolean {
  return viewer !== null;
}

export function hasRole(viewer: Viewer | null, role: Role): boolean {
  return viewer !== null && RANK[viewer.role] >= RANK[role];
}

/** The caller, if their token allows `action`: UNAUTHENTICATED without a token, FORBIDDEN with too low a role. */
export function requireRole(viewer: Viewer | null, role: Role, action: string): Viewer {
  if (!viewer) throw unauthenticated(`${action} needs a token with the ${role} role or higher: send it as "Authorization: Bearer <token>".`);
  if (!hasRole(viewer, role)) throw forbidden(`${action} needs the ${role} role or higher; the token "${viewer.name}" is ${viewer.role}.`);
  return viewer;
}
