// An API family (LangWatch with its gateway data plane; Vine), described once. Everything above the
// core (the node:http server, its control plane, seeding, the CLI's banner and help, the MSW
// adapter's base URLs) loops over a list of these and names no product.
import type { MockClock } from '../core/clock.js';
import type { InputSource } from '../core/inputs.js';
import type { CredentialScope } from '../core/secrets.js';
import type { StatefulMock } from '../core/stateful-mock.js';

/** Settings every family is created with; each reads what concerns it. */
export interface FamilySettings {
  /** How long a rotated-out secret keeps working. */
  graceMs?: number | undefined;
  /** How long a data plane takes to see a revocation. */
  propagationMs?: number | undefined;
  /** What a data plane answers a revoked key with, once it sees the revocation (LangWatch: 401 or 403). */
  revokedKeyStatus?: 401 | 403 | undefined;
  /** Journal capacity. */
  journalSize?: number | undefined;
  /** Where the mocks index their credentials for redaction: a server gives every world's mocks one shared index. */
  credentialScope?: CredentialScope | undefined;
}

/** An entity the control plane can create (`POST /__mock/{family}/{entity}`) and list (`GET`). */
export interface Entity<Mock> {
  /** Creates one from a JSON body and returns the 201 body; bad input throws an InputError naming the field. */
  create(mock: Mock, input: unknown, source: InputSource): unknown;
  /** Every entity of this kind, as JSON (secrets included: the control plane hands out credentials by design). */
  list(mock: Mock): unknown[];
}

/**
 * What a family contributes to the server's credentials (the banner, `--log json`, createMockServer().credentials).
 * The server merges every family's, two levels deep, so `demo` and `seeded` collect all families' entries.
 */
export interface CredentialsPart {
  demo?: Record<string, unknown>;
  seeded: Record<string, unknown[]>;
  [field: string]: unknown;
}

/** The settings in force, defaults filled in, as the banner shows them. */
export type BannerSettings = Required<Pick<FamilySettings, 'graceMs' | 'propagationMs' | 'revokedKeyStatus'>>;

export interface Family<Name extends string = string, Mock extends StatefulMock = StatefulMock, Credentials extends CredentialsPart = CredentialsPart> {
  /** The key in control-plane paths (`/__mock/{name}/…`), journal listings and seed files. */
  name: Name;
  /** Default base URL of each route plane, for in-process use (MSW). The server serves every plane on its own origin. */
  baseUrls: Readonly<Record<string, string>>;
  /** A new, empty world of this API on a shared clock (plus whatever the family creates at start, e.g. a default project). */
  create(clock: MockClock, settings: FamilySettings): Mock;
  entities: Readonly<Record<string, Entity<Mock>>>;
  /**
   * Creates the demo entities (when `demo`) and those of this family's seed-file section (when given),
   * and returns the credentials to show. A bad section throws an InputError naming the entry: seeding
   * first runs on a scratch world, so a real one is only ever populated with a valid section.
   */
  populate(mock: Mock, options: { demo: boolean; section?: unknown; where: string }): Credentials;
  /** What `revokit-mock --help` says this family serves. */
  help: string;
  banner: {
    /** Lines naming the routes served at `url` (with the settings that change what they answer). */
    routes(url: string, settings: BannerSettings): string[];
    /** Durations worth showing, e.g. [["grace", 86400000]]. */
    settings?(settings: BannerSettings): Array<[label: string, ms: number]>;
    /** One line per credential. */
    credentials(credentials: Credentials): string[];
    /** Shell variables for the docs' curl examples. */
    exports(credentials: Credentials): Array<[name: string, value: string]>;
  };
}

/** Any family, whatever its mock and credentials. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFamily = Family<string, any, any>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MockOf<F> = F extends Family<string, infer Mock, any> ? Mock : never;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CredentialsOfFamily<F> = F extends Family<string, any, infer Credentials> ? Credentials : never;

/** Every operation name the families' mocks answer: what faults and the journal accept. */
export type OperationIdOf<Families extends readonly AnyFamily[]> = MockOf<Families[number]> extends StatefulMock<object, infer Name> ? Name : never;

/** `{ langwatch: LangWatchCore, vine: VineCore }` for the default families. */
export type MocksOf<Families extends readonly AnyFamily[]> = { [F in Families[number] as F['name']]: MockOf<F> };

type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

/** The merged credentials of a list of families. */
export type CredentialsOf<Families extends readonly AnyFamily[]> = UnionToIntersection<CredentialsOfFamily<Families[number]>>;
