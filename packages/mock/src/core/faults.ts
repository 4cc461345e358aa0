// Injected failures, queued per operation and consumed by the next matching requests.
import { InputError, joinPath, nameIn, readInput, rules, type Naming, type Rules } from './inputs.js';

export interface FaultSpec {
  /** Answer with this status (400–599, in the API's error envelope) instead of running the behaviour. */
  status?: number | undefined;
  /** Extra response headers, e.g. { 'retry-after': '0' }; a `content-type` replaces the answer's. Headers that frame the message are refused. */
  headers?: Record<string, string> | undefined;
  /** With `status`: this text, sent as is, instead of the API's error envelope (e.g. a proxy's HTML page). */
  body?: string | undefined;
  /** Wait this long (real time, 0–600000 ms) before answering or dropping. */
  delayMs?: number | undefined;
  /** Drop the connection without running the behaviour: the request never took effect. */
  networkError?: boolean | undefined;
  /** Run the behaviour, then drop the connection: the request took effect but its response was lost. */
  dropResponse?: boolean | undefined;
  /** How many requests the fault applies to (default 1, at most 1000000). */
  times?: number | undefined;
}

/** The fault queue as tests see it. `Name` is the mock's operation names: any other is a type error. */
export interface Faults<Name extends string = string> {
  next(operationId: Name, fault: FaultSpec): void;
  /** Faults still queued, per operation. */
  pending(): Array<{ operationId: Name } & FaultSpec>;
  clear(): void;
}

export interface FaultQueue<Name extends string = string> extends Faults<Name> {
  take(operationId: string): FaultSpec | undefined;
}

/** Headers that frame the message: a fault must not be able to break the connection's framing. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer']);

const faultRules: Rules<FaultSpec> = {
  status: rules.integer(400, 599),
  headers: rules.headers(FRAMING_HEADERS),
  body: rules.string,
  delayMs: rules.integer(0, 600_000),
  networkError: rules.boolean,
  dropResponse: rules.boolean,
  times: rules.integer(1, 1_000_000),
};

/** Validates a fault from either door (faults.next, or the control plane's JSON). */
export function readFault(value: unknown, where: string, naming: Naming): FaultSpec {
  const fault = readInput(faultRules, value, where, naming);
  const modes = [fault.status !== undefined, fault.networkError === true, fault.dropResponse === true].filter(Boolean).length;
  if (modes > 1) {
    const names = ['status', 'networkError', 'dropResponse'].map((name) => nameIn(naming, name));
    throw new InputError(nameIn(naming, 'status'), `${names.join(', ')} exclude each other: a fault takes at most one`);
  }
  if (fault.body !== undefined && fault.status === undefined) {
    const [body, status] = ['body', 'status'].map((name) => joinPath(where, nameIn(naming, name)));
    throw new InputError(body!, `${body} needs ${status}: it replaces the error envelope of that status`);
  }
  return fault;
}

export function createFaults<Name extends string>(operationIds: readonly Name[]): FaultQueue<Name> {
  const known = new Set<string>(operationIds);
  const queues = new Map<Name, Array<FaultSpec & { remaining: number }>>();
  return {
    next(operationId, fault) {
      if (!known.has(operationId)) {
        throw new InputError('operationId', `faults.next: unknown operation "${operationId}"; expected one of ${[...known].join(', ')}`);
      }
      const checked = readFault(fault, 'fault', 'camel');
      const queue = queues.get(operationId) ?? [];
      queue.push({ ...checked, remaining: checked.times ?? 1 });
      queues.set(operationId, queue);
    },
    take(operationId) {
      const queue = queues.get(operationId as Name);
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
