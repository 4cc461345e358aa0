// Every product's credential shapes, in one list. A mock redacts them all, not only its own: a
// client that sends a Vine key to a LangWatch path, or a suite that runs both products' MSW
// handlers, must not find that key in the LangWatch journal or in a Vine error message.
// Adding a product adds one line here.
import { CREDENTIAL_FORMATS as LANGWATCH } from './langwatch/formats.js';
import { CREDENTIAL_FORMATS as VINE } from './vine/formats.js';

export const KNOWN_CREDENTIAL_FORMATS: readonly RegExp[] = [...LANGWATCH, ...VINE];
