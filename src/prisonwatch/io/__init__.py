"""Reading and writing the registry: CSV layouts and the lossless JSONL dump."""
