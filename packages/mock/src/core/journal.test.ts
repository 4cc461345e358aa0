import { describe, expect, it } from 'vitest';
import { createJournal } from './journal.js';
import { createRedactor } from './redact.js';

const noRedaction = { redact: (text: string) => text };
/** A journal's redaction with nothing minted: every product's credential formats only. */
const productFormats = createRedactor([{ hasFragment: () => false }]);

const entry = (n: number, url = `https://x.test/${n}`) => ({ method: 'POST', url, operationId: 'op', status: 200, at: n });

describe('journal', () => {
  it('keeps the newest entries, oldest first, once full', () => {
    const journal = createJournal(3, noRedaction);
    for (let n = 1; n <= 5; n++) journal.record(entry(n));
    expect(journal.entries().map((e) => e.url)).toEqual(['https://x.test/3', 'https://x.test/4', 'https://x.test/5']);
    expect(journal.entries()[0]!.at).toBe(new Date(3).toISOString());
    journal.clear();
    expect(journal.entries()).toEqual([]);
  });

  it('redacts every credential format from the URL', () => {
    const journal = createJournal(undefined, productFormats);
    journal.record(entry(1, 'https://x.test/api/v1/keys/vine_live_abcdefABCDEF0123456789abcdefABCD/revoke?t=sk-lw-abcdefghijklmnop_secret&k=lw_vk_test_01HZX0123456789ABCDEFGHIJ'));
    const [recorded] = journal.entries();
    expect(recorded!.url).toBe('https://x.test/api/v1/keys/[redacted]/revoke?t=[redacted]&k=[redacted]');
  });
});
