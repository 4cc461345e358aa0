// Credentials out of everything the mocks write down: journal URLs, log lines, error messages.
// Which texts are credentials is the products' business: their formats (credential-formats.ts,
// redacted in every mock's output) and what each mock minted (its secret source). This module
// only cuts, decodes and asks.
// Text is cut into components at anything a credential cannot contain ("/", "?", "=", spaces,
// quotes…). Each component is judged in the form the router sees and beyond: percent-decoded
// until no escape is left, however deep (so "%76ine_live_…" and an encoding repeated any number of
// times are caught), and case-folded. A component that holds a credential is replaced whole by
// "[redacted]": one in a known format, or MIN_FRAGMENT or more consecutive characters of a
// credential the mock minted (so an admin token without its "sk-lw-" prefix, either half of it, or a
// secret split in two).
//
// It runs when a journal entry or a log line is written, so on nearly every request: one pass over
// the text, nothing allocated for the common path (short components, no escape, no credential).
import { KNOWN_CREDENTIAL_FORMATS } from './credential-formats.js';
import { MIN_FRAGMENT, someFragmentKey } from './fragments.js';
import type { SecretSource } from './secrets.js';

const MARK = '[redacted]';
/** No format is shorter ("sk-lw-x"), and decoding only shortens. */
const MIN_FORMAT = 7;
/** Every product's formats in one expression (each is case-insensitive). Its matches hold only component characters. */
const ANY_FORMAT = new RegExp(KNOWN_CREDENTIAL_FORMATS.map((format) => format.source).join('|'), 'i');

export interface Redactor {
  redact(text: string): string;
}

/** Redacts every product's credential formats and every credential the sources hold, whole or in part, however encoded or cased. */
export function createRedactor(sources: readonly SecretSource[]): Redactor {
  const holds: Holds = sources.length === 1 ? (text, from, to) => holdsPieceOf(sources[0]!, text, from, to) : (text, from, to) => sources.some((one) => holdsPieceOf(one, text, from, to));
  return { redact: (text) => redactWith(text, holds) };
}

/** Whether `text` between `from` and `to` holds a piece of a credential the source knows. */
export function holdsPieceOf(source: SecretSource, text: string, from: number, to: number): boolean {
  return source.holdsPiece ? source.holdsPiece(text, from, to) : someFragmentKey(text, from, to, (key) => source.hasFragment(key));
}

type Holds = (text: string, from: number, to: number) => boolean;

function redactWith(text: string, holds: Holds): string {
  // The common text (no escape, no known format) can hold a credential only as a run of 12 or
  // more letters and digits: only those runs are looked up.
  if (!text.includes('%') && !ANY_FORMAT.test(text)) return redactRuns(text, holds);
  let out: string | undefined;
  let copied = 0;
  let start = 0;
  let escaped = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    if (isComponentChar(code)) {
      if (code === 37 /* % */) escaped = true;
      continue;
    }
    if (i - start >= MIN_FORMAT && holdsCredential(text, start, i, escaped, holds)) {
      out = `${out ?? ''}${text.slice(copied, start)}${MARK}`;
      copied = i;
    }
    start = i + 1;
    escaped = false;
  }
  return out === undefined ? text : out + text.slice(copied);
}

/** Redacts the component of every run of MIN_FRAGMENT or more letters and digits that holds a piece (text without escapes or formats). */
function redactRuns(text: string, holds: Holds): string {
  let out: string | undefined;
  let copied = 0;
  let run = -1; // where the current run of letters and digits began
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isAlphanumeric(text.charCodeAt(i))) {
      if (run < 0) run = i;
      continue;
    }
    if (run >= 0 && i - run >= MIN_FRAGMENT && holds(text, run, i)) {
      let start = run;
      while (start > copied && isComponentChar(text.charCodeAt(start - 1))) start--;
      let end = i;
      while (end < text.length && isComponentChar(text.charCodeAt(end))) end++;
      out = `${out ?? ''}${text.slice(copied, start)}${MARK}`;
      copied = end;
      i = end; // the rest of the component is redacted with it
    }
    run = -1;
  }
  return out === undefined ? text : out + text.slice(copied);
}

function holdsCredential(text: string, from: number, to: number, escaped: boolean, holds: Holds): boolean {
  const plain = escaped ? decodeFully(text.slice(from, to)) : text.slice(from, to);
  return ANY_FORMAT.test(plain) || (plain.length >= MIN_FRAGMENT && holds(plain, 0, plain.length));
}

function isAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** A-Z a-z 0-9 % _ . ~ + - : what a component may hold; every other character separates components. */
function isComponentChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 37 || code === 95 || code === 46 || code === 126 || code === 43 || code === 45
  );
}

/**
 * Percent-decoding byte by byte (credentials are ASCII) until no escape is left, in one pass: a
 * decoded character can only complete a new escape with the characters just before it, so each
 * step looks at the end of what is decoded so far. Linear in the length, however many rounds of
 * encoding the text went through.
 */
export function decodeFully(text: string): string {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    out.push(text.charCodeAt(i));
    for (let n = out.length; n >= 3 && out[n - 3] === 37 && hexValue(out[n - 2]!) >= 0 && hexValue(out[n - 1]!) >= 0; n = out.length) {
      const code = hexValue(out[n - 2]!) * 16 + hexValue(out[n - 1]!);
      out.length = n - 3;
      out.push(code);
    }
  }
  let decoded = '';
  for (let i = 0; i < out.length; i += 4096) decoded += String.fromCharCode(...out.slice(i, i + 4096));
  return decoded;
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}
