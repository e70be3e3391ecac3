-- a commit a force push made unreachable from its branch: since when, and by which push (the
-- branch's head before and after it); null while the commit is reachable
alter table git_commit
    add column unreachable_since timestamptz,
    add column rewritten_from    text,
    add column rewritten_to      text;
