// The mocks' operation names are types, not strings: a typo in a fault or a journal check fails
// type-checking (npm run typecheck), besides throwing at run time.
import { expectTypeOf, it } from 'vitest';
import { createLangWatchMock, createVineMock } from '@revokit/mock';
import { createMockServer, type OperationIdOf, type DefaultFamilies } from '@revokit/mock/server';

it('faults.next and server.operationIds know the operation names', () => {
  const langwatch = createLangWatchMock();
  const vine = createVineMock();
  expectTypeOf(langwatch.faults.next).parameter(0).toEqualTypeOf<(typeof langwatch.routes)[number]['name']>();
  expectTypeOf(vine.faults.next).parameter(0).toEqualTypeOf<'postApiV1Keys' | 'postApiV1KeysByIdRevoke' | 'postApiV1Detect'>();
  // @ts-expect-error not an operation of this mock
  expectTypeOf(langwatch.faults.next).toBeCallableWith('revokeKey', { status: 500 });
  const server = createMockServer();
  expectTypeOf(server.operationIds).toEqualTypeOf<readonly OperationIdOf<DefaultFamilies>[]>();
  expectTypeOf<'revokeApiKey'>().toMatchTypeOf<OperationIdOf<DefaultFamilies>>();
  expectTypeOf<'postApiV1KeysByIdRevoke'>().toMatchTypeOf<OperationIdOf<DefaultFamilies>>();
  expectTypeOf<'revokeKey'>().not.toMatchTypeOf<OperationIdOf<DefaultFamilies>>();
});
