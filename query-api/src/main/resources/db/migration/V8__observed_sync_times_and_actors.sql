-- When the journal observed each sync start and end (the observation times its events carry), to the
-- millisecond: Argo CD's startedAt/finishedAt are whole seconds, so two syncs of one Application can
-- share a second, and a write is linked to the sync observed running when it was seen. Null on rows
-- projected before this migration until the syncs projection is rebuilt.
alter table sync_record add column observed_started_at  timestamptz;
alter table sync_record add column observed_finished_at timestamptz;

-- Who did what to an Application, as Argo CD's own Events name them (ApplicationAttributed; processing
-- group "report"): "grace created application", "alice deleted application", "admin initiated sync
-- to ...". actor is '' when the Event names nobody; the report then says so plainly.
create table report_application_actor (
    application_key text        not null,
    at              timestamptz not null,
    action          text        not null,
    actor           text        not null,
    component       text        not null,
    primary key (application_key, at, action, actor)
);
create index report_application_actor_at on report_application_actor (at);
