// Writing answers onto a node:http response. Every answer carries the CORS origin header so
// that browser apps can read it, and JSON bodies carry an exact Content-Length.
import type { ServerResponse } from 'node:http';
import { CORS_RESPONSE_HEADERS } from './cors.js';

export type ExtraHeaders = Readonly<Record<string, string>> | undefined;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers?: ExtraHeaders): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_RESPONSE_HEADERS,
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

export function sendEmpty(res: ServerResponse, status: number, headers?: ExtraHeaders): void {
  res.writeHead(status, { ...CORS_RESPONSE_HEADERS, ...headers, 'content-length': 0 });
  res.end();
}

/** The server's own error envelope, for paths no mock claims and for the control plane. */
export function sendError(res: ServerResponse, status: number, error: string, message: string, extra?: { field?: string; headers?: ExtraHeaders }): void {
  const body = extra?.field === undefined ? { error, message } : { error, message, field: extra.field };
  sendJson(res, status, body, extra?.headers);
}
