"""Start kbuilder: ``python main.py [FILE]``."""

import sys

if __name__ == "__main__":
    from kbuilder.app import main

    sys.exit(main(sys.argv[1:]))
