"""What bench/redis-fleet.py and bench/fleet-soak.py share: a free loopback port, a redis-server without persistence,
and Discord interactions signed with Ed25519 as Discord signs them."""
import json, socket, subprocess, time, urllib.error, urllib.request


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def start_redis(port, folder):
    p = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                          "--dir", folder], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close(); return p
        except OSError:
            time.sleep(0.05)
    raise SystemExit("redis did not start")


def discord_request(base, key, body):
    """A signed POST to /discord/interactions: (status, parsed JSON or None, milliseconds). None status: no connection."""
    ts = str(int(time.time())); data = json.dumps(body).encode()
    sig = key.sign(ts.encode() + data).hex()
    req = urllib.request.Request(base + "/discord/interactions", data=data, method="POST",
                                 headers={"Content-Type": "application/json", "X-Signature-Ed25519": sig, "X-Signature-Timestamp": ts})
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            status, text = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None, None, (time.perf_counter() - t) * 1000
    try:
        response = json.loads(text) if text else None
    except ValueError:  # a plain-text error body
        response = None
    return status, response, (time.perf_counter() - t) * 1000
