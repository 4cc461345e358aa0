// Compiled with the docs' snippets (snippets-compile.test.ts), under exactOptionalPropertyTypes:
// every options object a user passes takes `undefined` for each optional field, so
// `{ apiKey: process.env.LANGWATCH_API_KEY }` and `{ timeoutMs: config.timeout }` compile in
// strict projects. A field typed `?: string` without `| undefined` fails here, naming the type.
import type { CallOptions, LangWatchClientOptions } from '@revokit/langwatch';
import type { createRawLangWatchClients } from '@revokit/langwatch/raw';
import type { VineClientOptions } from '@revokit/vine';
import type { createRawVineClient } from '@revokit/vine/raw';
import type { FaultSpec, LangWatchMockOptions, SeedApiKeyOptions, SeedVineKeyOptions, SeedVirtualKeyOptions, VineMockOptions } from '@revokit/mock';
import type { ListenOptions, MockServerOptions } from '@revokit/mock/server';

/** T with every field present and undefined: assignable to T only if each field accepts undefined. */
type AllUndefined<T> = { [K in keyof T]-?: undefined };
declare function allUndefined<T>(): AllUndefined<T>;

export const accepted: unknown[] = [
  allUndefined<LangWatchClientOptions>() satisfies LangWatchClientOptions,
  allUndefined<VineClientOptions>() satisfies VineClientOptions,
  allUndefined<CallOptions>() satisfies CallOptions,
  allUndefined<NonNullable<Parameters<typeof createRawLangWatchClients>[0]>>() satisfies NonNullable<Parameters<typeof createRawLangWatchClients>[0]>,
  allUndefined<NonNullable<Parameters<typeof createRawVineClient>[0]>>() satisfies NonNullable<Parameters<typeof createRawVineClient>[0]>,
  allUndefined<LangWatchMockOptions>() satisfies LangWatchMockOptions,
  allUndefined<VineMockOptions>() satisfies VineMockOptions,
  allUndefined<FaultSpec>() satisfies FaultSpec,
  allUndefined<SeedVirtualKeyOptions>() satisfies SeedVirtualKeyOptions,
  allUndefined<SeedApiKeyOptions>() satisfies SeedApiKeyOptions,
  allUndefined<SeedVineKeyOptions>() satisfies SeedVineKeyOptions,
  allUndefined<MockServerOptions>() satisfies MockServerOptions,
  allUndefined<ListenOptions>() satisfies ListenOptions,
];
