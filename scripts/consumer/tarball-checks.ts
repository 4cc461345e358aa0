// Each packed tarball: our rules (tarball-rules.ts), publint --strict and arethetypeswrong.
import { step, type StepResult } from '../support/steps.ts';
import { arethetypeswrong, publint } from './lint.ts';
import type { PackedPackage } from './pack.ts';
import { tarballProblems } from './tarball-rules.ts';
import { unpackTarball } from './unpack.ts';

export async function tarballChecks(root: string, packed: readonly PackedPackage[]): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const pkg of packed) {
    results.push(
      await step(`${pkg.name}: files and metadata`, async () => {
        const problems = tarballProblems({ files: await unpackTarball(pkg.tarball) });
        if (problems.length > 0) throw new Error(problems.join('\n'));
        return `${pkg.files.length} files, ${kB(pkg.size)} packed, ${kB(pkg.unpackedSize)} unpacked`;
      }),
      await step(`${pkg.name}: publint --strict`, () => publint(root, pkg.tarball)),
      await step(`${pkg.name}: attw --profile esm-only`, () => arethetypeswrong(root, pkg.tarball, pkg.name)),
    );
  }
  return results;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
