"""Exercise answers, one module per chapter: each returns the dict of values a chapter's solutions glue. The
student edition leaves this package out (see `aicloud.classroom`)."""
