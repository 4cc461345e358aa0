// The dashboard under /__mock/ui: its page, script and styles, built into assets.generated.ts at
// build time and served from memory. They hold no data and no secret, so they are served without
// the control token: the page reads everything through the control plane, sending the token when
// the server requires one. Reached only from the control-plane branch of the handler, so API
// requests never pass through here.
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { AllowOrigin } from '../wire/cors.js';
import { sendError } from '../wire/respond.js';
import { uiAssets } from './assets.generated.js';

export const UI_PATH = '/__mock/ui';

/** The page may load only its own script and styles and talk only to this server. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface Asset {
  type: string;
  body: Buffer;
  etag: string;
}

const FILES: Readonly<Record<string, keyof typeof uiAssets>> = {
  [UI_PATH]: 'index.html',
  [`${UI_PATH}/`]: 'index.html',
  [`${UI_PATH}/app.js`]: 'app.js',
  [`${UI_PATH}/app.css`]: 'app.css',
};
const TYPES: Readonly<Record<keyof typeof uiAssets, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

let assets: Map<keyof typeof uiAssets, Asset> | undefined;
/** Encoded on first use: a server nobody opens the dashboard of pays nothing. */
function assetFor(name: keyof typeof uiAssets): Asset {
  assets ??= new Map(
    (Object.keys(TYPES) as Array<keyof typeof uiAssets>).map((file) => {
      const body = Buffer.from(uiAssets[file], 'utf8');
      return [file, { type: TYPES[file], body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` }];
    }),
  );
  return assets.get(name)!;
}

export const isUiPath = (path: string): boolean => path === UI_PATH || path.startsWith(`${UI_PATH}/`);

/**
 * Answers a request under /__mock/ui; returns the status, for the request log. `redact` scrubs the
 * path its errors quote; `cors` is what the control plane allows the request's origin.
 */
export function serveUi(res: ServerResponse, method: string, path: string, ifNoneMatch: string | undefined, redact: (text: string) => string, cors: AllowOrigin): number {
  const name = FILES[path];
  if (name === undefined) {
    sendError(res, 404, 'not_found', `The dashboard has no file ${JSON.stringify(redact(path).slice(0, 100))}; open ${UI_PATH}`, { cors });
    return 404;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    sendError(res, 405, 'method_not_allowed', `${method.slice(0, 20)} is not allowed on ${path}; allowed: GET, HEAD, OPTIONS`, { headers: { allow: 'GET, HEAD, OPTIONS' }, cors });
    return 405;
  }
  const asset = assetFor(name);
  const headers: Record<string, string | number> = {
    'cache-control': 'no-cache',
    etag: asset.etag,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  if (name === 'index.html') headers['content-security-policy'] = CSP;
  if (ifNoneMatch === asset.etag) {
    res.writeHead(304, headers).end();
    return 304;
  }
  res.writeHead(200, { ...headers, 'content-type': asset.type, 'content-length': asset.body.length });
  res.end(method === 'HEAD' ? undefined : asset.body);
  return 200;
}
