-- Alerts: one row per alert (its current state) and an outbox of transitions to publish on
-- opsjournal.alerts. Neither is a projection: replaying projections never touches them, so an
-- alert is never published twice for the same transition.

create table alert (
    id          text        primary key,
    type        text        not null,
    severity    text        not null,
    subject     text        not null,
    state       text        not null,
    opened_at   timestamptz not null,
    resolved_at timestamptz,
    summary     text        not null,
    links       text[]      not null
);
create index alert_firing on alert (type, state);

create table alert_outbox (
    seq          bigserial   primary key,
    alert_id     text        not null references alert (id),
    state        text        not null,
    subject      text        not null,
    payload      text        not null,
    published_at timestamptz,
    unique (alert_id, state)
);
create index alert_outbox_unpublished on alert_outbox (seq) where published_at is null;
