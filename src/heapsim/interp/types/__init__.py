"""The interpreter's own object types (Objects/ counterparts the object model does not hold):
type objects and class creation, descriptors, exceptions, code objects and their decoded
instructions, frame and traceback objects, generators, iterators.  Lowest sub-layer of interp."""
