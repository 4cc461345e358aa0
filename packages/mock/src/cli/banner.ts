// The one block the CLI prints at start: where everything is and the credentials to use, one
// part per API family. (These are throwaway mock credentials, printed on purpose; request log
// lines never carry any.)
import type { ClockMode } from '../core/clock.js';
import { snakeKeys } from '../core/inputs.js';
import type { AnyFamily, CredentialsPart } from '../families/family.js';
import { defaultFamilies } from '../families/index.js';
import { DOCS_LINKS } from '../docs-links.js';
import { formatDuration } from './durations.js';

export interface BannerInfo {
  version: string;
  url: string;
  credentials: CredentialsPart;
  clock: ClockMode;
  graceMs: number;
  propagationMs: number;
  revokedKeyStatus: 401 | 403;
  /** Default: the families every server serves. */
  families?: readonly AnyFamily[];
  sessions?: { ttlMs: number; max: number; required: boolean };
  /** Shown when the control plane needs one (a non-loopback host). */
  controlToken?: string | undefined;
}

export function formatBanner(info: BannerInfo): string {
  const { url } = info;
  const families = info.families ?? defaultFamilies;
  const durations = families.flatMap((family) => family.banner.settings?.(info) ?? []).map(([label, ms]) => `, ${label} ${formatDuration(ms)}`);
  const lines = [
    `revokit-mock ${info.version} listening on ${url}  (base URL for every client; Ctrl-C stops)`,
    ...families.flatMap((family) => family.banner.routes(url, info)).map((line) => `  ${line}`),
    `  Control plane       ${url}/__mock/  (GET it for every route: health, reset, clock, faults, requests, sessions)`,
    `  Dashboard           ${dashboardUrl(url, info.controlToken)}`,
    ...(info.controlToken === undefined ? [] : [`  Control token       ${info.controlToken}  (send "Authorization: Bearer <token>" to /__mock/)`]),
    `  Time                ${info.clock} clock${durations.join('')}`,
    `  Docs                ${DOCS_LINKS.server}`,
    ...(info.sessions ? [`  Sessions            header X-Revokit-Session: <id> or ${url}/__session/<id>/…, idle ${formatDuration(info.sessions.ttlMs)}, at most ${info.sessions.max}${info.sessions.required ? ', required' : ''}`] : []),
    '',
    'Credentials (still valid after POST /__mock/reset):',
    ...families.flatMap((family) => family.banner.credentials(info.credentials)).map((line) => `  ${line}`),
    '',
    `For the curl examples (${DOCS_LINKS.curlWalkthrough}), paste this into your shell:`,
    `  ${shellExports(info)}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** One `export` line with the variables docs/server.md uses. Every value is [A-Za-z0-9_:/.-], so no quoting. */
export function shellExports(info: BannerInfo): string {
  const families = info.families ?? defaultFamilies;
  const vars = [['MOCK', info.url], ...families.flatMap((family) => family.banner.exports(info.credentials))];
  return `export ${vars.map(([name, value]) => `${name}=${value}`).join(' ')}`;
}

/** The dashboard's address; with the control token in it when the server needs one (the page then keeps it out of the address bar). */
export function dashboardUrl(url: string, controlToken?: string): string {
  return `${url}/__mock/ui${controlToken === undefined ? '' : `?token=${encodeURIComponent(controlToken)}`}`;
}

/** The same facts as one JSON line, for programs that start the server and read its stdout. */
export function formatBannerJson(info: BannerInfo): string {
  return `${JSON.stringify({
    event: 'listening',
    version: info.version,
    url: info.url,
    dashboard_url: dashboardUrl(info.url),
    docs_url: DOCS_LINKS.server,
    clock: info.clock,
    grace_ms: info.graceMs,
    propagation_ms: info.propagationMs,
    revoked_key_status: info.revokedKeyStatus,
    ...(info.sessions ? { sessions: { ttl_ms: info.sessions.ttlMs, max: info.sessions.max, required: info.sessions.required } } : {}),
    ...(info.controlToken === undefined ? {} : { control_token: info.controlToken }),
    ...(snakeKeys(info.credentials) as object),
    demo: snakeKeys(info.credentials.demo ?? null),
  })}\n`;
}
