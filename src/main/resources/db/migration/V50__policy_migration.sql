-- Policy revision: the report of every migration of running instances to a new process version
-- (which instances went into the Camunda batch, which were refused and why). Portable H2 / PostgreSQL.

create sequence policy_migration_seq start with 1 increment by 50;

create table policy_migration (
    id                   bigint        not null primary key,
    created_at           timestamp(6) with time zone not null,
    actor                varchar(64)   not null,
    process_key          varchar(255)  not null,
    source_definition_id varchar(64)   not null,
    source_version       integer       not null,
    target_definition_id varchar(64)   not null,
    target_version       integer       not null,
    batch_id             varchar(64),
    migrated_count       integer       not null,
    refused_count        integer       not null
);
create index ix_policy_migration_key on policy_migration (process_key);

create table policy_migration_instance (
    migration_id        bigint       not null references policy_migration (id),
    process_instance_id varchar(64)  not null
);
create index ix_policy_migration_instance on policy_migration_instance (migration_id);

create table policy_migration_refusal (
    migration_id        bigint        not null references policy_migration (id),
    process_instance_id varchar(64)   not null,
    business_key        varchar(255),
    activity_ids        varchar(1000),
    reasons             varchar(4000) not null
);
create index ix_policy_migration_refusal on policy_migration_refusal (migration_id);
