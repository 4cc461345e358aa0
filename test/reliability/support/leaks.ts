// Finding a credential in text the server wrote, however it was disguised: percent-encoded any
// number of times, case-folded, or only 12 consecutive characters of it.
const FRAGMENT = 12;

/** Percent-decoding repeated until nothing changes, byte by byte (credentials are ASCII). */
export function decodeAll(text: string): string {
  let current = text;
  for (;;) {
    const next = current.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === current) return current;
    current = next;
  }
}

/** The credentials of which `text` shows 12 consecutive characters of a [0-9a-z] run, in any case or encoding. */
export function leaked(text: string, credentials: readonly string[]): string[] {
  const plain = decodeAll(text).toLowerCase();
  return credentials.filter((credential) =>
    credential
      .toLowerCase()
      .split(/[^0-9a-z]+/)
      .some((part) => Array.from({ length: Math.max(0, part.length - FRAGMENT + 1) }, (_, i) => part.slice(i, i + FRAGMENT)).some((window) => plain.includes(window))),
  );
}

/** Every character percent-encoded once. */
export const encodeAll = (text: string) => [...text].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`).join('');

/** `rounds` rounds of percent-encoding: every character once, then every "%" again and again. */
export function encodeRounds(text: string, rounds: number): string {
  let encoded = encodeAll(text);
  for (let round = 1; round < rounds; round++) encoded = encoded.replaceAll('%', '%25');
  return encoded;
}

/** The random part of a credential, without its public prefix (`sk-lw-`, `vine_test_`, …). */
export const randomPart = (credential: string) => credential.slice(Math.max(credential.lastIndexOf('_'), credential.lastIndexOf('-')) + 1);
