// What a core knows of the credentials it minted, for redaction: those its state holds, and the
// last ones that left it (rotated out, or dropped by a reset) that a client may still send. The
// version changes whenever that set may have changed, so an index of it is rebuilt only then.

export interface SecretSource {
  /** Changes whenever credentials() may yield something new. */
  readonly version: number;
  credentials(): Iterable<string>;
}

export interface SecretTracker extends SecretSource {
  /** The credentials the state holds right now. */
  held(): Iterable<string>;
  /** After credentials were minted. */
  changed(): void;
  /** A credential that leaves the state (rotated out) stays covered for the next `capacity` ones. */
  retire(credential: string): void;
  /** After the state was swapped (reset): those of `before` it no longer holds are retired. */
  replaced(before: Iterable<string>): void;
}

/** As many as a default journal holds entries: each rotation is one journaled request. */
export const RETIRED_CREDENTIALS_KEPT = 1000;

export function createSecretTracker(held: () => Iterable<string>, capacity = RETIRED_CREDENTIALS_KEPT): SecretTracker {
  let version = 0;
  // A ring: once full, each newly retired credential overwrites the oldest.
  const retired: string[] = [];
  let next = 0;
  const retire = (credential: string) => {
    retired[next] = credential;
    next = (next + 1) % capacity;
  };
  return {
    get version() {
      return version;
    },
    held,
    *credentials() {
      yield* held();
      yield* retired;
    },
    changed() {
      version += 1;
    },
    retire(credential) {
      retire(credential);
      version += 1;
    },
    replaced(before) {
      const now = new Set(held());
      for (const credential of before) if (!now.has(credential)) retire(credential);
      version += 1;
    },
  };
}
