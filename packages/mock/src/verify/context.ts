// What each side knows while the scenario runs: its credentials and the values its answers gave
// (ids, secrets). The dry run's context knows none of them and names them instead.
import { MissingValue, SECRET_VALUES, type CredentialName, type StepContext, type ValueName } from './step.js';

export interface SideContext extends StepContext {
  set(name: ValueName, value: string): void;
}

export function createSideContext(runName: string, credentials: Readonly<Record<CredentialName, string>>, onSecret: (secret: string) => void = () => {}): SideContext {
  const values = new Map<ValueName, string>();
  return {
    runName,
    credential: (name) => credentials[name],
    value(name) {
      const value = values.get(name);
      if (value === undefined) throw new MissingValue(name);
      return value;
    },
    set(name, value) {
      if (SECRET_VALUES.has(name)) onSecret(value);
      values.set(name, value);
    },
  };
}

/** The environment variable each target credential comes from. */
export const CREDENTIAL_VARIABLES: Readonly<Record<CredentialName, string>> = {
  projectKey: 'LANGWATCH_API_KEY',
  adminKey: 'LANGWATCH_ADMIN_API_KEY',
  providerCredentialId: 'LANGWATCH_PROVIDER_CREDENTIAL_ID',
};

/** For --dry-run: credentials as `$VARIABLE`, learnt values as `{vk.id}`. */
export function createPlanContext(runName: string): StepContext {
  return {
    runName,
    credential: (name) => `$${CREDENTIAL_VARIABLES[name]}`,
    value: (name) => `{${name}}`,
  };
}

/** A request path built by the plan context, with its names unescaped: `/virtual-keys/{vk.id}/rotate`. */
export const planPath = (path: string): string => path.replace(/%7B([\w.]+)%7D/g, '{$1}');
