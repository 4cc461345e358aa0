// POST /v1/embeddings in the OpenAI shape: one vector per input, derived from the input text so the
// same text always gets the same vector. `encoding_format: "base64"` (what openai-node asks for by
// default) sends each vector as little-endian float32 bytes in base64.
// Bounded as OpenAI bounds it (at most 2,048 inputs; at most 3,072 dimensions, text-embedding-3-large's
// full size), and by the mock's own budget of numbers per answer: 2,048 inputs of 4,096 dimensions
// made an 8 kB request a 180 MB answer (docs/divergences.md).
import type { OperationInput } from '../../dispatcher.js';
import type { MockResponse } from '../../transport.js';
import type { LangWatchContext } from '../state.js';
import { withVirtualKey } from './auth.js';
import { gatewayError } from './errors.js';
import { countTokens, isAnswer, peekRequest } from './request-body.js';

const DEFAULT_DIMENSIONS = 8;
/** text-embedding-3-large's size, the most any OpenAI embedding model returns. */
export const MAX_DIMENSIONS = 3072;
/** "any array must be 2048 dimensions or less" (OpenAI's API reference, input). */
export const MAX_INPUTS = 2048;
/** Inputs × dimensions per answer (mock-only): 2,048 × 128, 170 × 1,536 or 85 × 3,072; about 5.5 MB of JSON at most. */
export const MAX_NUMBERS = 262_144;

export function createEmbedding(context: LangWatchContext, input: OperationInput): MockResponse {
  return withVirtualKey(context, input, () => {
    const request = peekRequest(input.body);
    if (isAnswer(request)) return request;
    const { input: texts, dimensions = DEFAULT_DIMENSIONS, encoding_format: encoding = 'float' } = request.fields;
    const inputs = typeof texts === 'string' ? [texts] : texts;
    if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > MAX_INPUTS || !inputs.every((text) => typeof text === 'string')) {
      return gatewayError(400, 'bad_request', `input must be a string or an array of 1 to ${MAX_INPUTS} strings`);
    }
    if (!Number.isInteger(dimensions) || (dimensions as number) < 1 || (dimensions as number) > MAX_DIMENSIONS) {
      return gatewayError(400, 'bad_request', `dimensions must be an integer from 1 to ${MAX_DIMENSIONS}`);
    }
    if (encoding !== 'float' && encoding !== 'base64') return gatewayError(400, 'bad_request', 'encoding_format must be "float" or "base64"');
    const numbers = inputs.length * (dimensions as number);
    if (numbers > MAX_NUMBERS) {
      return gatewayError(400, 'bad_request', `inputs × dimensions must be at most ${MAX_NUMBERS} in the mock gateway (here ${inputs.length} × ${dimensions as number} = ${numbers}): send fewer inputs or dimensions`);
    }
    const tokens = countTokens(inputs);
    return {
      status: 200,
      body: {
        object: 'list',
        data: (inputs as string[]).map((text, index) => {
          const vector = vectorOf(text, dimensions as number);
          return { object: 'embedding', index, embedding: encoding === 'base64' ? float32Base64(vector) : vector };
        }),
        model: request.model,
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      },
    };
  });
}

/** A unit vector that depends only on the text (FNV-1a seeded, xorshift-spread). */
function vectorOf(text: string, dimensions: number): number[] {
  let seed = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) seed = Math.imul(seed ^ text.charCodeAt(i), 0x01000193) >>> 0;
  const raw: number[] = [];
  for (let i = 0; i < dimensions; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    seed >>>= 0;
    raw.push(seed / 0xffffffff - 0.5);
  }
  const norm = Math.hypot(...raw) || 1;
  // Rounded to float32, so the float and base64 forms of one input carry the same numbers.
  return raw.map((value) => Math.fround(value / norm));
}

function float32Base64(vector: readonly number[]): string {
  const view = new DataView(new ArrayBuffer(vector.length * 4));
  vector.forEach((value, i) => view.setFloat32(i * 4, value, true));
  let binary = '';
  for (const byte of new Uint8Array(view.buffer)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
