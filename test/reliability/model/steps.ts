// The fuzz's steps: plain data (so that fast-check prints a failing list readably and shrinks it),
// naming entities by index into the model's lists, so that a step means the same on every replay.
import fc from 'fast-check';
import type { CredentialRef, CredentialSource, Mangle } from './credentials.js';

/** How a step fills the `{id}` of its route. */
export type Target =
  | { own: number; enc: 'plain' | 'pctOne' | 'pctAll' }
  | { other: 'vk' | 'admin' | 'vine' | 'project'; i: number }
  | { junk: string }
  | { cred: CredentialRef };

export type Scheme = 'Bearer' | 'bearer' | 'BEARER' | 'BearerPadded' | 'BearerBlank' | 'Basic' | 'basic' | 'BasicUrlSafe' | 'BasicNoUser' | 'BasicEmptyKey' | 'BasicJunk' | 'Token';
export type Slot = CredentialRef | 'empty';

/** The credential headers a request carries: any mix, whatever the route reads. */
export interface Credentials {
  authorization?: { scheme: Scheme; cred: CredentialRef };
  'x-auth-token'?: Slot;
  'x-api-key'?: Slot;
  'x-goog-api-key'?: Slot;
  'xi-api-key'?: Slot;
}

/** What any request may carry besides: a request id, a credential in the query, a session, the wrong host. */
export interface Extras {
  requestId?: string;
  query?: CredentialRef | 'plain';
  session?: { header?: string; prefix?: string; credential?: CredentialRef };
  wrongHost?: boolean;
}

/** A path no route takes, a route's path (for its wrong methods), or a credential pasted under some prefix. */
export type JunkPath = string | { route: 'vkRevoke' | 'vkRotate' | 'admin' | 'vine' | 'detect'; i: number } | { under: string; cred: CredentialRef };

export type GatewayCall =
  | 'models' | 'chat' | 'embeddings' | 'embeddingsTooMany' | 'messages' | 'messagesNoModel' | 'chatStream' | 'chatNoModel' | 'chatNotJson' | 'chatEmptyModel' | 'chatLongModel'
  | 'unrouted' | 'unroutedCred' | 'wrongMethod';
export type DetectBody = 'ok' | 'notJson' | 'empty' | 'array' | 'noUrl' | 'relative' | 'number' | 'extra' | 'credKey';
export type Create =
  | { what: 'project' }
  | { what: 'vk'; project: number | 'default'; environment?: 'live' | 'test'; name?: string }
  | { what: 'admin'; role?: 'admin' | 'member'; permissions: 'default' | 'none' | 'manage' | 'other'; owner: 'new' | number }
  | { what: 'vine'; env?: 'live' | 'test'; name?: string }
  | { what: 'credential'; project: number | 'default'; disabled: boolean };
/** A body of POST /virtual-keys (or of PATCH, where every field is optional and description may be null). */
export type VkBody =
  | 'notJson'
  | 'array'
  | {
      name?: 'fresh' | 'seedName' | 'ci' | 'empty' | 'max' | 'long' | 'number';
      description?: 'text' | 'empty' | 'null' | 'number';
      environment?: 'live' | 'test' | 'prod';
      principal?: 'user' | 'null' | 'number';
      /** Credentials by index into the world's, an unknown one, a repeat, none, or not an array. */
      chain?: { cred: number; second?: number } | { dup: number } | 'unknown' | 'empty' | 'notArray';
      config?: 'valid' | 'invalid' | 'null';
      extra?: true;
    };
export type BindingChoice = { role: 'ADMIN' | 'MEMBER' | 'VIEWER' | 'CUSTOM'; scope: 'org' | 'otherOrg' | 'team' | 'unknownProject' | { project: number } };
/** A body of POST /api/api-keys. */
export type AdminBody =
  | 'notJson'
  | 'textPlain'
  | {
      keyType?: 'personal' | 'service' | 'bot';
      name?: 'k' | 'empty' | 'long' | 'none';
      description?: 'd' | 'long';
      expiresAt?: 'past' | 'future' | 'null' | 'bad';
      bindings?: BindingChoice[] | 'notArray' | 'tooMany';
      projectIds?: Array<number | 'empty' | 'unknown'>;
    };
