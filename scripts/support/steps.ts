// Named checks that report instead of throwing, so one run shows every failure at once.
export interface StepResult {
  name: string;
  ok: boolean;
  /** What went wrong (or a short note when it passed). */
  detail: string;
}

export async function step(name: string, check: () => Promise<string | void>): Promise<StepResult> {
  try {
    return { name, ok: true, detail: (await check()) ?? '' };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

export function printSteps(results: readonly StepResult[], indent = ''): void {
  for (const { name, ok, detail } of results) {
    console.log(`${indent}${ok ? 'ok  ' : 'FAIL'} ${name}${ok && detail ? `  (${detail})` : ''}`);
    if (!ok) console.log(detail.replace(/^/gm, `${indent}       `));
  }
}

/** The closing line CI reads: "N passed, N failed". */
export function printTally(results: readonly { ok: boolean }[]): void {
  const failed = results.filter((result) => !result.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
}
