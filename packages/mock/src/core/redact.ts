// Every credential format the mocks mint, so none of them can leak into a journal or a log.
const CREDENTIAL = /sk-lw-[A-Za-z0-9_]+|lw_vk_(?:live|test)_[0-9A-Za-z]+|vine_(?:live|test)_[0-9A-Za-z]+/g;

export function redactCredentials(text: string): string {
  return text.replace(CREDENTIAL, '[redacted]');
}
