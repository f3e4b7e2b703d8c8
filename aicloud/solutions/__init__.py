"""Exercise answers, one module per chapter (`aicloud/solutions/<chapter>.py`): a function returning the dict
of values a chapter's solutions glue. Called only from notebook cells tagged `solution`; the student edition
removes those cells and this package."""
