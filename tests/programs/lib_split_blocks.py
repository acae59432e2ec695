import sys, gc
gc.collect()
text = "one two three four five six seven"
b0 = sys.getallocatedblocks()
p = text.split()
b1 = sys.getallocatedblocks()
q = text.split(" ", 2)
b2 = sys.getallocatedblocks()
del p
b3 = sys.getallocatedblocks()
r = text.partition(" ")
b4 = sys.getallocatedblocks()
print(b1 - b0, b2 - b1, b3 - b2, b4 - b3, len(q), r[1])
