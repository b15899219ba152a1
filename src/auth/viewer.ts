import { registerEnumType } from 'type-graphql';

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

/** Anyone with a token works in the newsroom and may see drafts and scheduled pieces. */
export function canPreview(viewer: Viewer | null): boolean {
  return viewer !== null;
}
