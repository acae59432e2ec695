# A loop of 20,000 line steps.
total = 0
for i in range(10000):
    total += i
print(total)
