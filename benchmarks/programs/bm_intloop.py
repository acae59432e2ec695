# An int loop in a function: arithmetic, comparisons, bit operations and
# augmented assignment on locals; values cross the small-int cache boundary.
def collatz_steps(limit):
    longest = 0
    best = 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n & 1:
                n = 3 * n + 1
            else:
                n >>= 1
            steps += 1
        if steps > longest:
            longest = steps
            best = start
    return best, longest


def sieve_sum(limit):
    total = 0
    i = 2
    while i < limit:
        j = 2
        prime = True
        while j * j <= i:
            if i % j == 0:
                prime = False
                break
            j += 1
        if prime:
            total += i
        i += 1
    return total


def mix(n):
    h = 0
    for i in range(n):
        h = (h * 31 + i) % 1000003
        h ^= i << 3
    return h


print(collatz_steps(6000), sieve_sum(12000), mix(100000))
