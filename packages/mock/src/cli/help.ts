// The text of `revokit-mock --help`.
export const HELP = `Usage: revokit-mock [flags]

Serves stateful mocks of the LangWatch API (virtual keys, admin API keys), the LangWatch
gateway data plane and the Vine API on one port, with a control plane under /__mock/.

Flags:
  --host <host>            address to listen on (default 127.0.0.1)
  -p, --port <port>        port to listen on; 0 picks a free one (default $PORT, else 4010)
  --grace <duration>       how long a rotated-out virtual-key secret keeps working (default 24h)
  --propagation <duration> how long the data plane takes to see a revocation (default 60s)
  --clock <system|frozen>  frozen: time moves only through POST /__mock/clock (default system)
  --seed <file.json>       entities to create at start (format: docs/server.md, 1 MiB at most)
  --no-demo                do not create the demo keys
  --log <pretty|json|silent>  request log format (default pretty); json also prints the
                           banner as one JSON line
  -h, --help               show this help
  -v, --version            print the version

Durations: a number with ms, s, m or h (e.g. 500ms, 30s, 1.5h); a bare number is ms.
Exit status: 0 after SIGINT/SIGTERM (requests in flight are finished first), 1 if the server
cannot start, 2 for a bad flag or seed file.
`;
