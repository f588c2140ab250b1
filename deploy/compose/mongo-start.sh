#!/usr/bin/env bash
# A member of the compose file's MongoDB replica set (docker-compose.yml, mongo1..3; image mongo:8). The members
# prove themselves to each other with the replica set's key (MONGO_REPLICA_SET_KEY, from the environment), which
# mongod wants in a file only its user can read; clients log in (the root user of the image's first start, and
# each service's user that mongo-setup.js adds).
set -euo pipefail
: "${MONGO_REPLICA_SET_KEY:?set MONGO_REPLICA_SET_KEY (base64, 64 characters or more)}"
umask 077
printf '%s' "$MONGO_REPLICA_SET_KEY" > /tmp/replica-set.key
chown mongodb:mongodb /tmp/replica-set.key 2>/dev/null || true
exec docker-entrypoint.sh mongod --replSet rs0 --bind_ip_all --keyFile /tmp/replica-set.key
