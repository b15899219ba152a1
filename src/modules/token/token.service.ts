import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { Role, type Viewer } from '../../auth/viewer';
import { duplicate, invalid, Refusal } from '../../errors/errors';
import { ApiToken } from './token.entity';

/** Hex SHA-256: tokens carry 256 random bits, so a plain hash is enough (no salt or slow hash needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Creating, revoking and recognising API tokens; shared by the server, the CLI and the tests. */
export class TokenService {
  constructor(private readonly em: EntityManager) {}

  /** Creates a token and returns its secret, which is never stored and cannot be shown again. */
  async create(name: string, role: Role): Promise<string> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 120) throw new Refusal([invalid(['name'], 'A token needs a name of 1 to 120 characters.')]);
    if (!Object.values(Role).includes(role)) throw new Refusal([invalid(['role'], `The role must be one of ${Object.values(Role).join(', ')}.`)]);
    const em = this.em.fork();
    if (await em.count(ApiToken, { name: trimmed })) throw new Refusal([duplicate(['name'], `A token named "${trimmed}" exists already.`)]);
    const token = `mh_${randomBytes(32).toString('base64url')}`;
    em.create(ApiToken, { name: trimmed, role, hash: hashToken(token) });
    await em.flush();
    return token;
  }

  /** Ends a token for good; false when no live token has that name. */
  async revoke(name: string): Promise<boolean> {
    const em = this.em.fork();
    const token = await em.findOne(ApiToken, { name: name.trim(), revokedAt: null });
    if (!token) return false;
    token.revokedAt = new Date();
    await em.flush();
    return true;
  }

  /** The caller a live token stands for, or null for an unknown or revoked one. */
  async viewerFor(token: string): Promise<Viewer | null> {
    const found = await this.em.fork().findOne(ApiToken, { hash: hashToken(token), revokedAt: null });
    return found ? { tokenId: found.id, name: found.name, role: found.role } : null;
  }
}
