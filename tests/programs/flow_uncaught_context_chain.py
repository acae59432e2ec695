class ConfigError(Exception):
    pass

def read(cfg, key):
    try:
        return cfg[key]
    except KeyError:
        raise ConfigError(f"no setting {key!r}")

def load(cfg):
    values = []
    for key in ("host", "port"):
        values.append(read(cfg, key))
    return values

print(load({"host": "h", "port": 1}))
try:
    load({"host": "h"})
except ConfigError as e:
    print("handled:", e, "| context:", repr(e.__context__))

def cleanup():
    try:
        load({})
    finally:
        print("cleanup ran")
cleanup()
