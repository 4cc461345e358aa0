// The (operation, status) pairs docs/divergences.md accepts: the rows of its table whose first
// cell is an operationId in backticks and whose second is a status code.
import { readFileSync } from 'node:fs';

const DOC = new URL('../../../docs/divergences.md', import.meta.url);

export const pairKey = (operationId: string, status: number) => `${operationId} ${status}`;

export function parseDivergenceTable(markdown: string): Set<string> {
  const pairs = new Set<string>();
  for (const line of markdown.split('\n')) {
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
    const operation = /^`([^`]+)`$/.exec(cells[0] ?? '');
    const status = /^\d{3}$/.exec(cells[1] ?? '');
    if (operation && status) pairs.add(pairKey(operation[1]!, Number(status[0])));
  }
  return pairs;
}

export function readAllowedDivergences(): Set<string> {
  return parseDivergenceTable(readFileSync(DOC, 'utf8'));
}
