# Object allocation with classes: instances with __init__, methods, attribute
# loads and stores, inheritance and a linked structure that is built and dropped.
class Node:
    def __init__(self, value, next_node):
        self.value = value
        self.next = next_node


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Account:
    count = 0

    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        Account.count += 1

    def deposit(self, amount):
        self.balance += amount
        return self.balance


class Savings(Account):
    def __init__(self, owner, balance, rate):
        super().__init__(owner, balance)
        self.rate = rate

    def grow(self):
        return self.deposit(self.balance * self.rate // 100)


def build_list(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    total = 0
    while head is not None:
        total += head.value
        head = head.next
    return total


def vectors(n):
    acc = Vector(0, 0)
    d = 0
    for i in range(n):
        v = Vector(i, -i)
        acc = acc.add(v)
        d += acc.dot(v)
    return acc.x, acc.y, d


def accounts(n):
    people = [Savings("p%d" % i, 100 + i, 3) for i in range(n)]
    for _ in range(5):
        for a in people:
            a.grow()
    return sum(a.balance for a in people), Account.count


print(build_list(50000), vectors(30000), accounts(4000))
