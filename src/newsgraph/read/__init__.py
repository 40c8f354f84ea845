"""Read stage: files, folders, stdin, HTML, JSONL and gzip to ``RawDocument`` records."""

from newsgraph.read.files import InputFile, iter_input_files, read_file, read_text

__all__ = ["InputFile", "iter_input_files", "read_file", "read_text"]
