// @revokit/vine/validators: response validation, imported by the app itself and passed as
// `createVineClient({ validators: vineValidators })`. The one module of this package that
// reaches zod (through the generated schemas): no client module imports it.
import { validatorsFor, type ResponseValidators } from '@revokit/runtime/validation';
import { responseSchemas } from './generated/vine/schemas.js';

export type VineValidators = ResponseValidators<'vine'>;

/** The spec's zod schemas for every Vine operation and status. */
export const vineValidators: VineValidators = validatorsFor('vine', responseSchemas);
