// One line per answered request. Lines carry the method, the path (no query), the status and
// the operation, never a header or a body, and the path goes through the mocks' redaction: ids
// in paths are not secret, but a client may put a secret where an id belongs.

export type LogFormat = 'pretty' | 'json' | 'silent';

export interface RequestLogEntry {
  method: string;
  path: string;
  /** 0 when the connection was dropped (an injected network fault). */
  status: number;
  operationId: string | undefined;
  durationMs: number;
}

export interface RequestLog {
  readonly enabled: boolean;
  write(entry: RequestLogEntry): void;
}

const MAX_LOGGED_PATH = 200;

/** `redact` scrubs paths of every credential the server's worlds know (and every product's formats). */
export function createRequestLog(format: LogFormat, writeLine: (line: string) => void, redact: (text: string) => string): RequestLog {
  if (format === 'silent') return { enabled: false, write() {} };
  const safePath = (path: string): string => {
    // Redacted whole before cutting: a cut could leave a credential too short to recognise.
    const redacted = redact(path);
    const shown = redacted.length > MAX_LOGGED_PATH ? `${redacted.slice(0, MAX_LOGGED_PATH)}…(${path.length} chars)` : redacted;
    // Control characters would let a request forge extra log lines.
    return shown.replace(/[\u0000-\u001f\u007f]/g, '?');
  };
  const render = format === 'json' ? renderJson : renderPretty;
  return {
    enabled: true,
    write(entry) {
      try {
        writeLine(render(entry, safePath(entry.path)));
      } catch {
        // A failing log sink (a closed pipe, a throwing callback) must not cost the request its answer.
      }
    },
  };
}

function renderJson(entry: RequestLogEntry, path: string): string {
  return JSON.stringify({
    event: 'request',
    time: new Date().toISOString(),
    method: entry.method,
    path,
    status: entry.status,
    operation_id: entry.operationId ?? null,
    duration_ms: Math.round(entry.durationMs * 10) / 10,
  });
}

function renderPretty(entry: RequestLogEntry, path: string): string {
  const time = new Date().toISOString().slice(11, 23);
  const status = entry.status === 0 ? 'dropped' : String(entry.status);
  const operation = entry.operationId ? `  ${entry.operationId}` : '';
  return `${time} ${entry.method.padEnd(6)} ${path} → ${status}${operation} (${entry.durationMs.toFixed(1)} ms)`;
}
