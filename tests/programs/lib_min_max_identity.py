import sys
a = [1, 2]
b = [1, 2]
c = [0, 5]
print(max(a, b) is a, min(a, b) is a, max(a, b, c) is a, min([c, a, b]) is c)
big1 = 10 ** 20
big2 = 10 ** 20 + 0
print(max(big1, big2) is big1, sys.getrefcount(max([big1])))
words = ["pear", "fig", "plum", "kiwi"]
print(min(words, key=len), max(words, key=len))
