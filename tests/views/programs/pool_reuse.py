# Floats fill pools of one size class; freed, their pools are empty and can be taken
# again for another size class, here the 2-tuples' blocks.
floats = list(map(float, range(1500)))
del floats
pairs = list(zip(range(1500), range(1500)))
print(len(pairs))
