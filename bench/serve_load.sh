#!/usr/bin/env bash
# Load test of `vitrina serve` (issue 15, part 4): a 100k-product synthetic index, the release server
# on 127.0.0.1, wrk with 64 connections for a bounded time per route (search, suggest, ask, and a mix),
# then the same mix while a product is written through POST /products every second (hot reloads).
# Prints q/s, p50 and p99 per run and failed requests (non-2xx answers and socket errors), and writes
# the table to bench/results/serve.md when --record is given.
#
# Usage: bash bench/serve_load.sh [--products N] [--seconds S] [--connections C] [--record]
# Targets: search p99 <= 5 ms, suggest p99 <= 2 ms, >= 3,000 search q/s, zero failures.
set -euo pipefail
cd "$(dirname "$0")/.."
products=100000
seconds=10
connections=64
record=0
while [ $# -gt 0 ]; do
    case "$1" in
    --products) products=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --record) record=1; shift ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 69; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install curl" >&2; exit 69; }
[ "$seconds" -le 120 ] || { echo "--seconds is at most 120" >&2; exit 64; }

swift build -c release --product vitrina 2>&1 | grep -v '^\[' || true
vitrina=.build/release/vitrina
work=$(mktemp -d)
server_pid=""
writer_pid=""
cleanup() {
    [ -n "$writer_pid" ] && kill "$writer_pid" 2>/dev/null || true
    [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null || true
    [ -n "$server_pid" ] && wait "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "== generate and index $products synthetic products"
"$vitrina" generate --count "$products" >"$work/catalog.jsonl"
"$vitrina" index --index "$work/index" "$work/catalog.jsonl" | tail -2

# Queries: what shoppers type, percent-encoded (spaces as %20).
encode() { python3 -c 'import sys, urllib.parse; [print(urllib.parse.quote(l.rstrip("\n"), safe="")) for l in sys.stdin]'; }
searches='телевизор
телевизор samsung
ноутбук
ноутбук asus 16гб
пылесос
пылесос вертикальный
смартфон
смартфон xiaomi
холодильник
стиральная машина
наушники беспроводные
чайник
тэлевізар
пыласос
утюг philips
монитор
кофемашина
микроволновка
планшет
телевизор lg 55'
printf '%s\n' "$searches" | encode | sed 's|^|/search?q=|' >"$work/search.txt"
printf '%s\n' "$searches" | encode | sed 's|^|/search?facets=vendor,price\&q=|' >>"$work/search.txt"
printf '%s\n' "$searches" | encode | sed 's|^|/search?filter=available=1\&sort=price:asc\&q=|' >>"$work/search.txt"
# Every prefix of a few words, as typed keystroke by keystroke.
: >"$work/suggest.txt"
for word in телевизор ноутбук пылесос смартфон samsung xiaomi холодильник наушники philips тэлевізар; do
    for length in $(seq 1 ${#word}); do printf '%s\n' "${word:0:length}"; done
done | encode | sed 's|^|/suggest?q=|' >"$work/suggest.txt"
printf '%s\n' 'где купить телевизор самсунг дешевле тридцати тысяч' 'самый дешёвый пылесос' \
    'ноутбук асус до пятидесяти тысяч' 'есть ли в наличии холодильник' 'смартфон сяоми с хорошей камерой' \
    'колькі каштуе пыласос' 'наушники беспроводные недорого' 'чайник филипс' | encode |
    sed 's|^|/ask?limit=5\&q=|' >"$work/ask.txt"
cat "$work/search.txt" "$work/suggest.txt" "$work/ask.txt" >"$work/mix.txt"

echo "== baseline: the same queries in process (vitrina bench batch mode, no HTTP)"
printf '%s\n' "$searches" >"$work/keyword-queries.txt"
printf '%s\n' 'где купить телевизор самсунг дешевле тридцати тысяч' 'самый дешёвый пылесос' \
    'ноутбук асус до пятидесяти тысяч' 'есть ли в наличии холодильник' 'смартфон сяоми с хорошей камерой' \
    'колькі каштуе пыласос' 'наушники беспроводные недорого' 'чайник филипс' >"$work/voice-queries.txt"
"$vitrina" bench --index "$work/index" --queries "$work/keyword-queries.txt" --mode keyword --repeat 20 |
    tee "$work/baseline.txt"
"$vitrina" bench --index "$work/index" --queries "$work/voice-queries.txt" --mode voice --repeat 20 |
    tee -a "$work/baseline.txt"

echo "== start the server"
"$vitrina" serve --index "$work/index" --port 0 --quiet --admin-key bench-admin 2>"$work/serve.log" &
server_pid=$!
port=""
for _ in $(seq 1 600); do  # opening 100k products and preparing voice search: at most 60 s
    port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/serve.log" | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start" >&2; exit 1; }
base="http://127.0.0.1:$port"
curl -sS --max-time 10 -H 'X-Vitrina-Key: bench-admin' "$base/stats"
echo

results="$work/results.tsv"
printf 'run\tq/s\tp50\tp99\tfailed\n' >"$results"
run() {  # run NAME PATHS_FILE
    local name=$1 file=$2 out="$work/$1.out"
    # Warm up (page cache, first-query caches), then measure.
    wrk -t2 -c"$connections" -d2s -s bench/serve_urls.lua "$base" -- "$file" bench-admin >/dev/null
    wrk -t2 -c"$connections" -d"${seconds}s" --timeout 5s --latency -s bench/serve_urls.lua "$base" -- "$file" \
        bench-admin >"$out"
    local rps p50 p99 non2xx errors
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    p50=$(awk '$1 == "50%" {print $2}' "$out")
    p99=$(awk '$1 == "99%" {print $2}' "$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")
    errors=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out")
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$(( ${non2xx:-0} + ${errors:-0} ))" >>"$results"
    printf '%-16s %10s q/s   p50 %-9s p99 %-9s failed %s\n' "$name" "$rps" "$p50" "$p99" \
        "$(( ${non2xx:-0} + ${errors:-0} ))"
}

echo "== wrk: 2 threads, $connections connections, $seconds s per run"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# The HTTP stack alone (no index work): what the server adds to every request.
printf '/health\n' >"$work/health.txt"
run health "$work/health.txt"
run search "$work/search.txt"
run suggest "$work/suggest.txt"
run ask "$work/ask.txt"
run mix "$work/mix.txt"

echo "== the mix again, with a product written through POST /products every second"
(
    for round in $(seq 1 $((seconds + 5))); do
        printf '{"id":"bench-%d","title":"Телевизор Bench %d","vendor":"Bench","price":%d,"available":true}\n' \
            "$round" "$round" "$((10000 + round))" |
            curl -sS --max-time 5 -o /dev/null -w '%{http_code}\n' -H 'X-Vitrina-Key: bench-admin' \
                --data-binary @- "$base/products" >>"$work/writes.txt" || echo fail >>"$work/writes.txt"
        sleep 1
    done
) &
writer_pid=$!
run mix+commits "$work/mix.txt"
kill "$writer_pid" 2>/dev/null || true
wait "$writer_pid" 2>/dev/null || true
writer_pid=""
writes_ok=$(grep -c '^200$' "$work/writes.txt" || true)
writes_failed=$(grep -vc '^200$' "$work/writes.txt" || true)
generation=$(curl -sS --max-time 10 -H 'X-Vitrina-Key: bench-admin' "$base/health")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average (1, 5, 15 min) before the wrk runs: $load_before; after: $load_after"
echo "writes: $writes_ok committed, $writes_failed failed; after them: $generation"

if [ "$record" = 1 ]; then
    {
        echo "# vitrina serve under load"
        echo
        echo "$(date -u +%Y-%m-%d), release build, $(nproc) cores shared with other work; $products synthetic products"
        echo "(vitrina generate), wrk 2 threads × $connections connections, $seconds s per run after 2 s of warm-up,"
        echo "every request with a key. Latency is wrk's, end to end over loopback. Produced by bench/serve_load.sh."
        echo "Load average of the machine (1, 5, 15 min) before the wrk runs: $load_before; after: $load_after."
        echo
        echo "| run | q/s | p50 | p99 | failed |"
        echo "| --- | ---: | ---: | ---: | ---: |"
        tail -n +2 "$results" | awk -F'\t' '{printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5}'
        echo
        echo "Baseline in the same run, the same index and queries in process (vitrina bench batch mode: keyword"
        echo "= the /search queries without facets or filters, voice = the /ask questions):"
        echo
        echo '```'
        cat "$work/baseline.txt"
        echo '```'
        echo
        echo "mix+commits: $writes_ok products written through POST /products (one commit each, about one a second)"
        echo "during the run, $writes_failed writes failed; $generation at the end."
    } >bench/results/serve.md
    echo "(written to bench/results/serve.md)"
fi