export type VineBody = 'notJson' | { name?: 'k' | 'empty' | 'long' | 'number'; env?: 'live' | 'test' | 'prod'; scopes?: 'custom' | 'bad'; extra?: true };
/** X-Project-Id for an admin key on the virtual-key routes: a project by index, or one that does not exist. */
export type ProjectHeader = number | 'junk';

export type BadCreate = 'vkEnvironment' | 'vkProject' | 'adminRole' | 'adminPermissions' | 'vineEnv' | 'unknownField' | 'notJson';
export type BadClock = 'negative' | 'fraction' | 'year' | 'feb30' | 'noOffset' | 'empty' | 'both' | 'notJson' | 'frozenString';

export type Step =
  | { t: 'vk'; op: 'revoke' | 'rotate'; target: Target; auth: Credentials; pid?: ProjectHeader; x: Extras }
  | { t: 'vkList'; auth: Credentials; pid?: ProjectHeader; x: Extras }
  | { t: 'vkGet'; target: Target; auth: Credentials; pid?: ProjectHeader; x: Extras }
  | { t: 'vkCreate'; body: VkBody; auth: Credentials; pid?: ProjectHeader; x: Extras }
  | { t: 'vkUpdate'; target: Target; body: VkBody; auth: Credentials; pid?: ProjectHeader; x: Extras }
  | { t: 'adminList'; auth: Credentials; x: Extras }
  | { t: 'adminCreate'; body: AdminBody; auth: Credentials; x: Extras }
  | { t: 'vineCreate'; body: VineBody; x: Extras }
  | { t: 'admin'; target: Target; auth: Credentials; x: Extras }
  | { t: 'vine'; target: Target; x: Extras }
  | { t: 'gateway'; call: GatewayCall; keys: Credentials; x: Extras }
  | { t: 'detect'; auth: Credentials; body: DetectBody; x: Extras }
  | { t: 'junk'; method: string; path: JunkPath; keys: Credentials; x: Extras }
  | { t: 'big'; route: 'vkRevoke' | 'chat' | 'detect' | 'nowhere'; size: 'limit' | 'over' | 'far'; chunked: boolean; x: Extras }
  | { t: 'clock'; pick: number; delta: -1 | 0 | 1; how: 'advance' | 'set' }
  | { t: 'clockBad'; body: BadClock }
  | { t: 'reset' }
  | { t: 'create'; create: Create }
  | { t: 'createBad'; bad: BadCreate }
  | { t: 'fault'; op: string; status?: number; network?: true; times: 1 | 2 }
  | { t: 'clearFaults' }
  | { t: 'inspect' };

/** Ids no entity has: empty, dot segments (plain and encoded), encoded slashes, malformed escapes, unicode, 10 kB. */
export const JUNK_IDS = ['', '.', '..', '%2E%2E', '%2e', 'a%2Fb', '%2F', 'a\\b', '%ZZ', '%', '%C3%A9', '%F0%9F%94%91', '\u00e9', '\u{1F511}', '%20', '__proto__', 'constructor', 'vk_' + 'A'.repeat(22), 'x'.repeat(10_240)];

const JUNK_PATHS = ['/', '/nope', '/api', '/api/v1/keys', '/api/v1/keys/x', '/api/v1/keys/x/revoke/extra', '/api/api-keys', '/api/api-keys/', '/API/v1/detect', '//api/v1/detect', '/api/v1/detect/', '/api/gateway/v1/virtual-keys/x/nope', '/v1', '/v1/', '/v1/models/x', '/%2e%2e/api/v1/detect', '/api/v1/keys/%2e%2e/revoke', '/__mock/nope', '/__mock/', '/__mock/reset', '/__mock/clock', '/__mock/health', '/__mock/faults', '/__mock/ui', '/__mock/ui/nope', '/__mock/ui/../reset'];
const CREDENTIAL_UNDER = ['/nope/', '/__mock/', '/__mock/ui/', '/__mock/langwatch/', '/api/v1/keys/', '/v1/', '/api/api-keys/x/'];

/** `arb` `present` times in `present + absent`, else undefined. */
const maybe = <T>(arb: fc.Arbitrary<T>, present: number, absent: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: arb, weight: present }, { arbitrary: fc.constant(undefined), weight: absent });

/** Mostly the first few entities, so that steps keep meeting the same keys (revoke, then rotate, then call it). */
const index = fc.oneof({ arbitrary: fc.nat(2), weight: 4 }, fc.nat(9));

