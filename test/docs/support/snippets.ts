// The TypeScript snippets of the docs: every ```ts block of a markdown file, with the context a
// fragment needs to compile, given in an HTML comment (invisible on GitHub) right above the fence:
//
//   <!-- ts-context: import { createLangWatchClient } from '@revokit/langwatch'; declare const id: string; -->
//   ```ts
//   await lw.virtualKeys.revoke(id);
//   ```
//
// A block that other blocks of the same page import is named with `<!-- ts-file: session.ts -->`
// above its fence (else it is "<line>.ts"), so `import … from './session.js'` finds it.
import { readFileSync } from 'node:fs';

export interface Snippet {
  /** File name for the block: its ts-file, else "<line>.ts". */
  file: string;
  /** Where it is, e.g. "README.md:123" (the line of the opening fence). */
  where: string;
  /** The file's text: context, then the block (de-indented), as a module. */
  source: string;
  /** Lines of context before the block, so a compiler's line numbers map back to the doc. */
  contextLines: number;
  line: number;
}

const BLOCK = /^( *)```(?:ts|typescript)\n([\s\S]*?)^\1```/gm;
// The comments sit right above the fence, in either order.
const CONTEXT = /<!-- ts-context:((?:(?!-->)[\s\S])*)-->\s*(?:<!-- ts-file: [\w.-]+ -->\s*)?$/;
const FILE = /<!-- ts-file: ([\w.-]+\.ts) -->\s*(?:<!-- ts-context:(?:(?!-->)[\s\S])*-->\s*)?$/;

export function snippetsOf(path: string, text = readFileSync(path, 'utf8'), name = path): Snippet[] {
  return [...text.matchAll(BLOCK)].map((match) => {
    const [, indent, body] = match as unknown as [string, string, string];
    const line = text.slice(0, match.index).split('\n').length;
    const before = text.slice(0, match.index);
    const context = CONTEXT.exec(before)?.[1]?.trim() ?? '';
    const file = FILE.exec(before)?.[1] ?? `${line}.ts`;
    const code = body.split('\n').map((row) => row.slice(indent.length)).join('\n');
    const contextLines = context ? context.split('\n').length : 0;
    return { file, where: `${name}:${line}`, line, contextLines, source: `${context}${context ? '\n' : ''}${code}\nexport {};\n` };
  });
}
