"""Same model, same predictions, different cosine ranking.

Runs on Python 3.7 or newer, standard library only.

A model trained on dot products (matrix factorization is the classic case)
scores a query against an item as dot(query, item). Steck, Ekanadham and
Kallus (2024, arXiv:2403.05440) point out that such training leaves every
embedding dimension free to be stretched: multiply one dimension of every
query vector by a factor and divide the same dimension of every item vector
by it, and not one prediction changes. Cosine similarity does change, so the
ranking and the threshold built on it belong to one arbitrary choice of scale.
"""
import math

THRESHOLD = 0.80  # a cut-off on cosine; it means nothing across rescalings

query = [1.0, 0.6, 0.3]
items = {
    "refund policy": [0.8, 0.9, 0.2],
    "shipping times": [1.2, 0.1, 0.3],
    "office hours": [0.2, 0.3, 1.5],
}
# Any positive factor per dimension gives an equally valid copy of the model.
# Here the first dimension doubles on the query side, the second halves, and
# the item side gets the inverse factors.
stretch = [2.0, 0.5, 1.0]


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def cosine(a, b):
    return dot(a, b) / math.sqrt(dot(a, a) * dot(b, b))


rescaled_query = [x * s for x, s in zip(query, stretch)]
rescaled_items = {
    name: [x / s for x, s in zip(vector, stretch)]
    for name, vector in items.items()
}


def report(title, score):
    print(title)
    for name in items:
        before = score(query, items[name])
        after = score(rescaled_query, rescaled_items[name])
        print(f"  {name:<15} {before:.3f}  {after:.3f}")


def ranking(q, vectors):
    return sorted(vectors, key=lambda name: -cosine(q, vectors[name]))


def matches(q, vectors):
    return [n for n in ranking(q, vectors) if cosine(q, vectors[n]) >= THRESHOLD]


report("dot product (the model's prediction), before and after rescaling:", dot)
report("cosine similarity, before and after rescaling:", cosine)
print("cosine ranking before:", ", ".join(ranking(query, items)))
print("cosine ranking after: ", ", ".join(ranking(rescaled_query, rescaled_items)))
print(f"at or above {THRESHOLD:.2f} before:", ", ".join(matches(query, items)))
print(f"at or above {THRESHOLD:.2f} after: ",
      ", ".join(matches(rescaled_query, rescaled_items)))
