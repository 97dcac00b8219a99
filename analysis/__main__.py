import sys

from .cli import main

# Guarded: a worker started with multiprocessing's "spawn" imports this module (as
# __mp_main__) and must not run the command again.
if __name__ == "__main__":
    sys.exit(main())
