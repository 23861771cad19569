"""The command line: one module per command group; commands only format what the library returns."""
