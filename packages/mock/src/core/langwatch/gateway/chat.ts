// POST /v1/chat/completions in the OpenAI shape. With `stream: true`, server-sent events as the
// gateway writes them: `chat.completion.chunk` objects, usage in the last one (the gateway asks
// providers for it), then `data: [DONE]`.
import type { OperationInput } from '../../dispatcher.js';
import { randomString } from '../../random.js';
import type { MockResponse, ServerSentEvent } from '../../transport.js';
import type { LangWatchContext } from '../state.js';
import { withVirtualKey } from './auth.js';
import { countTokens, isAnswer, peekRequest, REPLY_PIECES, REPLY_TEXT } from './request-body.js';

export function createChatCompletion(context: LangWatchContext, input: OperationInput): MockResponse {
  return withVirtualKey(context, input, () => {
    const request = peekRequest(input.body);
    if (isAnswer(request)) return request;
    const id = `chatcmpl-${randomString('0123456789abcdefghijklmnopqrstuvwxyz', 24)}`;
    const created = Math.floor(input.now / 1000);
    const promptTokens = countTokens(request.fields.messages);
    const usage = { prompt_tokens: promptTokens, completion_tokens: REPLY_PIECES.length, total_tokens: promptTokens + REPLY_PIECES.length };
    const base = { id, created, model: request.model };
    if (!request.stream) {
      return {
        status: 200,
        body: {
          ...base,
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: REPLY_TEXT }, finish_reason: 'stop' }],
          usage,
        },
      };
    }
    const chunk = (choices: unknown[], extra: object = {}): ServerSentEvent => ({
      data: JSON.stringify({ ...base, object: 'chat.completion.chunk', choices, ...extra }),
    });
    return {
      status: 200,
      events: [
        chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
        ...REPLY_PIECES.map((content) => chunk([{ index: 0, delta: { content }, finish_reason: null }])),
        chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]),
        chunk([], { usage }),
        { data: '[DONE]' },
      ],
    };
  });
}
