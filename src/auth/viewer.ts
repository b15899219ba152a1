import { registerEnumType } from 'type-graphql';
import { forbidden, unauthenticated } from '../errors/errors';

export enum Role {
  /** A syndication partner or wire client: reads embargoed pieces before they lift, and nothing else unpublished. */
  PARTNER = 'PARTNER',
  CONTRIBUTOR = 'CONTRIBUTOR',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a token may do: partners read embargoed pieces before they lift; contributors draft, editors also publish and curate, admins also manage sections and tokens.',
});

/** Who is calling, from their API token; null for anonymous readers. */
export interface Viewer {
  tokenId: number;
  name: string;
  role: Role;
}

/** Each newsroom role may do everything the roles before it may; a partner is outside the newsroom. */
const RANK: Record<Role, number> = { [Role.PARTNER]: 0, [Role.CONTRIBUTOR]: 1, [Role.EDITOR]: 2, [Role.ADMIN]: 3 };

/** The newsroom (any token but a partner's) may see drafts and scheduled pieces. */
export function canPreview(viewer: Viewer | null): boolean {
  return viewer !== null && viewer.role !== Role.PARTNER;
}

/** Embargoed pieces before they lift: the newsroom's, and their partners'. */
export function readsEmbargoed(viewer: Viewer | null): boolean {
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
