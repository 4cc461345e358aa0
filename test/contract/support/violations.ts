// Prism's verdicts, read from the `sl-violations` header it adds to every proxied response
// that broke the spec. Errors always fail the suite; a Warning fails unless its
// (operation, status) pair is a row of docs/divergences.md.
import { langWatchRoutes, vineRoutes } from '@revokit/mock/core/index';
import { createRouter } from '@revokit/mock/core/router';
import { pairKey } from './divergences.js';

export interface PrismViolation {
  location?: string[];
  severity: string;
  code?: string | number;
  message: string;
}

export interface ViolationRecord {
  method: string;
  path: string;
  status: number;
  operationId: string | undefined;
  violations: PrismViolation[];
}

const router = createRouter([...langWatchRoutes, ...vineRoutes]);

export function operationOf(method: string, path: string): string | undefined {
  const match = router.match(method, path);
  return match.kind === 'match' ? match.name : undefined;
}

export function parseViolationHeader(header: string | null): PrismViolation[] {
  if (!header) return [];
  const parsed: unknown = JSON.parse(header);
  if (!Array.isArray(parsed)) throw new Error(`sl-violations is not a JSON array: ${header}`);
  return parsed as PrismViolation[];
}

/** What in `record` the suite must fail on (empty when it conforms, divergences allowed). */
export function unacceptable(record: ViolationRecord, allowed: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const violation of record.violations) {
    const where = `${record.method} ${record.path} → ${record.status} (${record.operationId ?? 'unknown operation'})`;
    if (violation.severity === 'Error') problems.push(`${where}: Prism Error: ${violation.message}`);
    else if (violation.severity === 'Warning' && !(record.operationId && allowed.has(pairKey(record.operationId, record.status)))) {
      problems.push(`${where}: Prism Warning not listed in docs/divergences.md: ${violation.message}`);
    }
  }
  return problems;
}

/** A fetch that remembers every Prism verdict it sees, for the SDK clients and for plain calls. */
export function createRecordingFetch() {
  const records: ViolationRecord[] = [];
  const recordingFetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const path = new URL(request.url).pathname;
    records.push({
      method: request.method,
      path,
      status: response.status,
      operationId: operationOf(request.method, path),
      violations: parseViolationHeader(response.headers.get('sl-violations')),
    });
    return response;
  };
  return {
    fetch: recordingFetch,
    /** Returns the records so far and forgets them. */
    take(): ViolationRecord[] {
      return records.splice(0, records.length);
    },
  };
}
