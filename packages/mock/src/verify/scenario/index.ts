// The whole scenario, in the order it runs: each part's lifecycle, then what its routes refuse.
import type { Part, Step } from '../step.js';
import { apiKeySteps } from './admin.js';
import { apiKeyRefusals, vineRefusals, virtualKeyRefusals } from './refusals.js';
import { vineSteps } from './vine.js';
import { virtualKeySteps } from './virtual-keys.js';

export const scenario: readonly Step[] = [...virtualKeySteps, ...virtualKeyRefusals, ...apiKeySteps, ...apiKeyRefusals, ...vineSteps, ...vineRefusals];

export const PARTS: readonly Part[] = ['virtual-keys', 'admin', 'vine'];
