// Loaded with import() only when validateResponses is on: the one module of this
// package that pulls in zod (through the generated schemas).
import { validatorFor } from '@revokit/runtime/validation';
import { responseSchemas } from './generated/vine/schemas.js';

export const validateResponse = validatorFor(responseSchemas);
