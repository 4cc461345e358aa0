// A package's public API as text, read from the declarations its build emitted: for every entry
// point, each export's declaration (comments dropped), then every declaration of the package the
// exports refer to without exporting it. Two builds with the same public types give the same
// text, so a diff of the text is a diff of the API.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';
import type { TypesEntry } from './entries.ts';

export interface PackageApiInput {
  name: string;
  dir: string;
  entries: readonly TypesEntry[];
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  noEmit: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  skipLibCheck: true,
};

/** The report's body (markdown), one section per entry point. */
export function apiReport({ name, dir, entries }: PackageApiInput): string {
  const packageDir = realpathSync(dir);
  const program = ts.createProgram(entries.map((entry) => join(packageDir, entry.file)), COMPILER_OPTIONS);
  const checker = program.getTypeChecker();
  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  const ownFile = (file: ts.SourceFile) => isInside(packageDir, realpathSync(file.fileName));

  const sections: string[] = [];
  const exported = new Set<ts.Symbol>();
  const referenced: ts.Symbol[] = [];
  const perEntry = entries.map((entry) => {
    const source = program.getSourceFile(join(packageDir, entry.file));
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`${name}: cannot read ${entry.file} (is the package built?)`);
    const exports = checker.getExportsOfModule(moduleSymbol).sort((a, b) => a.name.localeCompare(b.name));
    for (const symbol of exports) exported.add(resolve(checker, symbol));
    return { entry, exports };
  });

  // The same specifier under another condition (@revokit/mock's "require" types) lists only what differs.
  const seenBySpecifier = new Map<string, Set<ts.Symbol>>();
  for (const { entry, exports } of perEntry) {
    const lines: string[] = [];
    const seen = seenBySpecifier.get(entry.specifier);
    let same = 0;
    for (const symbol of exports) {
      const target = resolve(checker, symbol);
      if (seen?.has(target)) {
        same += 1;
        continue;
      }
      const declarations = target.declarations ?? [];
      const origin = declarations[0]?.getSourceFile();
      if (origin && !ownFile(origin)) {
        lines.push(`export { ${target.name}${target.name === symbol.name ? '' : ` as ${symbol.name}`} } from '${packageNameOf(origin.fileName)}';`);
        continue;
      }
      if (target.name !== symbol.name && target.name !== 'default') lines.push(`export { ${target.name} as ${symbol.name} };`);
      for (const declaration of declarations) {
        lines.push(print(printer, declaration));
        collectReferences(checker, declaration, ownFile, exported, referenced);
      }
    }
    if (same > 0) lines.push(`// and ${same} more exports, the same as above`);
    if (!seen) seenBySpecifier.set(entry.specifier, new Set(exports.map((symbol) => resolve(checker, symbol))));
    const label = entry.conditions.length > 0 ? ` (${entry.conditions.join(', ')})` : '';
    sections.push(`## \`${entry.specifier}\`${label}\n\n\`\`\`ts\n${lines.join('\n')}\n\`\`\`\n`);
  }

  // Declarations the exports use without exporting them: part of the API all the same.
  const internal: string[] = [];
  for (let i = 0; i < referenced.length; i++) {
    const symbol = referenced[i]!;
    for (const declaration of symbol.declarations ?? []) {
      internal.push(print(printer, declaration));
      collectReferences(checker, declaration, ownFile, exported, referenced);
    }
  }
  if (internal.length > 0) sections.push(`## Used by the exports, not exported\n\n\`\`\`ts\n${[...new Set(internal)].sort().join('\n')}\n\`\`\`\n`);
  return sections.join('\n');
}

function resolve(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** One declaration, comments dropped, with paths of relative import types reduced to the type's name. */
function print(printer: ts.Printer, node: ts.Declaration): string {
  const target = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  const text = printer.printNode(ts.EmitHint.Unspecified, target, node.getSourceFile());
  return text.replace(/import\("\.\.?\/[^"]*"\)\./g, '');
}

/** Every symbol of this package that `node` names and no entry exports, queued once. */
function collectReferences(checker: ts.TypeChecker, node: ts.Node, ownFile: (file: ts.SourceFile) => boolean, exported: Set<ts.Symbol>, queue: ts.Symbol[]): void {
  const visit = (child: ts.Node): void => {
    let name: ts.Node | undefined;
    if (ts.isTypeReferenceNode(child)) name = child.typeName;
    else if (ts.isExpressionWithTypeArguments(child)) name = child.expression;
    else if (ts.isTypeQueryNode(child)) name = child.exprName;
    else if (ts.isImportTypeNode(child)) name = child.qualifier;
    if (name) {
      const identifier = ts.isQualifiedName(name) ? name.right : ts.isPropertyAccessExpression(name) ? name.name : name;
      const symbol = checker.getSymbolAtLocation(identifier);
      const target = symbol && resolve(checker, symbol);
      const declaration = target?.declarations?.[0];
      if (
        target &&
        declaration &&
        !(target.flags & ts.SymbolFlags.TypeParameter) &&
        ownFile(declaration.getSourceFile()) &&
        !exported.has(target) &&
        !queue.includes(target)
      ) {
        queue.push(target);
      }
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
}

function isInside(dir: string, file: string): boolean {
  const path = relative(dir, file);
  return !path.startsWith('..') && !path.includes(`node_modules${sep}`);
}

/** The name in the nearest package.json above `file`. */
function packageNameOf(file: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name) return name;
    }
  }
  return file;
}
