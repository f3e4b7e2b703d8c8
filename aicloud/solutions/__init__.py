"""Exercise answers, one module per chapter (`aicloud/solutions/<chapter>.py`): a function returning the dict of
glued answer values, called from the chapter's notebook cell tagged `solution`. The student edition leaves them out."""
