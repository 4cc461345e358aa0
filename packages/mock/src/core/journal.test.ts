import { describe, expect, it } from 'vitest';
import { createJournal } from './journal.js';
import { CREDENTIAL_FORMATS as LANGWATCH_FORMATS } from './langwatch/formats.js';
import { createRedactor } from './redact.js';
import { CREDENTIAL_FORMATS as VINE_FORMATS } from './vine/formats.js';

const noRedaction = { redact: (text: string) => text };
/** What the products' mocks give their journals: their credential formats (nothing minted here). */
const productFormats = createRedactor([{ formats: [...LANGWATCH_FORMATS, ...VINE_FORMATS], hasFragment: () => false }]);

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
