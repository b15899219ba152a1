import { GraphQLClient } from 'graphql-request';
import { Role } from '../../src/auth/viewer';
import { TokenService } from '../../src/modules/token/token.service';
import type { TestApp } from './app';

export interface Newsroom {
  anonymous: GraphQLClient;
  contributor: GraphQLClient;
  editor: GraphQLClient;
  admin: GraphQLClient;
}

/** A client that sends `token` as its bearer token. */
export function clientWithToken(t: TestApp, token: string): GraphQLClient {
  return new GraphQLClient(t.url, { headers: { authorization: `Bearer ${token}` } });
}

/** One client per role, with tokens made the way the CLI makes them. */
export async function newsroom(t: TestApp): Promise<Newsroom> {
  const tokens = new TokenService(t.app.orm.em.fork());
  const client = async (role: Role) => clientWithToken(t, await tokens.create(`Test ${role.toLowerCase()}`, role));
  return {
    anonymous: t.client,
    contributor: await client(Role.CONTRIBUTOR),
    editor: await client(Role.EDITOR),
    admin: await client(Role.ADMIN),
  };
}

/** Every row of every table the service owns, as text: equal before and after means nothing changed. */
export async function databaseRows(t: TestApp): Promise<Record<string, string>> {
  const connection = t.app.orm.em.getConnection();
  const tables = Object.values(t.app.orm.getMetadata().getAll()).map((meta) => meta.tableName).sort();
  const rows: Record<string, string> = {};
  for (const table of tables) rows[table] = JSON.stringify(await connection.execute(`select * from ${table} order by 1, 2`));
  return rows;
}
