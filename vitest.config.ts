import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // esbuild (Vitest's default transform) drops decorator metadata, which type-graphql and MikroORM need.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    // One graphql instance for our code and for type-graphql/graphql-request, as under Node itself.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
