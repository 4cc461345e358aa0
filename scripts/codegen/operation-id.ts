// Stable operation names for specs that leave operationId out (the Vine spec does).
// Mirrors LangWatch's own style: method + path segments in PascalCase, "{id}" as "ById".
export function deriveOperationId(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? `By${capitalize(param[1]!)}` : capitalize(segment);
    });
  return method.toLowerCase() + words.join('');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
