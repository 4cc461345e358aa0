// Loaded with import() only when validateResponses is on: the one module of this
// package that pulls in zod (through the generated schemas).
import { validatorFor } from '@revokit/runtime/validation';
import { responseSchemas as gatewaySchemas } from './generated/gateway/schemas.js';
import { responseSchemas as apiKeySchemas } from './generated/api-keys/schemas.js';

export const validateResponse = validatorFor({ ...gatewaySchemas, ...apiKeySchemas });
