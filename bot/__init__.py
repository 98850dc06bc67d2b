"""MingBao (明保): an insurance after-sales assistant that answers from the insurer's own clauses."""
