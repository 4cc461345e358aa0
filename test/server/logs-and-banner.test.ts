// The banner shows every credential a user needs; request log lines never show one.
import { describe, expect, it } from 'vitest';
import { formatBanner, formatBannerJson } from '@revokit/mock/cli/banner';
import { createMockServer } from '@revokit/mock/server';
import { useServer } from './support/server.js';

const credentialPattern = /sk-lw-|lw_vk_|vine_(live|test)_/;

describe('request log', () => {
  for (const format of ['json', 'pretty'] as const) {
    describe(format, () => {
      const api = useServer({ log: format });

      it('one line per request, without any credential from headers, paths, queries or bodies', async () => {
        const { project, demo } = api.server.credentials;
        const { virtual_key, admin_api_key, vine_key } = demo!;
        await api.post(`/api/gateway/v1/virtual-keys/${virtual_key.id}/rotate`, undefined, { 'x-auth-token': project.apiKey });
        await api.get(`/v1/models?api_key=${virtual_key.secret}`, { authorization: `Bearer ${virtual_key.secret}` });
        await api.post('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: vine_key.plaintext }] }, { 'x-api-key': virtual_key.secret });
        await api.send('DELETE', `/api/api-keys/${admin_api_key.token}`, { headers: { authorization: `Bearer ${admin_api_key.token}` } });
        await api.post(`/api/v1/keys/${vine_key.plaintext}/revoke`);
        await api.post('/__mock/langwatch/virtual-keys', {});
        await api.get(`/nope/${project.apiKey}`);
        await api.get('/line%0Abreak%01');

        expect(api.logLines).toHaveLength(8);
        for (const line of api.logLines) {
          expect(line).not.toMatch(credentialPattern);
          expect(line).not.toContain('\n');
        }
        if (format === 'json') {
          const first = JSON.parse(api.logLines[0]!);
          expect(first).toEqual({ event: 'request', time: expect.any(String), method: 'POST', path: `/api/gateway/v1/virtual-keys/${virtual_key.id}/rotate`, status: 200, operation_id: 'postApiGatewayV1Virtual-keysByIdRotate', duration_ms: expect.any(Number) });
          expect(JSON.parse(api.logLines[1]!).path).toBe('/v1/models');
        } else {
          expect(api.logLines[0]).toMatch(new RegExp(`POST +/api/gateway/v1/virtual-keys/${virtual_key.id}/rotate → 200  postApiGatewayV1Virtual-keysByIdRotate \\(\\d+\\.\\d ms\\)$`));
        }
      });
    });
  }

  describe('silent', () => {
    const api = useServer({ log: 'silent' });
    it('writes nothing', async () => {
      await api.get('/__mock/health');
      expect(api.logLines).toEqual([]);
    });
  });
});

describe('banner', () => {
  const server = createMockServer({});
  const info = { version: '1.2.3', url: 'http://127.0.0.1:4010', credentials: server.credentials, clock: 'system' as const, graceMs: 86_400_000, propagationMs: 60_000, revokedKeyStatus: 401 as const };

  it('shows the URL and every demo credential in one block', () => {
    const banner = formatBanner(info);
    const { project, demo } = server.credentials;
    for (const value of [info.url, project.id, project.apiKey, demo!.virtual_key.id, demo!.virtual_key.secret, demo!.admin_api_key.id, demo!.admin_api_key.token, demo!.member_api_key.id, demo!.member_api_key.token, demo!.vine_key.id, demo!.vine_key.plaintext]) {
      expect(banner).toContain(value);
    }
    expect(banner).toMatch(/role admin .*\n.*role member /);
    expect(banner).toContain('grace 24h, propagation 1m');
    expect(banner).toContain('/v1/models, /v1/chat/completions, /v1/embeddings, /v1/messages  (revoked keys get 401)');
    expect(banner).toContain(`${info.url}/api/v1/detect`);
    expect(banner.trimEnd().split('\n\n')).toHaveLength(3);
  });

  it('names the default project\'s provider credential, and every list and create route', () => {
    const banner = formatBanner(info);
    expect(banner).toContain(`X-Auth-Token ${server.credentials.project.apiKey}  provider credential ${server.credentials.project.providerCredentialId}`);
    expect(banner).toContain(`${info.url}/api/gateway/v1/virtual-keys[/{id}[/revoke|rotate]], ${info.url}/api/api-keys[/{id}]`);
    expect(banner).toContain(`${info.url}/api/v1/keys[/{id}/revoke]`);
    expect(JSON.parse(formatBannerJson(info)).project).toEqual({ id: server.credentials.project.id, api_key: server.credentials.project.apiKey, provider_credential_id: server.credentials.project.providerCredentialId });
  });

  it('ends with one shell line exporting the variables docs/server.md uses', () => {
    const line = formatBanner(info).trimEnd().split('\n').at(-1)!.trim();
    const { project, demo } = server.credentials;
    expect(line).toBe(
      `export MOCK=${info.url} PROJECT_KEY=${project.apiKey} PROVIDER_CREDENTIAL_ID=${project.providerCredentialId} VK_ID=${demo!.virtual_key.id} VK_SECRET=${demo!.virtual_key.secret} ` +
        `ADMIN_KEY=${demo!.admin_api_key.token} ADMIN_KEY_ID=${demo!.admin_api_key.id} MEMBER_KEY=${demo!.member_api_key.token} ` +
        `MEMBER_KEY_ID=${demo!.member_api_key.id} VINE_KEY_ID=${demo!.vine_key.id} VINE_KEY=${demo!.vine_key.plaintext}`,
    );
    expect(line).toMatch(/^export( [A-Z_]+=[A-Za-z0-9_:/.-]+)+$/);
  });

  it('as one JSON line with --log json', () => {
    const line = formatBannerJson(info);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trimEnd()).not.toContain('\n');
    expect(JSON.parse(line)).toMatchObject({ event: 'listening', url: info.url, project: { id: server.credentials.project.id }, demo: server.credentials.demo, grace_ms: 86_400_000, revoked_key_status: 401 });
  });

  it('names the revoked-key status in force', () => {
    expect(formatBanner({ ...info, revokedKeyStatus: 403 })).toContain('(revoked keys get 403)');
  });

  it('without the demo (--no-demo) still shows the default project', () => {
    const bare = createMockServer({ demo: false });
    const banner = formatBanner({ ...info, credentials: bare.credentials });
    expect(banner).toContain(bare.credentials.project.apiKey);
    expect(banner).not.toMatch(/lw_vk_|vine_(?:live|test)_/);
  });
});
