"""What "under load" does to latency: one worker, a queue, and rising traffic.

Runs on Python 3.7 or newer, standard library only. Requests arrive at random
times (a Poisson process) and each takes a random time to serve (exponential,
10 ms on average): the M/M/1 queue of queueing theory. "load" is the
utilization, the share of time the worker is busy. The seed fixes the
random numbers, so every run prints the same output.
"""
import math
import random

SERVICE_MS = 10.0  # average time to serve one request when nobody is waiting
REQUESTS = 100_000  # simulated requests in one run
rng = random.Random(2026)


def simulate(utilization):
    """Each request's latency (time queued plus time served), in ms."""
    arrivals_per_ms = utilization / SERVICE_MS
    latencies = []
    wait = 0.0  # how long the next request queues before the worker is free
    for _ in range(REQUESTS):
        service = rng.expovariate(1 / SERVICE_MS)
        latencies.append(wait + service)
        gap = rng.expovariate(arrivals_per_ms)  # time until the next request arrives
        wait = max(0.0, wait + service - gap)  # Lindley's recursion
    return latencies


def percentile(values, share):
    """The value that the given share of the values are at or below (nearest rank)."""
    ordered = sorted(values)
    return ordered[math.ceil(share * len(ordered)) - 1]


# Short lines, so the output reads on a phone.
print(f"one worker, mean service {SERVICE_MS:.0f} ms")
print(f"{REQUESTS:,} requests per run")
print("load  median       p99    theory")
for utilization in (0.50, 0.80, 0.95):
    latencies = simulate(utilization)
    # In theory an M/M/1 latency is exponential with mean SERVICE_MS / (1 - utilization),
    # so its 99th percentile is ln(100) times that mean.
    theory = math.log(100) * SERVICE_MS / (1 - utilization)
    print(f"{utilization:4.0%}  {percentile(latencies, 0.5):3.0f} ms  {percentile(latencies, 0.99):5.0f} ms  {theory:5.0f} ms")
more = [percentile(simulate(0.95), 0.99) for _ in range(3)]
print("p99 at 95% in three more runs:")
print(", ".join(f"{p:.0f} ms" for p in more))
