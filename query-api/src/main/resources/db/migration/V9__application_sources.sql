-- Every source of a multi-source Application (spec.sources), in order (ApplicationRegistered and
-- ApplicationSpecChanged; processing group "applications"). A single-source Application has no rows:
-- application_catalog holds its one source. chart is set for a Helm chart (its target_revision is a
-- chart version); ref names a source that lends value files to others ($values).
create table application_source (
    application_key text    not null,
    position        integer not null,
    repo_url        text    not null,
    path            text    not null,
    target_revision text    not null,
    chart           text    not null,
    ref             text    not null,
    primary key (application_key, position)
);

-- The revision each source of a multi-source Application was synced to (SyncStarted/SyncCompleted
-- "sources"; processing group "syncs"), beside sync_record, whose revision is the first source's.
-- chart is set when the revision is a chart version, which is never looked up as a Git commit.
create table sync_source_revision (
    application_key text    not null,
    operation_id    text    not null,
    position        integer not null,
    repo_url        text    not null,
    revision        text    not null,
    chart           text    not null,
    primary key (application_key, operation_id, position)
);
create index sync_source_revision_revision on sync_source_revision (revision);
