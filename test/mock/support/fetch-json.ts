// Plain fetch for the routes no SDK covers (the data plane) and for raw-wire assertions.
export interface JsonReply {
  status: number;
  body: any;
  headers: Headers;
}

export async function fetchJson(url: string, init: RequestInit = {}): Promise<JsonReply> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}
