#!/usr/bin/env bash
# A throw-away single-node Ceph cluster with an S3 endpoint (radosgw), for tests and local trials:
# 1 mon + 1 memstore OSD + radosgw, all on 127.0.0.1. Recipe from shared/reference/local-servers.md,
# with every port chosen by the caller. Needs root and the Debian packages radosgw ceph-mon ceph-osd
# (.ci/install-test-servers installs them). Data lives in RAM: a stop loses it.
#
#   scripts/ceph-s3.sh start   # prints "S3 endpoint http://127.0.0.1:$RGW_PORT …" when ready (~12 s)
#   scripts/ceph-s3.sh stop    # stops the daemons of $D and removes $D (~7 s)
#
# Settings (environment): D (state folder, default /tmp/ceph-s3), RGW_PORT (7480), MON_PORT (3300,
# msgr v2), MON_PORT_V1 (6789), AK/SK (S3 keys: test-access-key / test-secret-key).
set -euo pipefail
D=${D:-/tmp/ceph-s3} RGW_PORT=${RGW_PORT:-7480} MON_PORT=${MON_PORT:-3300} MON_PORT_V1=${MON_PORT_V1:-6789}
AK=${AK:-test-access-key} SK=${SK:-test-secret-key}

stop() {
  local pids=""
  if compgen -G "$D/run/*.pid" > /dev/null; then pids=$(cat "$D"/run/*.pid); fi
  for p in $pids; do kill "$p" 2>/dev/null || true; done
  for p in $pids; do
    for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
  done
  rm -rf "$D"
}

start() {
  for b in ceph-authtool monmaptool ceph-mon ceph-osd radosgw radosgw-admin ceph; do
    command -v "$b" > /dev/null || { echo "ceph-s3: $b not found; install radosgw ceph-mon ceph-osd" >&2; exit 3; }
  done
  rm -rf "$D"; mkdir -p "$D"/{mon/ceph-a,osd/ceph-0,log,run}
  local fsid mons
  fsid=$(cat /proc/sys/kernel/random/uuid)
  mons="[v2:127.0.0.1:$MON_PORT,v1:127.0.0.1:$MON_PORT_V1]"
  cat > "$D/ceph.conf" <<CONF
[global]
fsid = $fsid
mon initial members = a
mon host = $mons
public addr = 127.0.0.1
public network = 127.0.0.0/8
keyring = $D/keyring
run dir = $D/run
pid file = $D/run/\$name.pid
admin socket = $D/run/\$name.asok
log file = $D/log/\$name.log
mon data = $D/mon/ceph-\$id
osd data = $D/osd/ceph-\$id
osd objectstore = memstore
memstore device bytes = 1073741824
osd pool default size = 1
osd pool default pg num = 8
mon allow pool size one = true
mon warn on pool no redundancy = false
mon warn on insecure global id reclaim allowed = false
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT
CONF
  export CEPH_CONF=$D/ceph.conf
  local k=$D/keyring
  { ceph-authtool --create-keyring "$k" --gen-key -n mon. --cap mon 'allow *'
    ceph-authtool "$k" --gen-key -n client.admin --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *'
    ceph-authtool "$k" --gen-key -n osd.0 --cap mon 'allow profile osd' --cap osd 'allow *' --cap mgr 'allow profile osd'
    ceph-authtool "$k" --gen-key -n client.rgw.a --cap mon 'allow rw' --cap osd 'allow rwx' --cap mgr 'allow rw'
    monmaptool --create --fsid "$fsid" --addv a "$mons" "$D/monmap"; } > /dev/null
  ceph-mon --mkfs -i a --monmap "$D/monmap" --keyring "$k"
  ceph-mon -i a                        # daemons fork; PIDs land in $D/run/*.pid
  local osd_uuid
  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  ceph --connect-timeout 30 osd new "$osd_uuid" 0 > /dev/null
  ceph-osd -i 0 --mkfs --osd-uuid "$osd_uuid" 2>> "$D/log/osd-mkfs.log"
  ceph-osd -i 0
  radosgw -n client.rgw.a
  local up=""
  for _ in $(seq 240); do
    if curl -sf -o /dev/null "http://127.0.0.1:$RGW_PORT/"; then up=1; break; fi
    sleep 0.5
  done
  [[ -n "$up" ]] || { echo "ceph-s3: radosgw did not answer on port $RGW_PORT; logs in $D/log" >&2; exit 4; }
  radosgw-admin user create --uid=test --display-name=test --access-key="$AK" --secret-key="$SK" > /dev/null
  echo "S3 endpoint http://127.0.0.1:$RGW_PORT access=$AK secret=$SK conf=$CEPH_CONF"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
