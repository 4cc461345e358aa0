// The committed report of one package: a header saying which API was last released (its version
// and the hash of its report), then the report itself. `npm run api` rewrites the report and
// keeps the header's release; `npm run version-packages` moves the release to the current API.
import { createHash } from 'node:crypto';

export interface Released {
  version: string;
  hash: string;
}

export interface ReportFile {
  released: Released | undefined;
  body: string;
}

const RELEASED = /^Last released API: (\S+), sha256 ([0-9a-f]{16})$/m;

export const hashOf = (body: string): string => createHash('sha256').update(body).digest('hex').slice(0, 16);

export function formatReportFile(name: string, { released, body }: ReportFile): string {
  return [
    `# ${name}: public API`,
    '',
    '<!-- Written by `npm run api` from the emitted declarations of every entry point in package.json `exports`. Do not edit: see docs/releasing.md. -->',
    '',
    released ? `Last released API: ${released.version}, sha256 ${released.hash}` : 'Last released API: none',
    '',
    body,
  ].join('\n');
}

export function parseReportFile(text: string): ReportFile {
  const match = RELEASED.exec(text);
  const start = text.indexOf('\n## ');
  return {
    released: match ? { version: match[1]!, hash: match[2]! } : undefined,
    body: start === -1 ? '' : text.slice(start + 1),
  };
}
