#!/usr/bin/env bash
# Starts the packaged service (target/quarkus-app) 3 times against a PostgreSQL and reports the
# time until /q/health/ready answers 200 and the resident memory right after.
# Defaults point at the PostgreSQL and Keycloak of the local run (./mvnw -Plocal verify); the
# service under test listens on :8090 so it can run beside the local one.
set -u
for i in 1 2 3; do
  start=$(date +%s%N)
  QUARKUS_DATASOURCE_JDBC_URL=${KUZNIA_BENCH_JDBC_URL:-jdbc:postgresql://localhost:54329/postgres} QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_OIDC_AUTH_SERVER_URL=${KUZNIA_BENCH_OIDC_URL:-http://localhost:8180/realms/kuznia} QUARKUS_HTTP_PORT=8090 \
  java -jar target/quarkus-app/quarkus-run.jar > /tmp/app-$i.log 2>&1 &
  pid=$!
  until curl -sf -o /dev/null http://localhost:8090/q/health/ready; do sleep 0.05; done
  end=$(date +%s%N)
  sleep 2
  rss=$(ps -o rss= -p $pid)
  echo "run $i: ready after $(( (end-start)/1000000 )) ms; $(grep -o 'started in [0-9.]*s' /tmp/app-$i.log); RSS $((rss/1024)) MiB; load $(cut -d' ' -f1 /proc/loadavg)"
  kill $pid; wait $pid 2>/dev/null
done
