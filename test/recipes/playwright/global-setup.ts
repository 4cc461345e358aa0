// One server for the whole run; its URL reaches the workers through the environment.
import { startMockServer } from '@revokit/mock/server';

export default async function globalSetup() {
  const { url, stop } = await startMockServer({ port: 0, requireSession: true });
  process.env.REVOKIT_MOCK_URL = url;
  return stop;
}
