-- Axon Framework's JDBC event store and token store, on PostgreSQL.
-- Column names are Axon's defaults (EventSchema / TokenSchema); unquoted, PostgreSQL folds them to
-- lower case, and so does every query Axon sends. Payloads are bytea, never large objects.

create table domainevententry (
    globalindex         bigserial    not null,
    aggregateidentifier varchar(255) not null,
    sequencenumber      bigint       not null,
    type                varchar(255),
    eventidentifier     varchar(255) not null,
    metadata            bytea,
    payload             bytea        not null,
    payloadrevision     varchar(255),
    payloadtype         varchar(255) not null,
    timestamp           varchar(255) not null,
    primary key (globalindex),
    unique (aggregateidentifier, sequencenumber),
    unique (eventidentifier)
);

create table snapshotevententry (
    aggregateidentifier varchar(255) not null,
    sequencenumber      bigint       not null,
    type                varchar(255) not null,
    eventidentifier     varchar(255) not null,
    metadata            bytea,
    payload             bytea        not null,
    payloadrevision     varchar(255),
    payloadtype         varchar(255) not null,
    timestamp           varchar(255) not null,
    primary key (aggregateidentifier, sequencenumber),
    unique (eventidentifier)
);

create table tokenentry (
    processorname varchar(255) not null,
    segment       integer      not null,
    token         bytea,
    tokentype     varchar(255),
    timestamp     varchar(255),
    owner         varchar(255),
    primary key (processorname, segment)
);
