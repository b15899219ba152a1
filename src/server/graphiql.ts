import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { projectRoot } from '../config/paths';

/**
 * GraphiQL served from the project's own packages (this network reaches no CDN): graphiql 3's browser
 * bundle on React 18's UMD builds, with the contract's operations as ready-made tabs.
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript; charset=utf-8' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
  'graphql-ws.js': { pkg: 'graphql-ws', file: 'umd/graphql-ws.min.js', type: 'text/javascript; charset=utf-8' },
};

function exampleTabs(): { query: string; variables?: string }[] {
  const folder = path.join(projectRoot(), 'schema', 'operations');
  const variables: Record<string, string> = {
    'ArticlePage.graphql': '{ "path": "/world/asia/kim-jong-un-opens-saeppyol-street-homes" }',
    'SectionFront.graphql': '{ "path": "world", "first": 5 }',
    'QuotesBySpeaker.graphql': '{ "speaker": "kim-jong-un" }',
    'Search.graphql': '{ "query": "Saeppyol" }',
  };
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .sort((a, b) => (a === 'ArticlePage.graphql' ? -1 : b === 'ArticlePage.graphql' ? 1 : a.localeCompare(b)))
    .map((file) => ({ query: fs.readFileSync(path.join(folder, file), 'utf8'), variables: variables[file] }));
}

function page(endpoint: string): string {
  // JSON in a <script> must not be able to close the tag.
  const tabs = JSON.stringify(exampleTabs()).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Masthead · GraphiQL</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/graphiql/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script src="/graphiql/graphql-ws.js"></script>
  <script>
    // Subscriptions go over the WebSocket on the same path (graphql-transport-ws); queries over HTTP.
    const wsClient = graphqlWs.createClient({ url: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + ${JSON.stringify(endpoint)}, lazy: true });
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)}, wsClient });
    const tabs = ${tabs};
    // GraphiQL 3 fills the first tab's variable editor from props or storage, never from defaultTabs:
    // on a first visit (nothing stored yet) hand it those variables so ArticlePage runs as it is.
    const firstVisit = localStorage.getItem('graphiql:tabState') === null;
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultTabs: tabs,
        ...(firstVisit && tabs.length ? { variables: tabs[0].variables } : {}),
        defaultEditorToolsVisibility: true,
        shouldPersistHeaders: true,
      })
    );
  </script>
</body>
</html>`;
}

/** A browser opening /graphql asks for HTML and sends no query: it gets GraphiQL. */
export function wantsGraphiQL(req: IncomingMessage, url: URL): boolean {
  return req.method === 'GET' && !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html');
}

export function sendGraphiQL(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  res.end(page('/graphql'));
}

/** Serves /graphiql/<asset>; returns false for any other path. */
export function sendGraphiQLAsset(url: URL, res: ServerResponse): boolean {
  const asset = url.pathname.startsWith('/graphiql/') ? ASSETS[url.pathname.slice('/graphiql/'.length)] : undefined;
  if (!asset) return false;
  // React's `exports` map hides umd/, so find each package by its package.json (always exported).
  const file = path.join(path.dirname(require.resolve(`${asset.pkg}/package.json`, { paths: [projectRoot()] })), asset.file);
  res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' });
  fs.createReadStream(file).pipe(res);
  return true;
}