const credential = (sources: CredentialSource[], weights: number[], mangled: number): fc.Arbitrary<CredentialRef> =>
  fc.record({
    from: fc.oneof(...sources.map((source, i) => ({ arbitrary: fc.constant(source), weight: weights[i]! }))),
    i: index,
    mangle: fc.oneof({ arbitrary: fc.constant<Mangle>('none'), weight: 12 - mangled }, { arbitrary: fc.constantFrom<Mangle>('pctOne', 'pctAll', 'pctTwice', 'upper', 'inner', 'tail'), weight: mangled }),
  });

const ALL_SOURCES: CredentialSource[] = ['project', 'vk', 'vkPrevious', 'vkRetired', 'admin', 'vine', 'unknown', 'garbage'];
const anyCredential = credential(ALL_SOURCES, [1, 1, 1, 1, 1, 1, 1, 1], 6);
const slot = (cred: fc.Arbitrary<CredentialRef>): fc.Arbitrary<Slot> => fc.oneof({ arbitrary: cred, weight: 6 }, fc.constant<Slot>('empty'));
const ALL_SCHEMES: Scheme[] = ['Bearer', 'bearer', 'BEARER', 'BearerPadded', 'BearerBlank', 'Basic', 'basic', 'BasicUrlSafe', 'BasicNoUser', 'BasicEmptyKey', 'BasicJunk', 'Token'];

/** Where a route's credential goes: a scheme of Authorization, or a header of its own. */
type Placement = Scheme | Exclude<keyof Credentials, 'authorization'>;

/** Any mix of credential headers, any of them junk. */
const noise = (headers: Array<keyof Credentials>): fc.Arbitrary<Credentials> =>
  fc
    .record({
      authorization: maybe(fc.record({ scheme: fc.constantFrom(...ALL_SCHEMES), cred: anyCredential }), 1, 1),
      ...Object.fromEntries(headers.map((name) => [name, maybe(slot(anyCredential), 1, 2)])),
    })
    .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Credentials);

/** Mostly the route's credential where it reads one (over some noise, which precedence must see through or not), else noise alone. */
function credentials(main: fc.Arbitrary<CredentialRef>, placements: Placement[], headers: Array<keyof Credentials>): fc.Arbitrary<Credentials> {
  const placed = fc.record({ at: fc.constantFrom(...placements), cred: main, noise: maybe(noise(headers), 1, 3) }).map(({ at, cred, noise: extra }) => {
    const primary: Credentials = ALL_SCHEMES.includes(at as Scheme) ? { authorization: { scheme: at as Scheme, cred } } : { [at]: cred };
    return { ...extra, ...primary };
  });
  return fc.oneof({ arbitrary: placed, weight: 5 }, { arbitrary: noise(headers), weight: 1 });
}

const extras = (transport: 'http' | 'msw'): fc.Arbitrary<Extras> =>
  fc
    .record({
      requestId: maybe(fc.constantFrom('fz-1', 'Client Id / 7', '  padded  ', '', 'caf\u00e9', 'x'.repeat(200)), 1, 1),
      query: maybe(fc.oneof(fc.constant<'plain'>('plain'), anyCredential), 1, 6),
      session:
        transport === 'http'
          ? maybe(
              fc.oneof(
                fc.record({ header: fc.constantFrom('fz-1', 'fz-2', 'bad id!', 'x'.repeat(65), '', 'fz/1', '.', '..') }),
                fc.record({ prefix: fc.constantFrom('fz-1', 'fz-2', 'a%20b', '', '.', '..') }),
                fc.record({ prefix: fc.constant('fz-1'), header: fc.constantFrom('fz-1', 'fz-2') }),
                fc.record({ credential: credential(['project', 'admin', 'vk', 'vine'], [1, 1, 1, 1], 3) }),
              ),
              1,
              8,
            )
          : fc.constant(undefined),
      wrongHost: transport === 'msw' ? maybe(fc.constant(true as const), 1, 25) : fc.constant(undefined),
    })
    .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Extras);

const target: fc.Arbitrary<Target> = fc.oneof(
  { arbitrary: fc.record({ own: index, enc: fc.oneof({ arbitrary: fc.constant('plain' as const), weight: 8 }, fc.constantFrom('pctOne' as const, 'pctAll' as const)) }), weight: 12 },
  { arbitrary: fc.record({ other: fc.constantFrom('vk' as const, 'admin' as const, 'vine' as const, 'project' as const), i: index }), weight: 1 },
  { arbitrary: fc.record({ junk: fc.constantFrom(...JUNK_IDS) }), weight: 2 },
  { arbitrary: fc.record({ cred: anyCredential }), weight: 1 },
);

