-- Case chain part 2: guardianship intervention (监护干预), the orders in the child's file.

create sequence intervention_order_seq start with 1 increment by 50;

create table intervention_order (
    id              bigint        not null primary key,
    version         bigint        not null,
    case_number     varchar(20)   not null,
    child_id        bigint        not null,
    village_code    varchar(12),
    kind            varchar(30)   not null,
    issuer          varchar(100)  not null,
    issued_on       date          not null,
    terms           varchar(1000),
    status          varchar(20)   not null,
    valid_until     date,
    decision_number varchar(60),
    recorded_by     varchar(64)   not null,
    updated_at      timestamp(6) with time zone not null
);
create index ix_intervention_order_child on intervention_order (child_id);
create index ix_intervention_order_case on intervention_order (case_number);
