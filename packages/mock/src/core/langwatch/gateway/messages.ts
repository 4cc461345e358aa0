// POST /v1/messages in the Anthropic shape: a Message object, or with `stream: true` Anthropic's
// own event sequence (message_start … message_stop, no [DONE]), as the gateway forwards it since
// June 2026. Errors stay in the gateway's envelope, as the real gateway's own errors do.
import type { OperationInput } from '../../dispatcher.js';
import { BASE62, randomString } from '../../random.js';
import type { MockResponse, ServerSentEvent } from '../../transport.js';
import type { LangWatchContext } from '../state.js';
import { withVirtualKey } from './auth.js';
import { countTokens, isAnswer, peekRequest, REPLY_PIECES, REPLY_TEXT } from './request-body.js';

export function createMessage(context: LangWatchContext, input: OperationInput): MockResponse {
  return withVirtualKey(context, input, () => {
    const request = peekRequest(input.body);
    if (isAnswer(request)) return request;
    const inputTokens = countTokens([request.fields.system, request.fields.messages]);
    const message = { id: `msg_${randomString(BASE62, 24)}`, type: 'message', role: 'assistant', model: request.model };
    if (!request.stream) {
      return {
        status: 200,
        body: {
          ...message,
          content: [{ type: 'text', text: REPLY_TEXT }],
          stop_reason: 'end_turn',
          stop_sequence: null,
          usage: { input_tokens: inputTokens, output_tokens: REPLY_PIECES.length },
        },
      };
    }
    const event = (type: string, fields: object = {}): ServerSentEvent => ({ event: type, data: JSON.stringify({ type, ...fields }) });
    return {
      status: 200,
      events: [
        event('message_start', {
          message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: inputTokens, output_tokens: 1 } },
        }),
        event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
        event('ping'),
        ...REPLY_PIECES.map((text) => event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } })),
        event('content_block_stop', { index: 0 }),
        event('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: REPLY_PIECES.length } }),
        event('message_stop'),
      ],
    };
  });
}
