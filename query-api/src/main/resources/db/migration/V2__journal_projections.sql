-- Read models of the journal, written by Axon tracking processors (one per table group) in the
-- same transaction as their token: each event is projected exactly once.

-- ownership: who held an object's tracking, from when to when
create table ownership_interval (
    resource_key text        not null,
    application  text        not null,
    tracking     text        not null,
    valid_from   timestamptz not null,
    valid_to     timestamptz,
    primary key (resource_key, valid_from)
);

-- ownership: which Applications declared an object (status.resources), from when to when
create table declaration_interval (
    resource_key text        not null,
    application  text        not null,
    valid_from   timestamptz not null,
    valid_to     timestamptz,
    primary key (resource_key, application, valid_from)
);

-- conflicts between Applications over one object
create table conflict_episode (
    resource_key     text        not null,
    episode          integer     not null,
    applications     text[]      not null,
    holder           text        not null,
    flips            integer     not null default 0,
    started_at       timestamptz not null,
    loop_detected_at timestamptz,
    ended_at         timestamptz,
    winner           text,
    primary key (resource_key, episode)
);
create index conflict_episode_started on conflict_episode (started_at);

-- drift episodes: when the live state left Git, who moved it, how and when it came back
create table drift_episode (
    resource_key text        not null,
    episode      integer     not null,
    application  text        not null,
    revision     text        not null,
    evidence     text        not null,
    actor        text        not null,
    fields       text[]      not null,
    started_at   timestamptz not null,
    detected_at  timestamptz not null,
    corrected_at timestamptz,
    correction   text,
    corrected_by text,
    duration_ms  bigint,
    primary key (resource_key, episode)
);
create index drift_episode_application on drift_episode (application, started_at);
create index drift_episode_started on drift_episode (started_at);

-- every journal entry about an object, in order
create table timeline_entry (
    id           bigserial   primary key,
    event_id     text        not null unique,
    resource_key text        not null,
    at           timestamptz not null,
    type         text        not null,
    summary      text        not null,
    details      jsonb       not null
);
create index timeline_entry_resource on timeline_entry (resource_key, at, id);

-- Applications as registered, for commit -> application mapping and listings
create table application_catalog (
    application_key       text        primary key,
    cluster               text        not null,
    namespace             text        not null,
    name                  text        not null,
    repo_url              text        not null,
    path                  text        not null,
    target_revision       text        not null,
    chart                 text        not null,
    destination_server    text        not null,
    destination_name      text        not null,
    destination_namespace text        not null,
    project               text        not null,
    registered_at         timestamptz not null,
    deleted_at            timestamptz
);

-- sync operations, including the partial self-heal syncs Argo CD's history leaves out
create table sync_record (
    application_key text        not null,
    namespace       text        not null,
    name            text        not null,
    operation_id    text        not null,
    revision        text        not null,
    initiated_by    text        not null,
    automated       boolean     not null,
    partial         boolean     not null,
    phase           text        not null,
    message         text        not null default '',
    started_at      timestamptz not null,
    finished_at     timestamptz,
    primary key (application_key, operation_id)
);
create index sync_record_application on sync_record (namespace, name, started_at);

-- commits recorded per Git source
create table git_commit (
    source                text        not null,
    sha                   text        not null,
    repo_url              text        not null,
    branch                text        not null,
    parents               text[]      not null,
    author_name           text        not null,
    author_email          text        not null,
    authored_at           timestamptz,
    committer_name        text        not null,
    committed_at          timestamptz,
    message               text        not null,
    changed_paths         text[]      not null,
    affected_applications text[]      not null,
    recorded_at           timestamptz not null,
    primary key (source, sha)
);
create index git_commit_sha on git_commit (sha);

-- windows when desired state was not enforced, or a Git source could not be fetched
create table outage (
    kind        text        not null,
    subject     text        not null,
    started_at  timestamptz not null,
    detected_at timestamptz not null,
    ended_at    timestamptz,
    reason      text        not null default '',
    primary key (kind, subject, started_at)
);

-- every flip of a conflict, to answer "how often had it flipped by then"
create table conflict_flip (
    resource_key text        not null,
    episode      integer     not null,
    flip         integer     not null,
    from_app     text        not null,
    to_app       text        not null,
    at           timestamptz not null,
    primary key (resource_key, episode, flip)
);
