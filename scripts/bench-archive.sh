#!/usr/bin/env bash
# Archive throughput against plain SDK PutObject on the same local server, in one run:
#   scripts/bench-archive.sh [CONVERSATIONS (default 40)] [moto|ceph|all] [THREADS (default 8)] [MEDIA_MIB (default 1)]
# THREADS: conversations archived at once and the archiver's object pool; plain PutObject is
# measured on 1 and on THREADS threads.
# Needs moto_server and/or Ceph (scripts/ceph-s3.sh); prints a Markdown table (see docs/archive.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Duser.timezone=UTC -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  com.recguard.bench.ArchiveThroughputBench "$@"
