"""policyledger: what a government report actually claims, as a queryable, cited ledger."""

__version__ = "0.1.0"
