-- Guardian application schema (Camunda manages its own ACT_* tables).
-- Portable between H2 2.x and PostgreSQL 14+.

create table area (
    code        varchar(12) not null primary key,
    name        varchar(60) not null,
    level       varchar(10) not null,
    parent_code varchar(12)
);
create index ix_area_parent on area (parent_code);

create sequence child_seq start with 1 increment by 50;
create sequence guardian_seq start with 1 increment by 50;
create sequence revision_seq start with 1 increment by 1;
create sequence audit_event_seq start with 1 increment by 50;

create table child (
    id                            bigint       not null primary key,
    version                       bigint       not null,
    name                          varchar(50)  not null,
    sex                           varchar(10)  not null,
    birth_date                    date         not null,
    id_number                     varchar(18)  not null,
    address                       varchar(200),
    village_code                  varchar(12)  not null,
    township_code                 varchar(9)   not null,
    county_code                   varchar(6)   not null,
    difficulty_kind               varchar(40),
    school                        varchar(100),
    caregiver_name                varchar(50),
    caregiver_relationship        varchar(20),
    caregiver_phone               varchar(20),
    caregiver_named_on            date,
    caregiver_last_weekly_contact date,
    household_size                integer,
    household_economic_status     varchar(30),
    household_registered_address  varchar(200),
    household_notes               varchar(1000),
    file_status                   varchar(20)  not null,
    created_at                    timestamp(6) with time zone not null,
    created_by                    varchar(64)  not null,
    updated_at                    timestamp(6) with time zone not null,
    updated_by                    varchar(64)  not null,
    constraint uk_child_id_number unique (id_number)
);
create index ix_child_village on child (village_code);
create index ix_child_township on child (township_code);
create index ix_child_name on child (name);

create table child_category (
    child_id bigint      not null references child (id),
    category varchar(30) not null,
    primary key (child_id, category)
);
create index ix_child_category on child_category (category);

create table child_risk_flag (
    child_id bigint      not null references child (id),
    flag     varchar(30) not null,
    primary key (child_id, flag)
);
create index ix_child_risk_flag on child_risk_flag (flag);

create table guardian (
    id               bigint      not null primary key,
    child_id         bigint      not null references child (id),
    name             varchar(50) not null,
    relationship     varchar(20) not null,
    capacity         varchar(20) not null,
    phone            varchar(20),
    works_away       boolean     not null,
    works_away_since date,
    works_away_place varchar(100)
);
create index ix_guardian_child on guardian (child_id);

-- Hibernate Envers: the change history of children's files
create table revision (
    id            bigint      not null primary key,
    rev_timestamp bigint      not null,
    author        varchar(64) not null
);

create table child_aud (
    id                            bigint   not null,
    rev                           bigint   not null references revision (id),
    revtype                       smallint,
    version                       bigint,
    name                          varchar(50),
    sex                           varchar(10),
    birth_date                    date,
    id_number                     varchar(18),
    address                       varchar(200),
    village_code                  varchar(12),
    township_code                 varchar(9),
    county_code                   varchar(6),
    difficulty_kind               varchar(40),
    school                        varchar(100),
    caregiver_name                varchar(50),
    caregiver_relationship        varchar(20),
    caregiver_phone               varchar(20),
    caregiver_named_on            date,
    caregiver_last_weekly_contact date,
    household_size                integer,
    household_economic_status     varchar(30),
    household_registered_address  varchar(200),
    household_notes               varchar(1000),
    file_status                   varchar(20),
    created_at                    timestamp(6) with time zone,
    created_by                    varchar(64),
    updated_at                    timestamp(6) with time zone,
    updated_by                    varchar(64),
    primary key (id, rev)
);

create table child_category_aud (
    rev      bigint      not null references revision (id),
    revtype  smallint,
    child_id bigint      not null,
    category varchar(30) not null,
    primary key (rev, child_id, category)
);

create table child_risk_flag_aud (
    rev      bigint      not null references revision (id),
    revtype  smallint,
    child_id bigint      not null,
    flag     varchar(30) not null,
    primary key (rev, child_id, flag)
);

create table guardian_aud (
    id               bigint not null,
    rev              bigint not null references revision (id),
    revtype          smallint,
    child_id         bigint,
    name             varchar(50),
    relationship     varchar(20),
    capacity         varchar(20),
    phone            varchar(20),
    works_away       boolean,
    works_away_since date,
    works_away_place varchar(100),
    primary key (id, rev)
);

-- Audit log: every read and change of a child's file; insert-only
create table audit_event (
    id        bigint       not null primary key,
    at        timestamp(6) with time zone not null,
    actor     varchar(64)  not null,
    action    varchar(40)  not null,
    child_id  bigint,
    area_code varchar(12),
    detail    varchar(1000)
);
create index ix_audit_event_child on audit_event (child_id);
create index ix_audit_event_at on audit_event (at);
create index ix_audit_event_area on audit_event (area_code);