const TIMES = fc.constantFrom<1 | 2>(1, 2);
const FAULTED_OPS = ['getApiGatewayV1Virtual-keys', 'postApiGatewayV1Virtual-keys', 'getApiGatewayV1Virtual-keysById', 'patchApiGatewayV1Virtual-keysById', 'listApiKeys', 'createApiKey', 'postApiV1Keys', 'postApiGatewayV1Virtual-keysByIdRevoke', 'postApiGatewayV1Virtual-keysByIdRotate', 'revokeApiKey', 'gatewayListModels', 'gatewayCreateChatCompletion', 'gatewayCreateEmbedding', 'gatewayCreateMessage', 'postApiV1KeysByIdRevoke', 'postApiV1Detect'];

const create: fc.Arbitrary<Create> = fc.oneof(
  fc.constant<Create>({ what: 'project' }),
  fc.record({ what: fc.constant('vk' as const), project: fc.oneof(fc.constant('default' as const), fc.nat(9)), environment: fc.option(fc.constantFrom('live' as const, 'test' as const), { nil: undefined }), name: fc.option(fc.constantFrom('ci', 'caf\u00e9 \u{1F511}', ''), { nil: undefined }) }, { requiredKeys: ['what', 'project'] }),
  fc.record({ what: fc.constant('admin' as const), role: fc.option(fc.constantFrom('admin' as const, 'member' as const), { nil: undefined }), permissions: fc.constantFrom('default' as const, 'none' as const, 'manage' as const, 'other' as const), owner: fc.oneof(fc.constant('new' as const), fc.nat(9)) }, { requiredKeys: ['what', 'permissions', 'owner'] }),
  fc.record({ what: fc.constant('vine' as const), env: fc.option(fc.constantFrom('live' as const, 'test' as const), { nil: undefined }), name: fc.option(fc.constantFrom('ci', 'prod'), { nil: undefined }) }, { requiredKeys: ['what'] }),
  fc.record({ what: fc.constant('credential' as const), project: fc.oneof(fc.constant('default' as const), fc.nat(9)), disabled: fc.boolean() }),
);

const some = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
/** Mostly one of the valid values, sometimes one of the others. */
const mostly = <T>(valid: T[], invalid: T[]) => fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 6 }, { arbitrary: fc.constantFrom(...invalid), weight: 1 });
const rarely = <T>(value: T) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, fc.constant(value));
/** The first provider credential (the default project's) more often than its share. */
const credentialIndex = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.nat(9));
const chain = fc.oneof(
  { arbitrary: fc.record({ cred: credentialIndex, second: some(fc.nat(9)) }, { requiredKeys: ['cred'] }), weight: 12 },
  fc.record({ dup: fc.nat(9) }),
  fc.constantFrom('unknown' as const, 'empty' as const, 'notArray' as const),
);
const vkFields = (forUpdate: boolean): fc.Arbitrary<VkBody> =>
  fc.oneof(
    {
      weight: 12,
      arbitrary: fc.record(
        {
          name: fc.oneof({ arbitrary: fc.constant('fresh' as const), weight: 10 }, fc.constantFrom('seedName' as const, 'ci' as const, 'empty' as const, 'max' as const, 'long' as const, 'number' as const)),
          description: mostly<'text' | 'empty' | 'null' | 'number'>(['text', 'empty'], ['null', 'number']),
          environment: mostly<'live' | 'test' | 'prod'>(['live', 'test'], ['prod']),
          principal: mostly<'user' | 'null' | 'number'>(['user', 'null'], ['number']),
          chain,
          config: mostly<'valid' | 'invalid' | 'null'>(['valid'], ['invalid', 'null']),
          extra: rarely(true as const),
        },
        { requiredKeys: forUpdate ? [] : ['name', 'chain'] },
      ),
    },
    fc.constantFrom<VkBody>('notJson', 'array'),
  );
