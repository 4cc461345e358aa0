// The types of @revokit/mock for CommonJS projects ("type": "commonjs" under moduleResolution
// node16/nodenext); package.json's "require" condition points TypeScript here. msw 2 ships
// separate CommonJS and ES-module declarations, and its handler classes have protected members,
// so a handler typed by one is not assignable to the other's setupServer(). This file names
// msw's HttpHandler as a CommonJS file resolves it, which is how the project's own
// `import { setupServer } from 'msw/node'` resolves; everything else is the ES-module entry's.
// (msw 3 has one set of declarations, so both files name the same type there.) Copied into
// dist/ by `npm run build`.
import type { HttpHandler } from 'msw';
import type * as esm from './index.js';

export * from './index.js';
export type LangWatchMock = esm.LangWatchMock<HttpHandler>;
export type VineMock = esm.VineMock<HttpHandler>;
export declare function createLangWatchMock(options?: esm.LangWatchMockOptions): LangWatchMock;
export declare function createVineMock(options?: esm.VineMockOptions): VineMock;
export declare function createMswHandlers(...args: Parameters<typeof esm.createMswHandlers>): HttpHandler[];
