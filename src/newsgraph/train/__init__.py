"""Training: data-derived components that ship inside the package (no downloads at run time)."""
