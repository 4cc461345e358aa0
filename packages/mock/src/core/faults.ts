// Injected failures, queued per operation and consumed by the next matching requests.

export interface FaultSpec {
  /** Answer with this status (and the API's error envelope) instead of running the behaviour. */
  status?: number;
  /** Extra response headers, e.g. { 'retry-after': '0' }; a `content-type` replaces the answer's. */
  headers?: Record<string, string>;
  /** With `status`: this text, sent as is, instead of the API's error envelope (e.g. a proxy's HTML page). */
  body?: string;
  /** Wait this long (real time) before answering or dropping. */
  delayMs?: number;
  /** Drop the connection without running the behaviour: the request never took effect. */
  networkError?: boolean;
  /** Run the behaviour, then drop the connection: the request took effect but its response was lost. */
  dropResponse?: boolean;
  /** How many requests the fault applies to (default 1). */
  times?: number;
}

export interface Faults {
  next(operationId: string, fault: FaultSpec): void;
  /** Faults still queued, per operation. */
  pending(): Array<{ operationId: string } & FaultSpec>;
  clear(): void;
}

export interface FaultQueue extends Faults {
  take(operationId: string): FaultSpec | undefined;
}

export function createFaults(operationIds: readonly string[]): FaultQueue {
  const known = new Set(operationIds);
  const queues = new Map<string, Array<FaultSpec & { remaining: number }>>();
  return {
    next(operationId, fault) {
      if (!known.has(operationId)) {
        throw new TypeError(`faults.next: unknown operation "${operationId}"; expected one of ${[...known].join(', ')}`);
      }
      validateFault(fault);
      const queue = queues.get(operationId) ?? [];
      queue.push({ ...fault, remaining: fault.times ?? 1 });
      queues.set(operationId, queue);
    },
    take(operationId) {
      const queue = queues.get(operationId);
      const head = queue?.[0];
      if (!queue || !head) return undefined;
      head.remaining -= 1;
      if (head.remaining === 0) queue.shift();
      const { remaining: _remaining, ...fault } = head;
      return fault;
    },
    pending() {
      return [...queues].flatMap(([operationId, queue]) =>
        queue.map(({ remaining, ...fault }) => ({ operationId, ...fault, times: remaining })),
      );
    },
    clear() {
      queues.clear();
    },
  };
}

function validateFault(fault: FaultSpec): void {
  if (typeof fault !== 'object' || fault === null) throw new TypeError('a fault must be an object');
  const { status, delayMs, times, networkError, dropResponse, headers, body } = fault;
  if (status !== undefined && !(Number.isInteger(status) && status >= 400 && status <= 599)) {
    throw new RangeError('fault.status must be an integer from 400 to 599');
  }
  if (delayMs !== undefined && !(Number.isFinite(delayMs) && delayMs >= 0 && delayMs <= 600_000)) {
    throw new RangeError('fault.delayMs must be a number from 0 to 600000');
  }
  if (times !== undefined && !(Number.isInteger(times) && times >= 1)) throw new RangeError('fault.times must be an integer >= 1');
  if (networkError !== undefined && typeof networkError !== 'boolean') throw new TypeError('fault.networkError must be a boolean');
  if (dropResponse !== undefined && typeof dropResponse !== 'boolean') throw new TypeError('fault.dropResponse must be a boolean');
  if (headers !== undefined && (typeof headers !== 'object' || headers === null || Object.values(headers).some((v) => typeof v !== 'string'))) {
    throw new TypeError('fault.headers must map header names to strings');
  }
  if (body !== undefined && typeof body !== 'string') throw new TypeError('fault.body must be a string');
  if (body !== undefined && status === undefined) throw new TypeError('fault.body needs fault.status: it replaces the error envelope of that status');
  const modes = [status !== undefined, networkError === true, dropResponse === true].filter(Boolean).length;
  if (modes > 1) throw new TypeError('a fault takes at most one of status, networkError and dropResponse');
}
