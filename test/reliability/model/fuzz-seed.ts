// A random seed per run, printed, and FUZZ_SEED (with FUZZ_PATH, from fast-check's report) to replay one.
export interface FuzzParameters {
  seed: number;
  path?: string;
  /** Replaying one case: the volume checks do not apply. */
  replay: boolean;
}

export function fuzzParameters(label: string): FuzzParameters {
  const seed = process.env.FUZZ_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED);
  if (!Number.isSafeInteger(seed)) throw new TypeError(`FUZZ_SEED must be an integer, not ${JSON.stringify(process.env.FUZZ_SEED)}`);
  const path = process.env.FUZZ_PATH || undefined;
  console.log(`${label}: seed ${seed} (replay: FUZZ_SEED=${seed}${path ? ` FUZZ_PATH=${path}` : ''} npx vitest run test/reliability/model-fuzz)`);
  return { seed, path, replay: path !== undefined };
}
