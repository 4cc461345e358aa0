#!/usr/bin/env bash
# Instructions per HTTP request of the whole revokit-mock process, counted by callgrind: unlike
# req/s or CPU time, the count does not move with what else the machine runs. Each figure is
# (total of a run of N2 requests - total of a run of N1) / (N2 - N1), so start-up cancels out.
# Kinds: LangWatch rotate and Vine revoke (log silent), and Vine revoke with the default log on,
# without sessions and in one of 256 live sessions (what a request costs must not depend on them).
# Needs valgrind (Debian package valgrind); takes a few minutes per build.
# Usage: scripts/bench/count-instructions.sh [other/dist/cli.js]   (the built CLI, and optionally another build beside it)
set -euo pipefail
cd "$(dirname "$0")/../.."
N1=${N1:-1500}
N2=${N2:-4500}
CLIENT=$(mktemp --suffix=.mjs)
trap 'rm -f "$CLIENT"' EXIT
cat > "$CLIENT" <<'JS'
import { Agent, request } from 'node:http';
const [url, n, header] = [new URL(process.argv[2]), Number(process.argv[3]), process.argv[4]];
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const headers = header ? { [header.split(': ')[0]]: header.split(': ')[1] } : {};
for (let i = 0; i < n; i++) {
  await new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject).end();
  });
}
agent.destroy();
JS
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
json() { node -e "let t='';process.stdin.on('data',c=>t+=c).on('end',()=>console.log($1))"; }
# total instructions of one server process that answered $3 requests of kind $2
run() {
  local port err log=silent
  port=$(free_port)
  err=$(mktemp)
  case "$2" in vine-log | vine-256) log=pretty ;; esac
  valgrind --tool=callgrind --callgrind-out-file=/dev/null node --single-threaded "$1" --port "$port" --log "$log" --no-demo --session-ttl 2h > /dev/null 2> "$err" &
  local vg=$!
  for _ in $(seq 600); do curl -s -o /dev/null "http://127.0.0.1:$port/__mock/health" && break; sleep 0.2; done
  local base="http://127.0.0.1:$port" url header=''
  if [ "$2" = vine-256 ]; then
    for i in $(seq 1 255); do curl -s -o /dev/null -H "x-revokit-session: s-$i" "$base/__mock/clock"; done
    header='x-revokit-session: s-0'
    url="$base/api/v1/keys/$(curl -s -X POST -H 'content-type: application/json' -H "$header" -d '{}' "$base/__mock/vine/keys" | json 'JSON.parse(t).key.id')/revoke"
  elif [ "$2" != rotate ]; then
    url="$base/api/v1/keys/$(curl -s -X POST -H 'content-type: application/json' -d '{}' "$base/__mock/vine/keys" | json 'JSON.parse(t).key.id')/revoke"
  else
    local project id key
    project=$(curl -s -X POST -H 'content-type: application/json' -d '{}' "$base/__mock/langwatch/projects")
    id=$(echo "$project" | json 'JSON.parse(t).id')
    key=$(echo "$project" | json 'JSON.parse(t).api_key')
    url="$base/api/gateway/v1/virtual-keys/$(curl -s -X POST -H 'content-type: application/json' -d "{\"project_id\":\"$id\"}" "$base/__mock/langwatch/virtual-keys" | json 'JSON.parse(t).virtual_key.id')/rotate"
    header="x-auth-token: $key"
  fi
  node "$CLIENT" "$url" "$3" "$header"
  kill -TERM "$vg"
  wait "$vg" || true
  grep Collected "$err" | awk '{print $4}'
  rm -f "$err"
}
builds=(packages/mock/dist/cli.js "$@")
for kind in ${KINDS:-rotate vine vine-log vine-256}; do
  for cli in "${builds[@]}"; do
    first=$(run "$cli" "$kind" "$N1")
    second=$(run "$cli" "$kind" "$N2")
    echo "$kind, $cli: $(( (second - first) / (N2 - N1) )) instructions per request"
  done
done
