// Reads a shell walkthrough out of a Markdown file: each `curl` command and, when the comment
// lines right after it show one, the output it should print ("…" stands for anything).
export interface Step {
  command: string;
  expected?: RegExp;
}

export function walkthroughSteps(markdown: string): Step[] {
  const blocks = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm)].map((match) => match[1]!).filter((block) => block.includes('curl '));
  const steps: Step[] = [];
  for (const block of blocks) {
    const lines = block.replace(/\\\n\s*/g, ' ').split('\n');
    let last: Step | undefined;
    for (const line of lines) {
      if (line.startsWith('curl ')) steps.push((last = { command: line }));
      else if (line.startsWith('# ') && last && !last.expected) last.expected = toPattern(line.slice(2));
      else last = undefined; // a blank line or a description ends the command's output
    }
  }
  return steps;
}

function toPattern(expected: string): RegExp {
  const parts = expected.trim().split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*?')}$`);
}

/** The variables of the banner's `export A=… B=…` line. */
export function exportedVariables(line: string): Record<string, string> {
  return Object.fromEntries([...line.matchAll(/([A-Z_]+)=(\S+)/g)].map((match) => [match[1]!, match[2]!]));
}
