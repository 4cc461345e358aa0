// The npm flag trap: `npm start --port 0` hands `--port` to npm, not to the script (npm sets
// npm_config_port and passes the bare "0" on as an argument), so the server would refuse "0" or
// start on its default port. Flags for the script go after `--`: `npm start -- --port 0`.
// npm tells the script both facts through its environment, so the CLI can say what happened.

/** The revokit-mock flags npm kept for itself, when run by an npm script (else none). */
export function flagsNpmKept(env: Readonly<Record<string, string | undefined>>, flagNames: readonly string[]): string[] {
  if (env.npm_lifecycle_event === undefined) return [];
  return flagNames.filter((name) => env[`npm_config_${name.replace(/-/g, '_')}`] !== undefined);
}

export function npmFlagHint(kept: readonly string[], script: string | undefined): string {
  const flags = kept.map((name) => `--${name}`).join(', ');
  return `npm kept ${flags} for itself, so revokit-mock never saw ${kept.length === 1 ? 'it' : 'them'}: put flags for the server after --, as in: npm ${script === 'start' ? 'start' : `run ${script ?? '<script>'}`} -- --${kept[0]} <value>`;
}
