// Issue 18's proof: the nine methods of the official LangWatch SDK's VirtualKeysApiService and
// ApiKeysApiService, as that SDK calls them (./services.ts), all succeed against the mock, through
// MSW and through the server; the mock's journal shows each operation answered 2xx.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLangWatchMock, onUnhandled } from '@revokit/mock';
import { checkEveryResponse } from '../mock/support/spec-conformance.js';
import { useServer } from '../server/support/server.js';
import { expectSdkRequests, NINE_OPERATIONS, runNineCalls } from './nine-calls.js';

describe('through MSW (createLangWatchMock)', () => {
  const mock = createLangWatchMock({ clock: 'frozen' });
  const msw = setupServer(...mock.handlers);
  checkEveryResponse(msw);
  beforeAll(() => msw.listen(onUnhandled('error')));
  afterAll(() => msw.close());

  it('all nine calls of the official SDK succeed', async () => {
    const admin = mock.seed.apiKey();
    const sent = await runNineCalls({ endpoint: 'https://app.langwatch.ai/', projectKey: mock.defaultProject.apiKey, adminKey: admin.token, providerCredentialId: mock.defaultProject.providerCredentialId });
    expectSdkRequests(sent);
    expect(mock.requests.map((entry) => `${entry.operationId} ${entry.status}`)).toEqual(NINE_OPERATIONS.map((operation, i) => `${operation} ${i === 0 || i === 6 ? 201 : 200}`));
  });
});

describe('through the server (revokit-mock)', () => {
  const api = useServer();

  it('all nine calls of the official SDK succeed with the demo credentials', async () => {
    const { project, demo } = api.server.credentials;
    const sent = await runNineCalls({ endpoint: `${api.url}/`, projectKey: project.apiKey, adminKey: demo!.admin_api_key.token, providerCredentialId: project.providerCredentialId });
    expectSdkRequests(sent);
    const journal = (await api.get('/__mock/requests')).body.langwatch as Array<{ operation_id: string; status: number }>;
    expect(journal.map((entry) => `${entry.operation_id} ${entry.status}`)).toEqual(NINE_OPERATIONS.map((operation, i) => `${operation} ${i === 0 || i === 6 ? 201 : 200}`));
  });
});
