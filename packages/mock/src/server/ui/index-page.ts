// GET / and GET /__mock/: what this server is and where everything is, as JSON (curl, programs,
// `Accept: application/json`) or as a page (a browser, `Accept: text/html`). It names routes and
// links only (relative ones for this server, the repository's for the docs): no credential, no
// state, nothing fetched or run, so it is served to anyone, without the control token or a session.
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { DOCS_LINKS } from '../../docs-links.js';
import { sendError, sendJson, sendText } from '../wire/respond.js';

export const INDEX_PATHS: ReadonlySet<string> = new Set(['/', '/__mock', '/__mock/']);

export interface IndexFacts {
  version: string;
  /** Every operation served, as GET /__mock/operations lists them. */
  operations: ReadonlyArray<{ family: string; operation_id: string; method: string; path: string }>;
  /** "langwatch/virtual-keys", …: the control plane's entity routes. */
  entities: readonly string[];
  requireSession: boolean;
  controlToken: boolean;
}

const CONTROL_PLANE: ReadonlyArray<[string, string, string]> = [
  ['GET', '/__mock/health', 'liveness: {"ok":true}'],
  ['GET', '/__mock/credentials', "the credentials of the world the request names (the default one, or its session's)"],
  ['POST', '/__mock/reset', 'back to the startup state: same ids and credentials'],
  ['GET, POST', '/__mock/clock', 'read, advance, set, freeze the mock clock ({"advance_ms": 60000})'],
  ['GET', '/__mock/requests', 'the journal, credentials redacted'],
  ['GET, POST, DELETE', '/__mock/faults', 'injected faults: list, queue one, clear'],
  ['GET', '/__mock/operations', 'every operation, as faults and the journal name it'],
  ['GET', '/__mock/sessions', 'the sessions (DELETE /__mock/sessions/{id} ends one)'],
];

export function indexDocument(facts: IndexFacts) {
  return {
    name: 'revokit-mock',
    version: facts.version,
    dashboard: '/__mock/ui',
    docs: { server: DOCS_LINKS.server, recipes: DOCS_LINKS.recipes, troubleshooting: DOCS_LINKS.troubleshooting, index: DOCS_LINKS.index },
    apis: facts.operations,
    control_plane: [
      ...CONTROL_PLANE.map(([method, path, does]) => ({ method, path, does })),
      ...facts.entities.map((entity) => ({ method: 'GET, POST', path: `/__mock/${entity}`, does: `list or create ${entity.split('/')[1]}` })),
    ],
    sessions: {
      header: 'X-Revokit-Session',
      path_prefix: '/__session/{id}/',
      required: facts.requireSession,
    },
    control_token_required: facts.controlToken,
  };
}

const STYLE = 'body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code,td{font-family:ui-monospace,monospace;font-size:13px}table{border-collapse:collapse}td,th{padding:2px 12px 2px 0;text-align:left;vertical-align:top}';
/** Only the page's own inline style; no script, no request anywhere. */
const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const rows = (cells: string[][]) => cells.map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`).join('\n');

export function indexHtml(facts: IndexFacts): string {
  const doc = indexDocument(facts);
  const link = (href: string, text: string) => `<a href="${escape(href)}">${escape(text)}</a>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>revokit-mock ${escape(doc.version)}</title><style>${STYLE}</style></head>
<body>
<h1>revokit-mock ${escape(doc.version)}</h1>
<p>Stateful mocks of the LangWatch and Vine key-lifecycle APIs on this one URL, a control plane under <code>/__mock/</code>, and ${link(doc.dashboard, 'the dashboard')}.
This page holds no credential: <code>GET /__mock/credentials</code> and the server's banner give them.${facts.controlToken ? ' The control plane needs the token the banner printed.' : ''}</p>
<h2>Docs</h2>
<ul><li>${link(doc.docs.server, 'The mock server')}: flags, seed files, the control plane, sessions, curl walkthrough</li>
<li>${link(doc.docs.recipes, 'Recipes')}: vitest, Playwright, Python, Go, GitHub Actions</li>
<li>${link(doc.docs.troubleshooting, 'Troubleshooting')}</li></ul>
<h2>APIs</h2>
<table><tr><th>method</th><th>path</th><th>operation</th></tr>
${rows(doc.apis.map((op) => [op.method, op.path, `${op.family}: ${op.operation_id}`]))}</table>
<h2>Control plane</h2>
<table><tr><th>method</th><th>path</th><th></th></tr>
${rows(doc.control_plane.map((route) => [route.method, route.path, route.does]))}</table>
<h2>Sessions</h2>
<p>Send <code>X-Revokit-Session: &lt;id&gt;</code>, or prefix any path with <code>/__session/&lt;id&gt;/</code>: each session is a world of its own.${facts.requireSession ? ' This server requires one.' : ''}</p>
</body></html>
`;
}

/** Prefers HTML only when the client asks for it before (or without) JSON: browsers do, curl and programs do not. */
export function wantsHtml(accept: string | undefined): boolean {
  const html = accept?.indexOf('text/html') ?? -1;
  const json = accept?.indexOf('application/json') ?? -1;
  return html !== -1 && (json === -1 || html < json);
}

/** Answers GET/HEAD on an index path; returns the status, for the request log. */
export function serveIndex(res: ServerResponse, method: string, accept: string | undefined, facts: IndexFacts): number {
  if (method !== 'GET' && method !== 'HEAD') {
    sendError(res, 405, 'method_not_allowed', `${method.slice(0, 20)} is not allowed here; allowed: GET, HEAD, OPTIONS`, { headers: { allow: 'GET, HEAD, OPTIONS' } });
    return 405;
  }
  const headers = { 'cache-control': 'no-cache', vary: 'accept', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
  if (wantsHtml(accept)) sendText(res, 200, indexHtml(facts), { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
  else sendJson(res, 200, indexDocument(facts), headers);
  return 200; // node:http leaves the body out of an answer to HEAD
}
