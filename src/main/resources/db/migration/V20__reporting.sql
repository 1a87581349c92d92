-- Case chain part 1: mandatory reports (强制报告) and guardianship cases.
-- Portable between H2 2.x and PostgreSQL 14+.

create sequence report_seq start with 1 increment by 50;
create sequence guardianship_case_seq start with 1 increment by 50;
-- readable numbers: RP-<year>-<6 digits> for reports, GC-<year>-<6 digits> for cases
create sequence report_number_seq start with 1 increment by 1;
create sequence case_number_seq start with 1 increment by 1;

create table guardianship_case (
    id                          bigint       not null primary key,
    version                     bigint       not null,
    number                      varchar(20)  not null,
    status                      varchar(20)  not null,
    child_id                    bigint,
    -- the child's id while the case is open, null once closed or merged: one open case per child
    open_child_id               bigint,
    village_code                varchar(12),
    township_code               varchar(9)   not null,
    county_code                 varchar(6)   not null,
    process_instance_id         varchar(64),
    opened_at                   timestamp(6) with time zone not null,
    computed_priority           varchar(20),
    priority_reason             varchar(100),
    priority_decision_id        varchar(64),
    priority_decision_version   integer,
    priority                    varchar(20),
    priority_overridden         boolean      not null,
    priority_override_reason    varchar(500),
    triage_decision             varchar(20),
    triage_note                 varchar(1000),
    triaged_by                  varchar(64),
    triaged_at                  timestamp(6) with time zone,
    escalated_to_centre_at      timestamp(6) with time zone,
    escalated_to_supervisor_at  timestamp(6) with time zone,
    risk_colour                 varchar(10),
    next_step                   varchar(20),
    handed_over_at              timestamp(6) with time zone,
    merged_into                 varchar(20),
    closure_reason              varchar(30),
    closed_at                   timestamp(6) with time zone,
    constraint uk_case_number unique (number),
    constraint uk_case_open_child unique (open_child_id)
);
create index ix_case_child on guardianship_case (child_id);
create index ix_case_township on guardianship_case (township_code);

create table report (
    id                           bigint        not null primary key,
    version                      bigint        not null,
    number                       varchar(20)   not null,
    channel                      varchar(20)   not null,
    status                       varchar(20)   not null,
    received_at                  timestamp(6) with time zone not null,
    acknowledged_at              timestamp(6) with time zone,
    reporter_user                varchar(64),
    anonymous                    boolean       not null,
    reporter_name                varchar(50),
    reporter_phone               varchar(20),
    organisation_name            varchar(100),
    organisation_type            varchar(30),
    duty_type                    varchar(20),
    child_name                   varchar(50),
    child_id_number              varchar(18),
    child_birth_date             date,
    child_sex                    varchar(10),
    child_age                    integer,
    village_code                 varchar(12),
    township_code                varchar(9)    not null,
    county_code                  varchar(6)    not null,
    location                     varchar(200),
    injury                       boolean       not null,
    sexual_harm                  boolean       not null,
    abandonment                  boolean       not null,
    no_adult_care                boolean       not null,
    violence                     boolean       not null,
    neglect                      boolean       not null,
    description                  varchar(2000) not null,
    detained_person_name         varchar(50),
    detained_person_relationship varchar(20),
    detained_on                  date,
    early_warning_id             bigint,
    child_id                     bigint,
    matched_by                   varchar(30),
    case_id                      bigint references guardianship_case (id),
    constraint uk_report_number unique (number),
    constraint uk_report_early_warning unique (early_warning_id)
);
create index ix_report_child on report (child_id);
create index ix_report_case on report (case_id);
create index ix_report_status on report (status);
