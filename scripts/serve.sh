#!/usr/bin/env bash
# Runs the playground: installs what is missing, builds the app and serves it on 127.0.0.1.
#   scripts/serve.sh            release build, http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh  another port
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_app_toolchain
cd "$REPO_ROOT"
PORT="${PORT:-8080}"
log "building and serving the playground; open http://127.0.0.1:$PORT/"
exec trunk serve --release --offline --address 127.0.0.1 --port "$PORT"
