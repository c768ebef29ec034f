"""`python -m marsad ...` runs the same command line as the `marsad` script (handy where the script is not on PATH)."""
from marsad.serve.cli import main

if __name__ == "__main__":
    main()
