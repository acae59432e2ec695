"""The object model: headers, types, layouts and sizes, caches and free lists (Objects/*.c)."""
