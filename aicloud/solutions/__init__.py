"""Answers to the chapters' exercises: one module per chapter, each a function returning the values its
solutions quote. The student edition leaves this package out."""
