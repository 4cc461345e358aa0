// The SDK's request and option types as an app compiled with `strict` and
// `exactOptionalPropertyTypes` sees them: optional fields and options take undefined (JSON and the
// clients read it as "not given"), arrays may be readonly, and mistakes stay type errors
// (fixtures/sdk-inputs.ts: its @ts-expect-error lines fail the compile when they stop erring).
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function diagnostics(exactOptionalPropertyTypes: boolean): string[] {
  const program = ts.createProgram([`${root}test/types/fixtures/sdk-inputs.ts`], {
    strict: true,
    exactOptionalPropertyTypes,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    baseUrl: root,
    paths: { '@revokit/*': ['packages/*/src/index.ts'] },
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

it('compiles under strict + exactOptionalPropertyTypes, every expected error still an error', () => {
  expect(diagnostics(true)).toEqual([]);
});

it('and without exactOptionalPropertyTypes', () => {
  expect(diagnostics(false)).toEqual([]);
});
