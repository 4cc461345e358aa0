import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SpecError, loadSpec, parseSpec } from './load-spec.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function failure(file: string): Promise<SpecError> {
  const error = await loadSpec(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SpecError);
  return error as SpecError;
}

describe('loadSpec', () => {
  it('loads a valid spec', async () => {
    const spec = await loadSpec(fixture('valid.yaml'));
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths as object)).toEqual(['/things/{id}/archive']);
  });

  it('a broken $ref: names the file, the reference and where it is', async () => {
    const error = await failure(fixture('broken-ref.yaml'));
    expect(error.message).toContain(fixture('broken-ref.yaml'));
    expect(error.message).toContain('broken $ref "#/components/schemas/Missing"');
    expect(error.message).toContain('#/paths/~1things~1{id}/get/responses/200/content/application~1json/schema');
  });

  it('bad YAML: names the file and says it is invalid YAML', async () => {
    const error = await failure(fixture('bad-yaml.yaml'));
    expect(error.message).toMatch(new RegExp(`^${fixture('bad-yaml.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid YAML: `));
  });

  it('a duplicate key is invalid YAML too', async () => {
    const error = await failure(fixture('duplicate-key.yaml'));
    expect(error.message).toContain('duplicate-key.yaml: invalid YAML');
  });

  it('not OpenAPI 3.1', async () => {
    const error = await failure(fixture('swagger-2.yaml'));
    expect(error.message).toContain('swagger-2.yaml: expected "openapi: 3.1.x"');
  });

  it('a missing file', async () => {
    const error = await failure(fixture('nope.yaml'));
    expect(error.message).toContain('nope.yaml: cannot read file (ENOENT)');
  });

  it('an external $ref is refused rather than silently ignored', () => {
    const text = 'openapi: 3.1.0\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          $ref: "other.yaml#/x"\n';
    expect(() => parseSpec('inline.yaml', text)).toThrow('inline.yaml: external $ref "other.yaml#/x" at #/paths/~1a/get/responses/200 is not supported');
  });
});
