"""Exercise answers, one module per chapter: a function returning the dict of values the solutions quote.

A notebook calls it from a code cell tagged `solution` (and `hide-input`); the student edition drops that cell
and this package, so nothing outside a solution may depend on it.
"""
