/**
 * npm run token -- --name "Jane Doe" --role editor   creates a token (partner, contributor, editor or admin); its secret is the last line of output.
 * npm run token -- --revoke "Jane Doe"               ends the token with that name.
 */
import { parseArgs } from 'node:util';
import { Role } from '../auth/viewer';
import { Refusal } from '../errors/errors';
import { TokenService } from '../modules/token/token.service';
import { runWithOrm } from './run';

const USAGE = 'usage: npm run token -- --name "<name>" --role partner|contributor|editor|admin   or   npm run token -- --revoke "<name>"';

runWithOrm(async (orm) => {
  const { values } = parseArgs({ options: { name: { type: 'string' }, role: { type: 'string' }, revoke: { type: 'string' } } });
  const tokens = new TokenService(orm.em.fork());
  if (values.revoke !== undefined) {
    if (!(await tokens.revoke(values.revoke))) throw new Error(`No live token is named "${values.revoke}".`);
    return `Revoked the token "${values.revoke}".`;
  }
  const role = values.role?.toUpperCase() as Role | undefined;
  if (values.name === undefined || role === undefined || !Object.values(Role).includes(role)) throw new Error(USAGE);
  try {
    const token = await tokens.create(values.name, role);
    return `Created a ${role} token named "${values.name.trim()}". Send it as "Authorization: Bearer <token>"; it is shown only this once:\n${token}`;
  } catch (error) {
    throw error instanceof Refusal ? new Error(error.message) : error;
  }
});
