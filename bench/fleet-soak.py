#!/usr/bin/env python3
"""A fleet soak on loopback (issue 12): two BotHost replicas sharing one redis-server behind a small round-robin client,
DURATION seconds (default 60) of mixed signed traffic — Discord /ask (Ed25519), Discord page buttons pressed on the
other replica than the one that answered, Slack /ask slash commands (HMAC) — while stories are added, edited and
removed on disk, and replica B restarted midway. Reports HTTP statuses by kind (any 5xx is a failure), pages lost
(a button made on one replica that the other could not page), requests refused while a replica was down (the client
routes like a load balancer: only to replicas whose /readyz answers 200), and each replica's resident memory over time.

  dotnet build src/BotHost -c Release -o /tmp/bothost-release
  python3 bench/fleet-soak.py /tmp/bothost-release/BotHost.dll [DURATION]

Words only (--semantic false): the soak is about the fleet, not the ranking. Needs redis-server on the PATH and
Python's `cryptography` package (Debian: python3-cryptography). Run from the repository root (it copies seeds/)."""
import hashlib, hmac, json, os, re, shutil, signal, subprocess, sys, tempfile, threading, time, urllib.error
import urllib.parse, urllib.request
from collections import Counter
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from loopback_fleet import discord_request, free_port, start_redis

DLL = sys.argv[1]
DURATION = float(sys.argv[2]) if len(sys.argv) > 2 else 60.0
APP = "123456789012345678"
SLACK_SECRET = "soak-signing-secret-0123456789abcdef"
QUESTIONS = ["What did Netanyahu and Trump say about the ceasefire and the Gaza talks with the envoy this week?",
             "Who is the envoy?", "What did the mediators propose?", "How many hostages were released?"]

key = Ed25519PrivateKey.generate()
pub = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


class Replica:
    def __init__(self, name, stories, redis):
        self.name, self.stories, self.redis = name, stories, redis
        self.process, self.base, self.up, self.ready_at = None, None, False, None

    def start(self):
        args = ["dotnet", DLL, "--seeds", self.stories, "--urls", "http://127.0.0.1:0", "--semantic", "false",
                "--Discord:PublicKey", pub, "--Discord:ApplicationId", APP, "--Slack:SigningSecret", SLACK_SECRET,
                "--Redis:Configuration", self.redis]
        env = dict(os.environ)
        env["Logging__LogLevel__Default"] = "Warning"; env["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information"
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        for line in self.process.stdout:
            m = re.search(r"Now listening on: (http://127\.0\.0\.1:\d+)", line)
            if m:
                self.base = m.group(1); break
        else:
            raise SystemExit(f"replica {self.name} did not start")
        threading.Thread(target=lambda out=self.process.stdout: [None for _ in out], daemon=True).start()
        while True:
            try:
                if urllib.request.urlopen(self.base + "/readyz").status == 200: break
            except (urllib.error.HTTPError, urllib.error.URLError):
                pass
            time.sleep(0.1)
        self.ready_at = time.time()
        self.up = True

    def stop(self):
        self.up = False
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(30)

    def rss_mb(self):
        try:
            with open(f"/proc/{self.process.pid}/status") as f:
                return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) / 1024
        except (OSError, AttributeError):
            return None


