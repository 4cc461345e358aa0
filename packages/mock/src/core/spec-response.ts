// Ties each behaviour's return type to the generated openapi-typescript types, so a body
// that drifts from the spec fails type-checking.

type JsonContent<R> = R extends { content: { 'application/json': infer Body } } ? Body : undefined;

/** A response the spec does not document (listed in docs/divergences.md). */
export interface UndocumentedResponse {
  status: number;
  undocumented: true;
  headers?: Record<string, string>;
  body: unknown;
}

/**
 * Every status the operation documents, with its body type; statuses the spec gives no body
 * get `Fallback` (the API's own error envelope).
 */
export type SpecResponse<Operation extends { responses: object }, Fallback> =
  | {
      [Status in keyof Operation['responses'] & number]: {
        status: Status;
        headers?: Record<string, string>;
        body: JsonContent<Operation['responses'][Status]> extends undefined ? Fallback : JsonContent<Operation['responses'][Status]>;
      };
    }[keyof Operation['responses'] & number]
  | UndocumentedResponse;
