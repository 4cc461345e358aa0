// Base64 decoding as lenient as Node's Buffer.from(text, "base64"), which the real LangWatch uses
// for Basic auth: the URL-safe alphabet too, padding optional, stops at "=", skips other
// characters. Web APIs only, so the core still runs in a browser.
const NOT_BASE64 = /[^A-Za-z0-9+/]/g;

export function decodeBase64Lenient(text: string): string {
  let clean = text.split('=')[0]!.replace(/-/g, '+').replace(/_/g, '/').replace(NOT_BASE64, '');
  if (clean.length % 4 === 1) clean = clean.slice(0, -1); // a lone trailing character carries no full byte
  const binary = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
