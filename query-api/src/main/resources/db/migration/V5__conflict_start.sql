-- A conflict's start, decided in one place (issue 10): the journal starts a conflict on whichever
-- signal reaches the object first, the second Application's declaration or the takeover it leads
-- to, so ConflictStarted can carry the takeover's time, a few seconds late. The conflicts processor
-- keeps the declarations it sees (conflict_declaration); conflict_episode_decided gives each
-- episode the start every surface shows: among its Applications' declarations in force at the
-- journal's start, the second earliest, or the journal's start when there is no second. Deciding
-- on read keeps the processor's writes plain inserts, sent as JDBC batches.

create table conflict_declaration (
    resource_key text        not null,
    application  text        not null,
    valid_from   timestamptz not null,
    valid_to     timestamptz,
    primary key (resource_key, application, valid_from)
);

-- an existing journal: the declarations the ownership processor has projected are the same events
-- the conflicts processor would have seen
insert into conflict_declaration (resource_key, application, valid_from, valid_to)
select resource_key, application, valid_from, valid_to from declaration_interval;

create view conflict_episode_decided as
select e.resource_key, e.episode, e.applications, e.holder, e.flips, e.loop_detected_at,
       e.ended_at, e.winner,
       e.started_at as journaled_at,
       coalesce((select d.valid_from from conflict_declaration d
                  where d.resource_key = e.resource_key and d.application = any(e.applications)
                    and d.valid_from <= e.started_at
                    and (d.valid_to is null or d.valid_to > e.started_at)
                  order by d.valid_from offset 1 limit 1),
                e.started_at) as started_at
  from conflict_episode e;
