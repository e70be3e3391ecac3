-- A conflict's start, decided once by the conflicts processor (issue 10): the journal starts a
-- conflict on whichever signal reaches the object first, the second Application's declaration or
-- the takeover it leads to, so the event's time can be the takeover's. The processor keeps the
-- declarations it sees and moves started_at back to the second declaration, when that is earlier;
-- journaled_at keeps the event's own time, from which the rule reads.

create table conflict_declaration (
    resource_key text        not null,
    application  text        not null,
    valid_from   timestamptz not null,
    valid_to     timestamptz,
    primary key (resource_key, application, valid_from)
);

alter table conflict_episode add column journaled_at timestamptz;
update conflict_episode set journaled_at = started_at;
alter table conflict_episode alter column journaled_at set not null;

-- an existing journal: start from the declarations the ownership processor has projected, the
-- same events the conflicts processor would have seen, and decide the starts already there
insert into conflict_declaration (resource_key, application, valid_from, valid_to)
select resource_key, application, valid_from, valid_to from declaration_interval;

update conflict_episode e
   set started_at = coalesce((
         select d.valid_from from conflict_declaration d
          where d.resource_key = e.resource_key and d.application = any(e.applications)
            and d.valid_from <= e.journaled_at
            and (d.valid_to is null or d.valid_to > e.journaled_at)
          order by d.valid_from offset 1 limit 1), e.journaled_at);
