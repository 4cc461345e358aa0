// The text of `revokit-mock --help`, naming what each family serves.
import type { AnyFamily } from '../families/family.js';
import { DOCS_LINKS } from '../docs-links.js';
import { defaultFamilies } from '../families/index.js';

export const helpText = (families: readonly AnyFamily[] = defaultFamilies): string => `Usage: revokit-mock [flags]
       revokit-mock verify --target <url> [flags]

Serves stateful mocks of ${listOf(families.map((family) => family.help))} on one port,
with a control plane under /__mock/ and a dashboard at /__mock/ui.

revokit-mock verify runs the key lifecycle against a live service and against this mock, and
reports every difference (revokit-mock verify --help).

Flags:
  --host <host>            address to listen on (default 127.0.0.1)
  -p, --port <port>        port to listen on; 0 picks a free one (default $PORT, else 4010)
  --grace <duration>       how long a rotated-out virtual-key secret keeps working (default 24h)
  --propagation <duration> how long the data plane takes to see a revocation (default 60s)
  --revoked-status <401|403>  what the gateway answers a revoked key with, once it sees the
                           revocation: 401 as the spec says (default), 403 as production does
  --clock <system|frozen>  frozen: time moves only through POST /__mock/clock (default system)
  --seed <file.json>       entities to create at start, ids and credentials too if you give
                           them (format: the seed-file docs below; 1 MiB at most)
  --no-demo                do not create the demo keys
  --session-ttl <duration> a session idle this long ends (default 10m)
  --max-sessions <n>       at most this many sessions at once; one more gets 429 (default 256)
  --require-session        refuse requests that name no session (X-Revokit-Session header
                           or /__session/<id>/ path prefix) with 400
  --control-token <token>  token the control plane requires (default: $REVOKIT_CONTROL_TOKEN,
                           else none on a loopback host and a minted one, printed in the
                           banner, on any other); the variable keeps it out of \`ps\`
  --cors-origin <origin>   let web pages of this origin (e.g. http://localhost:3000) read and
                           drive the control plane; repeatable (default: none, only the
                           dashboard's own origin and clients that are no web page)
  --allowed-host <host>    a host name the control plane answers besides loopback names and IP
                           addresses (e.g. mock for docker compose, .internal for a domain);
                           repeatable
  --log <pretty|json|silent>  request log format (default pretty); json also prints the
                           banner as one JSON line
  -h, --help               show this help
  -v, --version            print the version

Durations: a number with ms, s, m or h (e.g. 500ms, 30s, 1.5h); a bare number of 1000 or
more is ms.
Exit status: 0 after SIGINT/SIGTERM (requests in flight are finished first), 1 if the server
cannot start, 2 for a bad flag or seed file.

Once it runs, GET / (or /__mock/) lists every route. Docs:
  ${DOCS_LINKS.server}
  seed files: ${DOCS_LINKS.seedFile}
  troubleshooting: ${DOCS_LINKS.troubleshooting}
`;

const listOf = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