def request(base, path, data, headers):
    req = urllib.request.Request(base + path, data=data, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
        return None, str(e).encode()


def discord(base, body):
    status, response, _ = discord_request(base, key, body)
    return status, (response if status == 200 else None)


def discord_ask(base, question):
    return discord(base, {"type": 2, "id": "2", "application_id": APP, "token": "t", "version": 1,
                          "data": {"id": "3", "name": "ask", "type": 1, "options": [{"name": "question", "type": 3, "value": question}]}})


def discord_button(base, cid):
    return discord(base, {"type": 3, "id": "4", "application_id": APP, "token": "t2", "version": 1,
                          "user": {"id": "1", "username": "x"}, "data": {"custom_id": cid, "component_type": 2}})


def slack_ask(base, question):
    body = urllib.parse.urlencode({"command": "/ask", "text": question, "user_id": "U1", "channel_id": "C1", "team_id": "T1",
                                   "response_url": "https://hooks.slack.com/commands/T1/1/soak", "trigger_id": "1.2.3"}).encode()
    ts = str(int(time.time()))
    sig = "v0=" + hmac.new(SLACK_SECRET.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()
    status, _ = request(base, "/slack/commands", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                        "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig})
    return status


def next_id(response):
    comps = (response or {}).get("data", {}).get("components") or []
    return comps[0]["components"][-1]["custom_id"] if comps else None


def churn(stories, stop, log):
    """Adds, edits and removes a story every 3 s, as an editor would."""
    i = 0
    while not stop.is_set():
        path = os.path.join(stories, "soak-story.txt")
        if i % 3 == 0:
            with open(path, "w") as f:
                f.write("Harbour strike ends after talks\n\nDock workers voted on Monday to end their strike, the union said.\n")
            log["added"] += 1
        elif i % 3 == 1:
            with open(path, "a") as f:
                f.write("\nThe port authority said ships would sail again from Wednesday.\n")
            log["edited"] += 1
        else:
            os.remove(path); log["removed"] += 1
        i += 1
        stop.wait(3)


def main():
    stories = tempfile.mkdtemp(prefix="fleet-soak-stories-")
    for name in os.listdir("seeds"):
        shutil.copy(os.path.join("seeds", name), stories)
    folder = tempfile.mkdtemp(prefix="fleet-soak-redis-")
    port = free_port(); redis = start_redis(port, folder)
    replicas = [Replica("A", stories, f"127.0.0.1:{port}"), Replica("B", stories, f"127.0.0.1:{port}")]
    for r in replicas:
        r.start()
    statuses, lost, refused, pages = Counter(), 0, 0, 0
    memory = {r.name: [] for r in replicas}
    churned = Counter(); stop = threading.Event()
    churner = threading.Thread(target=churn, args=(stories, stop, churned), daemon=True)
    restarted = None
    try:
        start = time.time(); turn = 0; pending = []; last_sample = 0.0
        churner.start()
        while time.time() - start < DURATION:
            elapsed = time.time() - start
            if restarted is None and elapsed >= DURATION / 2:
                # Replica B goes away and comes back (a rolling restart): its buttons must still page on A, and A's on it.
                b = replicas[1]; t0 = time.time(); b.stop()
                threading.Thread(target=b.start, daemon=True).start()
                restarted = t0
            if elapsed - last_sample >= 5:
                for r in replicas:
                    if r.up and (m := r.rss_mb()):
                        memory[r.name].append((round(elapsed), round(m)))
                last_sample = elapsed
            ready = [r for r in replicas if r.up]
            if not ready:
                time.sleep(0.05); continue
            target = ready[turn % len(ready)]; turn += 1
            kind = turn % 3
            if kind == 0:
                status, response = discord_ask(target.base, QUESTIONS[turn % len(QUESTIONS)])
                statuses[("discord ask", status)] += 1
                if status == 200 and (cid := next_id(response)):
                    pending.append((cid, target.name))
            elif kind == 1 and pending:
                cid, made_on = pending.pop(0)
                other = [r for r in ready if r.name != made_on] or ready
                status, response = discord_button(other[0].base, cid)
                statuses[("discord page button", status)] += 1
                pages += 1
                text = json.dumps(response or {})
                if status == 200 and "expired" in text:
                    lost += 1
            else:
                status = slack_ask(target.base, QUESTIONS[turn % len(QUESTIONS)])
                statuses[("slack /ask", status)] += 1
            if status is None:
                refused += 1
        stop.set()
        back = replicas[1]
        while not back.up:
            time.sleep(0.1)
        print(f"soak: {DURATION:.0f} s, {sum(statuses.values())} requests, replica B restarted at {restarted - start:.0f} s "
              f"and ready again after {back.ready_at - restarted:.1f} s; stories added {churned['added']}, edited {churned['edited']}, "
              f"removed {churned['removed']}")
        for (kind, status), n in sorted(statuses.items(), key=lambda x: (x[0][0], x[0][1] or 0)):
            print(f"  {kind}: HTTP {status}: {n}")
        errors = sum(n for (k, s), n in statuses.items() if s is not None and s >= 500)
        print(f"  5xx: {errors}; page buttons pressed on the other replica: {pages}, lost: {lost}; "
              f"connection refused (sent to a replica as it went down): {refused}")
        for name, samples in memory.items():
            print(f"  replica {name} RSS (s, MB): " + " ".join(f"{t}:{m}" for t, m in samples))
        return 1 if errors or lost else 0
    finally:
        stop.set()
        for r in replicas:
            if r.process and r.process.poll() is None:
                r.process.kill()
        redis.kill()


if __name__ == "__main__":
    sys.exit(main())
