"""How sure is an accuracy score? Margins of error for an evaluation set.

Runs on Python 3.7 or newer, standard library only. Uses the normal
approximation, sound for hundreds of examples and rates not near 0% or 100%.
"""
import math

Z = 1.96  # 95% of a normal distribution lies within 1.96 standard errors of its mean

# The new ticket-tagging model on 2,000 labeled tickets, counted by slice.
slices = {  # name: (tickets, tagged correctly)
    "short tickets": (300, 240),
    "other tickets": (1700, 1580),
}
# The same 2,000 tickets, new model against old: who got each one right.
both_right, only_new_right, only_old_right, both_wrong = 1690, 130, 30, 150


def margin(share, n):
    """Half the width of the 95% confidence interval of a share of n, in points."""
    return Z * math.sqrt(share * (1 - share) / n) * 100


def line(name, right, n):
    share = right / n
    print(f"  {name:<15} {share:6.1%} of {n:>5,}  ± {margin(share, n):.1f} points")


n = sum(tickets for tickets, _ in slices.values())
print("accuracy with its 95% confidence interval:")
line("all tickets", sum(right for _, right in slices.values()), n)
for name, (tickets, right) in slices.items():
    line(name, right, tickets)

new = (both_right + only_new_right) / n
old = (both_right + only_old_right) / n
# Paired: the variance of the per-ticket difference (+1, 0 or -1) over n tickets.
diff = (only_new_right - only_old_right) / n
paired = Z * math.sqrt((only_new_right + only_old_right) / n - diff ** 2) / math.sqrt(n) * 100
# Unpaired: as if the two scores came from two separate sets of 2,000 tickets.
unpaired = Z * math.sqrt(new * (1 - new) / n + old * (1 - old) / n) * 100
print(f"new model {new:.0%}, old model {old:.0%}, on the same {n:,} tickets:")
print(f"  difference      {diff * 100:+.1f} points")
print(f"  paired          ± {paired:.1f} points")
print(f"  as if unpaired  ± {unpaired:.1f} points")
