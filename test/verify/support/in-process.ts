// `revokit-mock verify` in this process (runVerify, what the CLI calls): for the runs whose
// point is not the process itself (its exit status and signals are tested on a real one).
import { runVerify } from '../../../packages/mock/src/verify/main.js';

export async function verifyHere(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const never = new AbortController().signal;
  const code = await runVerify(args, env, { out: (text) => (stdout += text), err: (text) => (stderr += text) }, { stop: never, abort: never, received: () => undefined });
  return { code, stdout, stderr };
}
