"""The showdown's two workloads in Python, for comparison with the Swift rows.

Run by chapter 11; prints JSON lines describing what it measured.

    showdown.py io  BASE_URL PAGES DELAY_MS MODEL CONCURRENCY
    showdown.py cpu LIMIT CHUNKS WORKERS ROUNDS

I/O models: sequential, threads, asyncio-all, asyncio-semaphore, processes.
The CPU run times all its models (sequential, threads, processes) in one go and prints
one line for each.
Standard library only.
"""

import asyncio
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor


# ---- I/O-bound: fetch pages from the chapter's loopback server ----

def fetch(url):
    """Blocking GET; returns the HTTP status."""
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        return response.status


async def fetch_async(host, port, path):
    """Non-blocking GET over a raw asyncio connection; returns the HTTP status."""
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    status_line = await reader.readline()
    await reader.read()  # the rest, until the server closes the connection
    writer.close()
    await writer.wait_closed()
    return int(status_line.split()[1])


async def fetch_all(host, port, paths, limit):
    """Every page at once, or at most `limit` at a time when limit > 0."""
    semaphore = asyncio.Semaphore(limit) if limit > 0 else None

    async def one(path):
        if semaphore is None:
            return await fetch_async(host, port, path)
        async with semaphore:
            return await fetch_async(host, port, path)

    return await asyncio.gather(*(one(path) for path in paths))


async def timed_fetch_all(host, port, paths, limit):
    start = time.perf_counter()
    statuses = await fetch_all(host, port, paths, limit)
    return time.perf_counter() - start, statuses


def run_io(base_url, pages, delay_ms, model, concurrency):
    paths = [f"/page/{i}?delay_ms={delay_ms}" for i in range(pages)]
    urls = [base_url + path for path in paths]
    host, port = base_url.removeprefix("http://").split(":")
    port = int(port)

    if model == "processes":
        with multiprocessing.Pool(concurrency) as pool:
            pool.map(fetch, [base_url + "/page/0?delay_ms=0"] * concurrency)  # workers up
            start = time.perf_counter()
            statuses = pool.map(fetch, urls, chunksize=1)
            seconds = time.perf_counter() - start
            finish(pool)
        return seconds, statuses

    start = time.perf_counter()
    if model == "sequential":
        statuses = [fetch(url) for url in urls]
    elif model == "threads":
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            statuses = list(pool.map(fetch, urls))
    elif model in ("asyncio-all", "asyncio-semaphore"):
        # Timed inside the running loop, as the Swift rows are timed with their event
        # loop already running: asyncio.run's set-up and tear-down stay outside the clock.
        return asyncio.run(timed_fetch_all(host, port, paths, 0 if model == "asyncio-all" else concurrency))
    else:
        raise SystemExit(f"unknown I/O model {model}")
    return time.perf_counter() - start, statuses


# ---- CPU-bound: count primes by trial division ----

def is_prime(n):
    """Trial division by every number up to the square root: the same loop as the
    book's Swift `Primes.isPrime`."""
    if n < 2:
        return False
    divisor = 2
    while divisor * divisor <= n:
        if n % divisor == 0:
            return False
        divisor += 1
    return True


def count_primes(bounds):
    lower, upper = bounds
    return sum(1 for n in range(lower, upper) if is_prime(n))


def chunks(limit, count):
    """`count` consecutive ranges covering 0..<limit."""
    edges = [limit * i // count for i in range(count + 1)]
    return list(zip(edges, edges[1:]))


def run_cpu(limit, chunk_count, workers, rounds):
    """Times each model `rounds` times, taking turns, and keeps each one's best time:
    other programs on the machine disturb some rounds, and the best is the least disturbed."""
    parts = chunks(limit, chunk_count)

    def sequential():
        return sum(count_primes(part) for part in parts)

    def threads():
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return sum(pool.map(count_primes, parts))

    best = {}
    with multiprocessing.Pool(workers) as process_pool:
        process_pool.map(count_primes, [(0, 10)] * workers)  # workers up before timing

        def processes():
            return sum(process_pool.map(count_primes, parts, chunksize=1))

        for _ in range(rounds):
            for model, run in (("sequential", sequential), ("threads", threads), ("processes", processes)):
                start, cpu_start = time.perf_counter(), time.process_time()
                primes = run()
                seconds = time.perf_counter() - start
                # CPU time of this process's threads over wall time: the cores it kept busy
                # on average. (The pool's workers are other processes: not counted.)
                busy = (time.process_time() - cpu_start) / seconds if model != "processes" else None
                if model not in best or seconds < best[model]["seconds"]:
                    best[model] = {"seconds": seconds, "primes": primes, "busy_cores": busy}
        finish(process_pool)
    return best


def finish(pool):
    """Lets the workers exit on their own. Leaving the `with` block alone would call
    terminate(), which can hang when it kills a worker in the middle of a queue operation."""
    pool.close()
    pool.join()


def main(argv):
    # A process group of our own: if the chapter must stop us, it stops our pool's
    # workers with us, by signalling the whole group.
    os.setpgrp()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(3))
    stop_when_orphaned()
    workload = argv[1]
    if workload == "io":
        base_url, pages, delay_ms, model, concurrency = argv[2], int(argv[3]), int(argv[4]), argv[5], int(argv[6])
        seconds, statuses = run_io(base_url, pages, delay_ms, model, concurrency)
        result = {"seconds": seconds, "ok": sum(1 for status in statuses if status == 200)}
    elif workload == "cpu":
        limit, chunk_count, workers, rounds = int(argv[2]), int(argv[3]), int(argv[4]), int(argv[5])
        for model, result in run_cpu(limit, chunk_count, workers, rounds).items():
            report(result, workload, model)
        return
    else:
        raise SystemExit(f"unknown workload {workload}")
    report(result, workload, model)


def stop_when_orphaned():
    """If the chapter dies (killed by a watchdog, say), end this whole process group
    at once rather than compute for nobody."""
    parent = os.getppid()

    def watch():
        while True:
            time.sleep(0.2)
            if os.getppid() != parent:
                os.killpg(0, signal.SIGKILL)

    threading.Thread(target=watch, daemon=True).start()


def report(result, workload, model):
    """One JSON line: the measurement, and which Python made it (with or without a GIL)."""
    result.update(workload=workload, model=model, python=sys.version.split()[0],
                  gil=getattr(sys, "_is_gil_enabled", lambda: True)())
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(sys.argv)
