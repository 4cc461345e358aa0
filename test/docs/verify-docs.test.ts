// docs/verify.md and `revokit-mock verify --help` describe what the tool does: the scenario's
// steps in order, its known differences, every flag and variable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyHelpText } from '../../packages/mock/src/verify/help.js';
import { KNOWN_DIFFERENCES } from '../../packages/mock/src/verify/known-differences.js';
import { scenario } from '../../packages/mock/src/verify/scenario/index.js';
import { CREDENTIAL_VARIABLES } from '../../packages/mock/src/verify/context.js';

const doc = readFileSync(new URL('../../docs/verify.md', import.meta.url), 'utf8');
const section = (heading: string) => {
  const start = doc.indexOf(`\n## ${heading}\n`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
};
const firstCells = (text: string) => text.split('\n').filter((line) => line.startsWith('| `')).map((line) => line.split('|')[1]!.trim());

describe('docs/verify.md', () => {
  it('lists the scenario\'s steps, in the order they run', () => {
    const listed = firstCells(section('The scenario')).flatMap((cell) => [...cell.matchAll(/`([\w.-]+)`/g)].map((match) => match[1]!));
    expect(listed).toEqual(scenario.map((step) => step.id));
  });

  it('lists every known difference, and no other', () => {
    const listed = firstCells(section('Known divergences: one source of truth')).map((cell) => cell.replace(/`/g, ''));
    expect(listed).toEqual(KNOWN_DIFFERENCES.map((entry) => entry.id));
  });

  it('explains every flag and variable --help names, and --help names them all', () => {
    const help = verifyHelpText();
    const flags = [...new Set([...help.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((match) => match[1]!))];
    expect(flags).toEqual(['--target', '--gateway', '--vine', '--json', '--dry-run', '--propagation-timeout', '--revoked-status', '--help']);
    const documented = firstCells(section('Flags and variables')).map((cell) => /`(?:-\w, )?(--[a-z-]+|[A-Z_]+)/.exec(cell)?.[1]);
    for (const flag of flags) expect(documented).toContain(flag);
    for (const variable of Object.values(CREDENTIAL_VARIABLES)) {
      expect(help).toContain(variable);
      expect(documented).toContain(variable);
    }
  });
});
