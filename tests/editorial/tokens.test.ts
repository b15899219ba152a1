import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/viewer';
import { TokenService } from '../../src/modules/token/token.service';
import { CurrentViewerDocument, DeskApiTokensDocument, DeskCreateApiTokenDocument, DeskRevokeApiTokenDocument } from '../generated/graphql';
import { expectGraphQLError, startTestApp, type TestApp } from '../support/app';
import { onPostgres } from '../support/database';
import { clientWithToken } from '../support/newsroom';

let t: TestApp;
let tokens: TokenService;
beforeAll(async () => {
  t = await startTestApp();
  tokens = new TokenService(t.app.orm.em.fork());
});
afterAll(() => t?.close());

describe('API tokens', () => {
  it('viewer names the caller; no token is an anonymous reader', async () => {
    const token = await tokens.create('Jane Doe', Role.EDITOR);
    expect((await clientWithToken(t, token).request(CurrentViewerDocument)).viewer).toEqual({ name: 'Jane Doe', role: 'EDITOR' });
    expect((await t.client.request(CurrentViewerDocument)).viewer).toBeNull();
  });

  it('stores only a hash', async () => {
    const token = await tokens.create('Hash check', Role.CONTRIBUTOR);
    const rows = await t.app.orm.em.getConnection().execute("select * from api_token where name = 'Hash check'");
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a wrong, malformed or revoked token is UNAUTHENTICATED', async () => {
    const token = await tokens.create('Soon gone', Role.ADMIN);
    await expectGraphQLError(clientWithToken(t, `${token}x`), CurrentViewerDocument, {}, 'UNAUTHENTICATED');
    await expectGraphQLError(new GraphQLClient(t.url, { headers: { authorization: 'Basic abc' } }), CurrentViewerDocument, {}, 'UNAUTHENTICATED');
    expect(await tokens.revoke('Soon gone')).not.toBeNull();
    await expectGraphQLError(clientWithToken(t, token), CurrentViewerDocument, {}, 'UNAUTHENTICATED');
    expect(await tokens.revoke('Soon gone')).toBeNull();
  });

  it('admins issue, list and revoke tokens through the API; secrets are shown once and never listed', async () => {
    const admin = clientWithToken(t, await tokens.create('Chief admin', Role.ADMIN));
    const { createApiToken } = await admin.request(DeskCreateApiTokenDocument, { input: { name: 'CMS staging', role: 'CONTRIBUTOR' } });
    expect(createApiToken).toMatchObject({ apiToken: { name: 'CMS staging', role: 'CONTRIBUTOR', revokedAt: null }, userErrors: [] });
    const secret = createApiToken.secret!;
    expect((await clientWithToken(t, secret).request(CurrentViewerDocument)).viewer).toEqual({ name: 'CMS staging', role: 'CONTRIBUTOR' });
    const again = await admin.request(DeskCreateApiTokenDocument, { input: { name: 'CMS staging', role: 'EDITOR' } });
    expect(again.createApiToken.userErrors.map((e) => [e.code, e.field])).toEqual([['DUPLICATE', ['input', 'name']]]);
    const { apiTokens } = await admin.request(DeskApiTokensDocument);
    expect(apiTokens.map((token) => token.name)).toContain('CMS staging');
    expect(JSON.stringify(apiTokens)).not.toContain(secret);
    const { revokeApiToken } = await admin.request(DeskRevokeApiTokenDocument, { name: 'CMS staging' });
    expect(revokeApiToken.apiToken?.revokedAt).toBeTruthy();
    await expectGraphQLError(clientWithToken(t, secret), CurrentViewerDocument, {}, 'UNAUTHENTICATED');
    expect((await admin.request(DeskRevokeApiTokenDocument, { name: 'CMS staging' })).revokeApiToken.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('a fresh demo database comes with an editor token', () => {
    expect(t.app.prepared.demoToken).toMatch(/^mh_/);
  });
});

describe.skipIf(onPostgres)('npm run token', () => {
  const root = path.resolve(__dirname, '../..');
  const run = (database: string, ...args: string[]) =>
    execFileSync(process.execPath, ['dist/src/cli/token.js', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: `sqlite:${database}` }, encoding: 'utf8' });

  it('prints the token alone on the last line, and --revoke ends it', async () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-token-'));
    const database = path.join(folder, 'cli.sqlite');
    execFileSync(process.execPath, ['dist/src/cli/migrate.js'], { cwd: root, env: { ...process.env, DATABASE_URL: `sqlite:${database}` } });
    const output = run(database, '--name', 'CMS production', '--role', 'editor');
    const lines = output.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^mh_[A-Za-z0-9_-]{43}$/);
    expect(run(database, '--revoke', 'CMS production')).toContain('Revoked');
    fs.rmSync(folder, { recursive: true, force: true });
  }, 60_000);
});
