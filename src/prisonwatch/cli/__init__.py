"""The command-line shell over the prisonwatch library."""
