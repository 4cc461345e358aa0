// GET / and GET /__mock/ say what the server is and where everything is: JSON for programs and
// curl, a page for browsers. Harmless: no credential, no script, links to this server or the docs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCS_LINKS, REPOSITORY_URL } from '@revokit/mock/docs-links';
import { wantsHtml } from '@revokit/mock/server/ui/index-page';
import { useServer } from './support/server.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the index', () => {
  const mock = useServer();
  const secrets = () => {
    const { project, demo } = mock.server.credentials;
    return [project.apiKey, demo!.virtual_key.secret, demo!.admin_api_key.token, demo!.member_api_key.token, demo!.vine_key.plaintext];
  };

  it.each(['/', '/__mock/', '/__mock'])('GET %s with Accept: application/json lists the routes, the dashboard and the docs', async (path) => {
    const reply = await mock.get(path, { accept: 'application/json' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(reply.body).toMatchObject({ name: 'revokit-mock', dashboard: '/__mock/ui', docs: { server: DOCS_LINKS.server } });
    expect(reply.body.apis).toContainEqual({ family: 'langwatch', operation_id: 'postApiGatewayV1Virtual-keysByIdRotate', method: 'POST', path: '/api/gateway/v1/virtual-keys/{id}/rotate' });
    expect(reply.body.control_plane).toContainEqual({ method: 'GET, POST', path: '/__mock/langwatch/virtual-keys', does: 'list or create virtual-keys' });
    for (const secret of secrets()) expect(reply.text).not.toContain(secret);
  });

  it('answers curl (Accept: */*) with JSON too', async () => {
    expect((await mock.get('/', { accept: '*/*' })).body.name).toBe('revokit-mock');
  });

  it('gives a browser a page: no script, no credential, only this server\'s paths and the docs as links', async () => {
    const reply = await mock.get('/__mock/', { accept: BROWSER_ACCEPT });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; /);
    expect(reply.text).toContain('<h1>revokit-mock ');
    expect(reply.text).not.toMatch(/<script|<img|<iframe|<form|\son\w+=/i);
    const links = [...reply.text.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(2);
    expect(links.filter((href) => !href.startsWith('/__mock/') && !href.startsWith(`${REPOSITORY_URL}/`))).toEqual([]);
    for (const secret of secrets()) expect(reply.text).not.toContain(secret);
  });

  it('answers HEAD with no body and other methods with 405', async () => {
    const head = await mock.send('HEAD', '/');
    expect([head.status, head.text]).toEqual([200, '']);
    const post = await mock.post('/', {});
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD, OPTIONS']);
  });
});

describe('the index needs no control token and no session', () => {
  const mock = useServer({ controlToken: 'sesame-sesame-sesame', requireSession: true });

  it('is served, and says that the control plane needs the token', async () => {
    const reply = await mock.get('/__mock/', { accept: 'application/json' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ control_token_required: true, sessions: { required: true } });
    expect(reply.text).not.toContain('sesame');
    expect((await mock.get('/__session/s1/__mock/clock')).status).toBe(401);
  });
});

it('prefers HTML only when the client asks for it first', () => {
  expect([BROWSER_ACCEPT, 'application/json', '*/*', undefined, 'application/json, text/html', 'text/html'].map(wantsHtml)).toEqual([true, false, false, false, false, true]);
});

it('the docs links point into the repository package.json names', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../packages/mock/package.json', import.meta.url), 'utf8')) as { repository: { url: string } };
  expect(pkg.repository.url).toBe(`git+${REPOSITORY_URL}.git`);
  for (const link of Object.values(DOCS_LINKS)) {
    const [path, anchor] = link.slice(`${REPOSITORY_URL}/blob/main/`.length).split('#') as [string, string | undefined];
    const text = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
    if (anchor) expect(text.split('\n').some((line) => /^#+ /.test(line) && line.replace(/^#+ /, '').toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-') === anchor), link).toBe(true);
  }
});

it('the banner and --help link the docs', async () => {
  const { formatBanner } = await import('@revokit/mock/cli/banner');
  const { helpText } = await import('@revokit/mock/cli/help');
  const banner = formatBanner({ version: '0', url: 'http://127.0.0.1:1', credentials: { project: { id: 'p', apiKey: 'k' }, seeded: { projects: [], provider_credentials: [], virtual_keys: [], api_keys: [], vine_keys: [] } } as never, clock: 'system', graceMs: 1, propagationMs: 1, revokedKeyStatus: 401 });
  expect(banner).toContain(`  Docs                ${DOCS_LINKS.server}\n`);
  expect(banner).toContain(`For the curl examples (${DOCS_LINKS.curlWalkthrough})`);
  expect(helpText()).toContain(DOCS_LINKS.troubleshooting);
  expect(`${banner}${helpText()}`).not.toContain('see docs/server.md');
});
