"""The builtin types' methods and attributes, installed on the type objects at start-up
(the method tables of Objects/*.c).  Imports types/ and objspace/."""
