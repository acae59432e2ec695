"""The object space: the one API through which opcodes and builtins reach objects
(Objects/abstract.c and Objects/object.c: attribute protocol, operators, iteration, calls).
Imports types/ only."""
