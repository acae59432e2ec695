class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age
    def __repr__(self):
        return self.name
people = [P("ann", 30), P("bob", 25), P("cy", 30), P("dee", 22)]
print(sorted(people, key=lambda p: p.age))
print(sorted(people, key=lambda p: (-p.age, p.name)))
print(max(people, key=lambda p: p.age), min(people, key=lambda p: len(p.name)))
people.sort(key=lambda p: p.name, reverse=True)
print(people)
