#!/usr/bin/env python3
"""Two BotHost replicas (words only) sharing one redis-server on loopback, and one replica without Redis: page-button
latency across replicas through Redis against one replica in memory, the reply while redis-server is frozen (SIGSTOP)
and once it is killed, and how soon buttons work again after it restarts. Signed Discord interactions (Ed25519), as Discord sends them.

  dotnet build src/BotHost -c Release -o /tmp/bothost-release
  python3 bench/redis-fleet.py /tmp/bothost-release/BotHost.dll [PRESSES]

Needs redis-server on the PATH and Python's `cryptography` package (Debian: python3-cryptography). Run from the
repository root (it serves seeds/)."""
import json, os, re, subprocess, sys, time, statistics, urllib.request, urllib.error, tempfile
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from loopback_fleet import free_port, start_redis, discord_request

DLL = sys.argv[1]
SEEDS = os.path.abspath("seeds")
APP = "123456789012345678"
Q = "What did Netanyahu and Trump say about the ceasefire and the Gaza talks with the envoy this week?"
N = int(sys.argv[2]) if len(sys.argv) > 2 else 300

key = Ed25519PrivateKey.generate()
pub = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()

def start_bot(redis):
    args = ["dotnet", DLL, "--seeds", SEEDS, "--urls", "http://127.0.0.1:0", "--semantic", "false",
            "--Discord:PublicKey", pub, "--Discord:ApplicationId", APP]
    if redis: args += ["--Redis:Configuration", redis]
    env = dict(os.environ); env["Logging__LogLevel__Default"] = "Warning"; env["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information"
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    for line in p.stdout:
        m = re.search(r"Now listening on: (http://127\.0\.0\.1:\d+)", line)
        if m:
            base = m.group(1); break
    else: raise SystemExit("bot did not start")
    import threading; threading.Thread(target=lambda: [None for _ in p.stdout], daemon=True).start()
    while True:
        try:
            if urllib.request.urlopen(base + "/readyz").status == 200: break
        except urllib.error.HTTPError: pass
        time.sleep(0.1)
    return p, base

def ask(base):
    return discord_request(base, key, {"type": 2, "id": "2", "application_id": APP, "token": "t", "version": 1,
        "data": {"id": "3", "name": "ask", "type": 1, "options": [{"name": "question", "type": 3, "value": Q}]}})

def button(base, cid):
    return discord_request(base, key, {"type": 3, "id": "4", "application_id": APP, "token": "t2", "version": 1,
        "user": {"id": "1", "username": "x"}, "data": {"custom_id": cid, "component_type": 2}})

def next_id(resp):
    comps = resp["data"].get("components") or []
    return comps[0]["components"][1]["custom_id"] if comps else None

def pct(xs, q): xs = sorted(xs); return xs[min(len(xs) - 1, int(q * len(xs)))]
def summary(label, xs): print(f"{label}: n={len(xs)} p50 {pct(xs,.5):.2f} ms  p90 {pct(xs,.9):.2f} ms  p99 {pct(xs,.99):.2f} ms  max {max(xs):.2f} ms")

folder = tempfile.mkdtemp(prefix="fleet-redis-")
port = free_port(); redis = start_redis(port, folder); conf = f"127.0.0.1:{port}"
(a, A), (b, B), (m, M) = start_bot(conf), start_bot(conf), start_bot(None)
try:
    for base in (A, B, M):  # warm-up
        for _ in range(50): s, r, _ = ask(base); button(base, next_id(r))
    s, r, _ = ask(A); cid = next_id(r); assert cid.startswith("pg:1:s:"), cid
    lat, types = [], set()
    for _ in range(N):
        s, r, ms = button(B, cid); lat.append(ms); types.add((s, r["type"]))
    summary("page 2 on replica B of a button made on A (Redis)", lat); print("  status/type:", types)
    s, r, _ = ask(M); cidm = next_id(r); assert cidm.startswith("pg:1:s:"), cidm
    lat, types = [], set()
    for _ in range(N):
        s, r, ms = button(M, cidm); lat.append(ms); types.add((s, r["type"]))
    summary("page 2 on one replica, in memory (no Redis)", lat); print("  status/type:", types)
    lat, types = [], set()
    for _ in range(N):
        s, r, ms = ask(A); lat.append(ms)
    summary("/ask with paging (stores the button in Redis) on A", lat)
    lat = []
    for _ in range(N):
        s, r, ms = ask(M); lat.append(ms)
    summary("/ask with paging (stores the button in memory)", lat)

    redis.kill(); redis.wait()
    lat, types = [], set()
    for _ in range(50):
        s, r, ms = button(B, cid); lat.append(ms); types.add((s, r["type"], r["data"].get("flags"), "expired" in (r["data"].get("content") or "")))
    summary("button while redis-server is killed", lat); print("  status/type/flags/says expired:", types)
    s, r, ms = ask(A); print(f"/ask while redis-server is killed: status {s}, type {r['type']}, buttons {bool(r['data'].get('components'))}, {ms:.1f} ms")

    redis = start_redis(port, folder)
    def recovery(label):
        t0 = time.perf_counter(); tries = 0
        while True:
            tries += 1
            s, r, _ = ask(A); c = next_id(r)
            if c:
                s2, r2, _ = button(B, c)
                if r2["type"] == 7: break
            time.sleep(0.1)
        print(f"{label}: a new command's button answered by B after {(time.perf_counter()-t0):.1f} s ({tries} tries)")
    recovery("after redis-server restarted")
    s, r, _ = button(B, cid); print("old button after the restart (Redis kept nothing):", s, r["type"], "expired" in (r["data"].get("content") or ""))

    s, r, _ = ask(A); cid = next_id(r)
    import signal
    os.kill(redis.pid, signal.SIGSTOP)  # hung, not gone: connections stay open and nothing answers
    lat, types = [], set()
    for _ in range(5):
        s, r, ms = button(B, cid); lat.append(ms); types.add((s, r["type"], r["data"].get("flags"), "expired" in (r["data"].get("content") or "")))
    print("button while redis-server is frozen (SIGSTOP), ms each:", " ".join(f"{x:.0f}" for x in lat)); print("  status/type/flags/says expired:", types)
    os.kill(redis.pid, signal.SIGCONT)
    recovery("after redis-server thawed (SIGCONT)")
finally:
    for p in (a, b, m): p.kill()
    redis.kill()
