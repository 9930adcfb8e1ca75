"""Cosine similarity between embedding vectors, standard library only.

Normalizes vectors to unit length, scores a query against three documents
and applies a threshold. Then it shows one way the score misleads: cosine
ignores length, so a vector and a copy shrunk a hundredfold score 1.000,
even when length carried meaning in the model that made the vectors.
"""
import math

THRESHOLD = 0.80  # calibrate per embedding model; never copy this number


def normalize(v: list[float]) -> list[float]:
    length = math.sqrt(sum(x * x for x in v))
    return [x / length for x in v]


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(normalize(a), normalize(b)))


query = [0.9, 0.1, 0.3]  # stands in for "how do I get a refund?"
docs = {
    "refund policy": [0.8, 0.2, 0.4],
    "shipping times": [0.5, 0.6, 0.1],
    "office hours": [0.1, 0.9, 0.2],
}
for name, vec in docs.items():
    score = cosine(query, vec)
    verdict = "match" if score >= THRESHOLD else "no match"
    print(f"{name:<15} cosine={score:.3f}  {verdict}")

strong = [0.9, 0.1, 0.3]
faint = [x / 100 for x in strong]  # say, an almost empty input
big, small = math.hypot(*strong), math.hypot(*faint)
print(f"length: strong={big:.3f} faint={small:.3f}")
print(f"length after normalize: {math.hypot(*normalize(faint)):.3f}")
print(f"cosine(strong, faint) = {cosine(strong, faint):.3f}")
