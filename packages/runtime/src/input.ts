// Request bodies as an app writes them. Under `exactOptionalPropertyTypes` an app could not pass
// `{ description: maybe }` (maybe: string | undefined) where the spec says `description?: string`;
// JSON leaves an undefined field out, exactly as if it were absent, so the clients accept
// `undefined` for every optional field, at every depth, and readonly arrays (`as const`).

type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];
type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** A generated request body type, as the clients' methods accept it. */
export type BodyInput<T> = T extends readonly (infer Item)[]
  ? readonly BodyInput<Item>[]
  : T extends object
    ? Flatten<
        { [K in Exclude<keyof T, OptionalKeys<T>>]: BodyInput<T[K]> } & {
          [K in OptionalKeys<T>]?: BodyInput<Exclude<T[K], undefined>> | undefined;
        }
      >
    : T;