const binding: fc.Arbitrary<BindingChoice> = fc.record({
  role: fc.oneof({ arbitrary: fc.constantFrom('ADMIN' as const, 'MEMBER' as const, 'VIEWER' as const), weight: 8 }, fc.constant('CUSTOM' as const)),
  scope: fc.oneof({ arbitrary: fc.constant('org' as const), weight: 4 }, { arbitrary: fc.record({ project: fc.nat(9) }), weight: 4 }, fc.constantFrom('otherOrg' as const, 'team' as const, 'unknownProject' as const)),
});
const adminBody: fc.Arbitrary<AdminBody> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record(
      {
        keyType: fc.oneof({ arbitrary: fc.constantFrom('personal' as const, 'service' as const), weight: 8 }, fc.constant('bot' as const)),
        name: fc.oneof({ arbitrary: fc.constant('k' as const), weight: 8 }, fc.constantFrom('empty' as const, 'long' as const, 'none' as const)),
        description: mostly<'d' | 'long'>(['d'], ['long']),
        expiresAt: mostly<'past' | 'future' | 'null' | 'bad'>(['future'], ['past', 'null', 'bad']),
        bindings: fc.oneof({ arbitrary: fc.array(binding, { maxLength: 3 }), weight: 8 }, fc.constantFrom('notArray' as const, 'tooMany' as const)),
        projectIds: fc.array(fc.oneof({ arbitrary: fc.nat(9), weight: 6 }, fc.constantFrom('empty' as const, 'unknown' as const)), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
  },
  fc.constantFrom<AdminBody>('notJson', 'textPlain'),
);
const vineBody: fc.Arbitrary<VineBody> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record(
      {
        name: fc.oneof({ arbitrary: fc.constant('k' as const), weight: 6 }, fc.constantFrom('empty' as const, 'long' as const, 'number' as const)),
        env: mostly<'live' | 'test' | 'prod'>(['live', 'test'], ['prod']),
        scopes: mostly<'custom' | 'bad'>(['custom'], ['bad']),
        extra: rarely(true as const),
      },
      { requiredKeys: [] },
    ),
  },
  fc.constant<VineBody>('notJson'),
);
const projectHeader = fc.option(fc.oneof({ arbitrary: fc.nat(9), weight: 6 }, fc.constant('junk' as const)), { nil: undefined, freq: 2 });

