// GET /v1/models: the models a virtual key may call. (The gateway of May 2026 answered `data: null`;
// since July 2026 it lists real models. A list is what clients expect, so the mock sends one.)
import type { OperationInput } from '../../dispatcher.js';
import type { MockResponse } from '../../transport.js';
import type { LangWatchContext } from '../state.js';
import { withVirtualKey } from './auth.js';

const MODELS = ['openai/gpt-5-mini', 'anthropic/claude-haiku-4-5'];

export function listModels(context: LangWatchContext, input: OperationInput): MockResponse {
  return withVirtualKey(context, input, () => ({
    status: 200,
    body: {
      object: 'list',
      data: MODELS.map((id) => ({ id, object: 'model', created: Math.floor(input.now / 1000), owned_by: id.split('/')[0] })),
    },
  }));
}
