-- Read model of the weekly journal (processing group "report"): what the other read models do not
-- keep. Everything else the journal reads from the tables of V2.

-- every write to an object's desired state (appeared, changed, recreated) and every deletion, with
-- the writer and the few desired values the journal reports (replicas, images); the owner at that
-- instant is in ownership_interval
create table report_object_write (
    resource_key text        not null,
    at           timestamptz not null,
    kind         text        not null,
    uid          text        not null,
    manager      text        not null,
    desired      jsonb       not null,
    primary key (resource_key, at, kind)
);
create index report_object_write_at on report_object_write (at);

-- Applications as registered, changed and deleted, with their sync policy: one row per change
create table report_application_event (
    application_key       text        not null,
    at                    timestamptz not null,
    kind                  text        not null,
    repo_url              text        not null,
    path                  text        not null,
    target_revision       text        not null,
    destination_server    text        not null,
    destination_name      text        not null,
    destination_namespace text        not null,
    project               text        not null,
    automated             boolean     not null,
    self_heal             boolean     not null,
    prune                 boolean     not null,
    primary key (application_key, at, kind)
);

-- Applications' sync and health status: one row per instant it changed, holding the whole status
create table report_application_status (
    application_key text        not null,
    at              timestamptz not null,
    sync_status     text        not null,
    revision        text        not null,
    health          text        not null,
    primary key (application_key, at)
);

-- conditions an Application showed (SharedResourceWarning, ComparisonError, ...), raised to cleared
create table report_condition (
    application_key text        not null,
    type            text        not null,
    message         text        not null,
    raised_at       timestamptz not null,
    cleared_at      timestamptz,
    primary key (application_key, type, message, raised_at)
);
create index report_condition_raised on report_condition (raised_at);

-- force pushes
create table report_history_rewrite (
    source      text        not null,
    at          timestamptz not null,
    old_head    text        not null,
    new_head    text        not null,
    unreachable text[]      not null,
    primary key (source, at)
);
