// @revokit/langwatch/validators: response validation, imported by the app itself and passed
// as `createLangWatchClient({ validators: langwatchValidators })`. The one module of this
// package that reaches zod (through the generated schemas): no client module imports it.
import { validatorsFor, type ResponseValidators } from '@revokit/runtime/validation';
import { responseSchemas as virtualKeySchemas } from './generated/virtual-keys/schemas.js';
import { responseSchemas as apiKeySchemas } from './generated/api-keys/schemas.js';

export type LangWatchValidators = ResponseValidators<'langwatch'>;

/** The spec's zod schemas for every LangWatch operation and status. */
export const langwatchValidators: LangWatchValidators = validatorsFor('langwatch', { ...virtualKeySchemas, ...apiKeySchemas });
