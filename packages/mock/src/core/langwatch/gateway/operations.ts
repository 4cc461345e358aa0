// Fixed names for the data-plane routes, which no spec describes.
export const gatewayOperations = {
  gatewayListModels: { method: 'GET', path: '/v1/models' },
  gatewayCreateChatCompletion: { method: 'POST', path: '/v1/chat/completions' },
  gatewayCreateEmbedding: { method: 'POST', path: '/v1/embeddings' },
  gatewayCreateMessage: { method: 'POST', path: '/v1/messages' },
} as const;

export type GatewayOperationId = keyof typeof gatewayOperations;

/** Everything under this prefix is the gateway's: unknown routes and other methods get its envelope too. */
export const GATEWAY_PREFIX = '/v1/';
