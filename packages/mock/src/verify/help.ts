// The text of `revokit-mock verify --help`: every flag and variable (docs/verify.md says more).
import { formatDuration } from '../cli/durations.js';
import { DEFAULT_PROPAGATION_TIMEOUT_MS } from './args.js';

export const verifyHelpText = (): string => `Usage: revokit-mock verify --target <url> [flags]

Runs one scripted key lifecycle against a live service (or another mock) and, step for step,
against a fresh revokit-mock in this process, then prints every difference: status, error
bodies, the fields of each answer and their JSON types, formats (ids, secrets, times), state
(status, revision), X-Request-Id, and how long the gateway takes to see a revocation.
Differences that docs/divergences.md documents are reported as such, not as drift.

It creates its own keys, named revokit-verify-<time>, touches nothing else, and revokes them
all at the end, also after a failure or Ctrl-C. No secret is printed.

Flags:
  --target <url>          LangWatch's app API, e.g. https://app.langwatch.ai (required)
  --gateway <url>         LangWatch's gateway (data plane), e.g. https://gateway.langwatch.ai
                          (default: the --target URL, as revokit-mock serves both)
  --vine <url>            Vine's API, e.g. https://vine.getcourtyard.ai: adds the Vine part
  --json                  print the report as one JSON document (shape: docs/verify.md)
  --dry-run               print the plan and every request, send nothing
  --propagation-timeout <duration>
                          how long to keep calling the gateway with a revoked key's secret
                          before calling it drift (default ${formatDuration(DEFAULT_PROPAGATION_TIMEOUT_MS)}; documented bound ~60s)
  --revoked-status <401|403>
                          run the in-process mock with this option, as your tests run it:
                          403 models production's answer to a revoked key (default 401)
  -h, --help              show this help

Environment (credentials never go on the command line):
  LANGWATCH_API_KEY                 a project API key (sk-lw-…) of a sandbox project
  LANGWATCH_PROVIDER_CREDENTIAL_ID  a provider credential of that project (a virtual key needs one)
  LANGWATCH_ADMIN_API_KEY           an admin API key (sk-lw-…_…) with organization:manage
  Vine needs no credential: its keys are created without one.
A part whose credentials are missing is skipped and reported as skipped: virtual keys and the
gateway need the first two, admin API keys the third, Vine the --vine URL.

Exit status: 0 when nothing differs beyond documented divergences, 1 on drift, 2 for a bad
flag, nothing to verify or a target that cannot be reached; 130/143 after Ctrl-C/SIGTERM
(what the run created is revoked first; a second signal stops at once).
`;
