import type { EntityManager } from '@mikro-orm/knex';
import { invalidToken } from '../errors/errors';
import { TokenService } from '../modules/token/token.service';
import type { Viewer } from './viewer';

/**
 * Turns a request's Authorization header into its viewer, once per request: no header is an
 * anonymous reader; a header that names no live token fails the whole request as UNAUTHENTICATED
 * (falling back to anonymous would hide a CMS's broken configuration behind empty previews).
 */
export async function authenticate(em: EntityManager, authorization: string | undefined): Promise<Viewer | null> {
  if (authorization === undefined || authorization.trim() === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
  const viewer = match ? await new TokenService(em.fork()).viewerFor(match[1]) : null;
  if (!viewer) throw invalidToken();
  return viewer;
}
