/**
 * The driver floor: the least an uncached front can cost a Node server that brings its rows back
 * through node-postgres. For each request it reads and parses the body, takes a pooled connection,
 * sends the front's own statements (bench/run.ts passes the trace of one front) with their values,
 * prepared, in the same pipelined waves and the same driver settings as the service (rows as arrays,
 * timestamps left as text, pipeline mode, each wave in one write), then answers the front's bytes
 * unchanged. Everything the service does beyond it (GraphQL execution, row objects, loaders, the
 * answer's JSON, protection, logs) is what separates the two.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import type { TracedStatement } from '../src/database/orm';
interface PgClient {
  query(config: { name: string; text: string; values: unknown[]; rowMode: 'array' }): Promise<{ rows: unknown[][] }>;
  release(): void;
  connection: { stream: Socket };
}
interface PgModule {
  Pool: new (config: Record<string, unknown>) => { connect(): Promise<PgClient> };
  TypeOverrides: new () => { setTypeParser(oid: number, parse: (text: string) => unknown): void };
}

const [statementsFile, answerFile, headersFile, port, databaseUrl, poolSize, plannerOptions] = process.argv.slice(2);
// The service's driver: knex loads the project's `pg`, as this does.
const pg = require('pg') as PgModule;
const body = fs.readFileSync(answerFile);
const headers: string[] = JSON.parse(fs.readFileSync(headersFile, 'utf8'));
headers.push('content-length', String(body.length));
const statements: TracedStatement[] = JSON.parse(fs.readFileSync(statementsFile, 'utf8'));
const waves = [...new Set(statements.map((statement) => statement.turn))].map((turn) =>
  statements.filter((statement) => statement.turn === turn).map(({ sql, values }, index) => ({ name: `floor_${turn}_${index}`, text: sql, values, rowMode: 'array' as const })),
);
// MikroORM's connection leaves dates and timestamps as text; so does this one.
const types = new pg.TypeOverrides();
for (const oid of [1082, 1114, 1184, 1186]) types.setTypeParser(oid, (text) => text);
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(poolSize), pipeline: true, keepAlive: true, types, options: plannerOptions });

async function front(): Promise<void> {
  const client = await pool.connect();
  try {
    for (const wave of waves) {
      // One write per wave, as SqlReader's waves cork the socket for a turn of the event loop.
      const stream = client.connection.stream;
      stream.cork();
      const answers = wave.map((query) => client.query(query));
      process.nextTick(() => stream.uncork());
      await Promise.all(answers);
    }
  } finally {
    client.release();
  }
}

http
  .createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      front().then(
        () => {
          res.writeHead(200, headers);
          res.end(body);
        },
        (error: Error) => {
          res.writeHead(500).end(error.message);
        },
      );
    });
  })
  .listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
