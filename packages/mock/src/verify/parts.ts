// Which parts of the scenario can run: each needs its credentials (from the environment, so they
// stay out of shell history and process lists) or its URL. A part without them is skipped and
// reported as skipped, naming what is missing.
import type { VerifySettings } from './args.js';
import { CREDENTIAL_VARIABLES } from './context.js';
import type { CredentialName, Part } from './step.js';

export type Environment = Readonly<Record<string, string | undefined>>;

const NEEDS: Record<Part, readonly CredentialName[]> = {
  'virtual-keys': ['projectKey', 'providerCredentialId'],
  admin: ['adminKey'],
  vine: [],
};

/** The target's credentials found in the environment (empty values count as missing). */
export function credentialsFrom(env: Environment): Partial<Record<CredentialName, string>> {
  const found: Partial<Record<CredentialName, string>> = {};
  for (const [name, variable] of Object.entries(CREDENTIAL_VARIABLES) as Array<[CredentialName, string]>) {
    const value = env[variable]?.trim();
    if (value) found[name] = value;
  }
  return found;
}

/** Why each part that cannot run is skipped. */
export function skippedParts(settings: Pick<VerifySettings, 'vine'>, credentials: Partial<Record<CredentialName, string>>): Map<Part, string> {
  const skipped = new Map<Part, string>();
  for (const [part, needs] of Object.entries(NEEDS) as Array<[Part, readonly CredentialName[]]>) {
    const missing = needs.filter((name) => credentials[name] === undefined).map((name) => CREDENTIAL_VARIABLES[name]);
    if (missing.length > 0) skipped.set(part, `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set`);
  }
  if (settings.vine === undefined) skipped.set('vine', 'no --vine URL');
  return skipped;
}
