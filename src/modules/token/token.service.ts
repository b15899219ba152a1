import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import type { RequestContext, WriteResult } from '../../request';
import { requireRole, Role, type Viewer } from '../../auth/viewer';
import { duplicate, invalid, notFound, Problems, Refusal } from '../../errors/errors';
import { ApiToken } from './token.entity';
import type { ApiTokenRow } from './token.type';

/** Hex SHA-256: tokens carry 256 random bits, so a plain hash is enough (no salt or slow hash needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Creating, revoking and recognising API tokens on an EntityManager: the CLI's fork, the tests', or
 * a mutation's transaction (TokenAdmin). Refusals name the input field as the mutations do.
 */
export class TokenService {
  constructor(private readonly em: EntityManager) {}

  /** Creates a token and returns it with its secret, which is never stored and cannot be shown again. */
  async issue(name: string, role: Role): Promise<{ token: ApiToken; secret: string }> {
    const problems = new Problems();
    const trimmed = problems.text(['input', 'name'], name, 120, true);
    if (!Object.values(Role).includes(role)) problems.add(invalid(['input', 'role'], `The role must be one of ${Object.values(Role).join(', ')}.`));
    problems.check();
    if (await this.em.count(ApiToken, { name: trimmed! })) throw new Refusal([duplicate(['input', 'name'], `A token named "${trimmed}" exists already.`)]);
    const secret = `mh_${randomBytes(32).toString('base64url')}`;
    const token = this.em.create(ApiToken, { name: trimmed!, role, hash: hashToken(secret) });
    await this.em.flush();
    return { token, secret };
  }

  /** Creates a token and returns only its secret (the CLI and the tests). */
  async create(name: string, role: Role): Promise<string> {
    return (await this.issue(name, role)).secret;
  }

  /** Ends a token for good; null when no live token has that name. */
  async revoke(name: string): Promise<ApiToken | null> {
    const token = await this.em.findOne(ApiToken, { name: name.trim(), revokedAt: null });
    if (!token) return null;
    token.revokedAt = new Date();
    await this.em.flush();
    return token;
  }

  /** The caller a live token stands for, or null for an unknown or revoked one. */
  async viewerFor(token: string): Promise<Viewer | null> {
    const found = await this.em.findOne(ApiToken, { hash: hashToken(token), revokedAt: null });
    return found ? { tokenId: found.id, name: found.name, role: found.role } : null;
  }
}

function toRow(token: ApiToken): ApiTokenRow {
  return { id: token.id, name: token.name, role: token.role, createdAt: token.createdAt, revokedAt: token.revokedAt ?? null };
}

/** Admins manage tokens through the API too; each change is one audited transaction like any mutation. */
export class TokenAdmin {
  constructor(private readonly context: RequestContext) {}

  issue(name: string, role: Role): Promise<WriteResult<{ row: ApiTokenRow; secret: string }>> {
    return this.context.write('createApiToken', Role.ADMIN, async (tx) => {
      const { token, secret } = await new TokenService(tx).issue(name, role);
      return { value: { row: toRow(token), secret }, subject: { type: 'ApiToken', id: token.id } };
    });
  }

  revoke(name: string): Promise<WriteResult<{ row: ApiTokenRow; secret: null }>> {
    return this.context.write('revokeApiToken', Role.ADMIN, async (tx) => {
      const token = await new TokenService(tx).revoke(name);
      if (!token) throw new Refusal([notFound(['name'], `No live token is named "${name.trim()}".`)]);
      return { value: { row: toRow(token), secret: null }, subject: { type: 'ApiToken', id: token.id } };
    });
  }

  /** Every token, live and revoked, newest first; never their secrets, which are not kept. */
  async list(): Promise<ApiTokenRow[]> {
    requireRole(this.context.viewer, Role.ADMIN, 'apiTokens');
    const tokens = await this.context.em.find(ApiToken, {}, { orderBy: { id: 'desc' } });
    return tokens.map(toRow);
  }
}
