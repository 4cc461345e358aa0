// The one block the CLI prints at start: where everything is and the credentials to use.
// (These are throwaway mock credentials, printed on purpose; request log lines never carry any.)
import type { ClockMode } from '../core/clock.js';
import type { MockServer } from '../server.js';
import { formatDuration } from './durations.js';

export interface BannerInfo {
  version: string;
  url: string;
  credentials: MockServer['credentials'];
  clock: ClockMode;
  graceMs: number;
  propagationMs: number;
}

export function formatBanner(info: BannerInfo): string {
  const { url, credentials } = info;
  const { project, demo, seeded } = credentials;
  const lines = [
    `revokit-mock ${info.version} listening on ${url}  (base URL for every client; Ctrl-C stops)`,
    `  LangWatch API       ${url}/api/gateway/v1/virtual-keys/{id}/revoke|rotate, ${url}/api/api-keys/{id}`,
    `  LangWatch gateway   ${url}/v1/models, ${url}/v1/chat/completions`,
    `  Vine API            ${url}/api/v1/keys/{id}/revoke`,
    `  Control plane       ${url}/__mock/  (health, reset, clock, faults, requests; see docs/server.md)`,
    `  Time                ${info.clock} clock, grace ${formatDuration(info.graceMs)}, propagation ${formatDuration(info.propagationMs)}`,
    '',
    'Credentials (still valid after POST /__mock/reset):',
    `  LangWatch project       id ${project.id}  X-Auth-Token ${project.apiKey}`,
  ];
  if (demo) {
    lines.push(
      `  LangWatch virtual key   id ${demo.virtual_key.id}  secret ${demo.virtual_key.secret}`,
      `  LangWatch admin key     role admin   id ${demo.admin_api_key.id}  token ${demo.admin_api_key.token}`,
      `  LangWatch admin key     role member  id ${demo.member_api_key.id}  token ${demo.member_api_key.token}`,
      `  Vine key                id ${demo.vine_key.id}  plaintext ${demo.vine_key.plaintext}`,
    );
  }
  for (const p of seeded.projects) lines.push(`  seed project "${p.ref}"  id ${p.id}  X-Auth-Token ${p.api_key}`);
  for (const k of seeded.virtual_keys) lines.push(`  seed virtual key  id ${k.id}  project ${k.project_id}  secret ${k.secret}`);
  for (const k of seeded.api_keys) lines.push(`  seed admin key    role ${k.role}  id ${k.id}  owner ${k.owner_user_id}  token ${k.token}`);
  for (const k of seeded.vine_keys) lines.push(`  seed Vine key     id ${k.id}  plaintext ${k.plaintext}`);
  lines.push('', 'For the curl examples in docs/server.md, paste this into your shell:', `  ${shellExports(info)}`);
  return `${lines.join('\n')}\n`;
}

/** One `export` line with the variables docs/server.md uses. Every value is [A-Za-z0-9_:/.-], so no quoting. */
export function shellExports(info: BannerInfo): string {
  const { project, demo } = info.credentials;
  const vars: Array<[string, string]> = [
    ['MOCK', info.url],
    ['PROJECT_KEY', project.apiKey],
  ];
  if (demo) {
    vars.push(
      ['VK_ID', demo.virtual_key.id],
      ['VK_SECRET', demo.virtual_key.secret],
      ['ADMIN_KEY', demo.admin_api_key.token],
      ['ADMIN_KEY_ID', demo.admin_api_key.id],
      ['MEMBER_KEY', demo.member_api_key.token],
      ['MEMBER_KEY_ID', demo.member_api_key.id],
      ['VINE_KEY_ID', demo.vine_key.id],
    );
  }
  return `export ${vars.map(([name, value]) => `${name}=${value}`).join(' ')}`;
}

/** The same facts as one JSON line, for programs that start the server and read its stdout. */
export function formatBannerJson(info: BannerInfo): string {
  const { project, demo, seeded } = info.credentials;
  return `${JSON.stringify({
    event: 'listening',
    version: info.version,
    url: info.url,
    clock: info.clock,
    grace_ms: info.graceMs,
    propagation_ms: info.propagationMs,
    project: { id: project.id, api_key: project.apiKey },
    demo: demo ?? null,
    seeded,
  })}\n`;
}