export function stepArbitrary(transport: 'http' | 'msw'): fc.Arbitrary<Step> {
  const x = extras(transport);
  const project = credential(['keyProject', 'project', 'admin', 'vk', 'vine', 'unknown'], [16, 4, 6, 1, 1, 1], 1);
  const admin = credential(['admin', 'project', 'vk', 'unknown'], [16, 1, 1, 1], 1);
  const secret = credential(['vk', 'vkPrevious', 'vkRetired', 'project', 'admin', 'vine', 'unknown', 'garbage'], [10, 8, 2, 1, 1, 1, 1, 1], 1);
  const vineKey = credential(['vine', 'vk', 'project', 'unknown'], [16, 1, 1, 1], 1);
  const keyHeaders: Array<keyof Credentials> = ['x-api-key', 'x-goog-api-key', 'xi-api-key'];
  const appHeaders: Array<keyof Credentials> = ['x-auth-token'];
  const appPlacements: Placement[] = ['Bearer', 'bearer', 'BearerPadded', 'Basic', 'basic', 'BasicUrlSafe', 'x-auth-token', 'x-auth-token'];
  const gatewayPlacements: Placement[] = ['Bearer', 'bearer', 'BEARER', 'BearerPadded', 'x-api-key', 'x-goog-api-key', 'xi-api-key'];
  const steps: Array<{ arbitrary: fc.Arbitrary<Step>; weight: number }> = [
    { weight: 14, arbitrary: fc.record({ t: fc.constant('vk' as const), op: fc.constantFrom('revoke' as const, 'rotate' as const, 'rotate' as const), target, auth: credentials(project, appPlacements, appHeaders), pid: projectHeader, x }) },
    { weight: 8, arbitrary: fc.record({ t: fc.constant('admin' as const), target, auth: credentials(admin, appPlacements, appHeaders), x }) },
    { weight: 4, arbitrary: fc.record({ t: fc.constant('vkList' as const), auth: credentials(project, appPlacements, appHeaders), pid: projectHeader, x }) },
    { weight: 4, arbitrary: fc.record({ t: fc.constant('vkGet' as const), target, auth: credentials(project, appPlacements, appHeaders), pid: projectHeader, x }) },
    { weight: 8, arbitrary: fc.record({ t: fc.constant('vkCreate' as const), body: vkFields(false), auth: credentials(project, appPlacements, appHeaders), pid: projectHeader, x }) },
    { weight: 6, arbitrary: fc.record({ t: fc.constant('vkUpdate' as const), target, body: vkFields(true), auth: credentials(project, appPlacements, appHeaders), pid: projectHeader, x }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('adminList' as const), auth: credentials(admin, appPlacements, appHeaders), x }) },
    { weight: 6, arbitrary: fc.record({ t: fc.constant('adminCreate' as const), body: adminBody, auth: credentials(admin, appPlacements, appHeaders), x }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('vineCreate' as const), body: vineBody, x }) },
    { weight: 5, arbitrary: fc.record({ t: fc.constant('vine' as const), target, x }) },
    { weight: 24, arbitrary: fc.record({ t: fc.constant('gateway' as const), call: fc.oneof({ arbitrary: fc.constantFrom<GatewayCall>('models', 'chat'), weight: 6 }, fc.constantFrom<GatewayCall>('embeddings', 'embeddingsTooMany', 'messages', 'messagesNoModel', 'chatStream', 'chatNoModel', 'chatNotJson', 'chatEmptyModel', 'chatLongModel', 'unrouted', 'unroutedCred', 'wrongMethod')), keys: credentials(secret, gatewayPlacements, keyHeaders), x }) },
    { weight: 6, arbitrary: fc.record({ t: fc.constant('detect' as const), auth: credentials(vineKey, ['Bearer', 'bearer', 'BearerPadded'], ['x-api-key']), body: fc.oneof({ arbitrary: fc.constant<DetectBody>('ok'), weight: 5 }, fc.constantFrom<DetectBody>('notJson', 'empty', 'array', 'noUrl', 'relative', 'number', 'extra', 'credKey')), x }) },
    { weight: 7, arbitrary: fc.record({ t: fc.constant('junk' as const), method: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH'), path: fc.oneof(fc.constantFrom(...JUNK_PATHS), fc.record({ route: fc.constantFrom('vkRevoke' as const, 'vkRotate' as const, 'admin' as const, 'vine' as const, 'detect' as const), i: fc.nat(9) }), fc.record({ under: fc.constantFrom(...CREDENTIAL_UNDER), cred: anyCredential })), keys: noise(['x-api-key', 'x-auth-token']), x }) },
    { weight: 9, arbitrary: fc.record({ t: fc.constant('clock' as const), pick: fc.nat(20), delta: fc.constantFrom<-1 | 0 | 1>(-1, 0, 1), how: fc.constantFrom('advance' as const, 'set' as const) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('clockBad' as const), body: fc.constantFrom<BadClock>('negative', 'fraction', 'year', 'feb30', 'noOffset', 'empty', 'both', 'notJson', 'frozenString') }) },
    { weight: 1, arbitrary: fc.constant<Step>({ t: 'reset' }) },
    { weight: 5, arbitrary: fc.record({ t: fc.constant('create' as const), create }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('createBad' as const), bad: fc.constantFrom<BadCreate>('vkEnvironment', 'vkProject', 'adminRole', 'adminPermissions', 'vineEnv', 'unknownField', 'notJson') }) },
    {
      weight: 3,
      arbitrary: fc.oneof(
        { arbitrary: fc.record({ t: fc.constant('fault' as const), op: fc.constantFrom(...FAULTED_OPS), status: fc.constantFrom(400, 429, 500, 502, 503, 504), times: TIMES }), weight: 4 },
        fc.record({ t: fc.constant('fault' as const), op: fc.constantFrom(...FAULTED_OPS), network: fc.constant(true as const), times: TIMES }),
      ),
    },
    { weight: 1, arbitrary: fc.constant<Step>({ t: 'clearFaults' }) },
    { weight: 2, arbitrary: fc.constant<Step>({ t: 'inspect' }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('big' as const), route: fc.constantFrom('vkRevoke' as const, 'chat' as const, 'detect' as const, 'nowhere' as const), size: fc.constantFrom('limit' as const, 'over' as const, 'far' as const), chunked: fc.boolean(), x }) },
  ];
  return fc.oneof(...steps);
}

/** A run: a list of steps (each run starts from a reset). */
export const runArbitrary = (transport: 'http' | 'msw', maxSteps: number) => fc.array(stepArbitrary(transport), { minLength: 1, maxLength: maxSteps, size: 'max' });
