#!/usr/bin/env python
from municipium.cli import main

if __name__ == "__main__":
    main()
