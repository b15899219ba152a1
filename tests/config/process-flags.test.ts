import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// V8 sizes its young generation as the process starts, so that setting is a Node flag of the start
// command rather than a setting the service reads (README, "Configuration"). npm start and the
// image's CMD must start the service alike, and the benchmark reads its flags from npm start.
const root = path.resolve(__dirname, '../..');
const start = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
const cmd = /^CMD (\[.*\])$/m.exec(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8'))?.[1];

describe('the Node flags the service starts with', () => {
  const startFlags = /\bnode ((?:--\S+ )*)dist\/src\/main\.js/.exec(start)?.[1].trim().split(' ') ?? [];

  it('give uncached reads a 32 MB young generation (semi-space), with npm start and in the image alike', () => {
    expect(startFlags).toEqual(['--max-semi-space-size=32']);
    expect(JSON.parse(cmd!)).toEqual(['node', ...startFlags, 'dist/src/main.js']);
  });

  it('are flags this Node takes, and size the young generation so', () => {
    const probe = 'let keep = []; for (let i = 0; i < 3e6; i++) { keep.push({ i }); if (keep.length > 3e5) keep = []; } console.log(require("v8").getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size)';
    const size = (flags: string[]) => Number(execFileSync(process.execPath, [...flags, '-e', probe], { encoding: 'utf8' }));
    expect(size(startFlags)).toBeGreaterThan(size([]));
  });
});
