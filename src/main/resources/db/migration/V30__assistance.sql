-- Case chain part 2: assistance (评估帮扶): case plans and referrals to partner departments.

create sequence case_plan_seq start with 1 increment by 50;

create table case_plan (
    id           bigint        not null primary key,
    version      bigint        not null,
    case_number  varchar(20)   not null,
    child_id     bigint        not null,
    risk_colour  varchar(10),
    goals        varchar(1000) not null,
    services     varchar(500),
    responsible  varchar(1000) not null,
    review_days  integer       not null,
    drafted_by   varchar(64)   not null,
    drafted_at   timestamp(6) with time zone not null,
    reviews      integer       not null,
    achieved_at  timestamp(6) with time zone
);
create index ix_case_plan_child on case_plan (child_id);
create index ix_case_plan_case on case_plan (case_number);

create sequence referral_seq start with 1 increment by 50;

create table referral (
    id            bigint        not null primary key,
    version       bigint        not null,
    case_number   varchar(20)   not null,
    child_id      bigint        not null,
    department    varchar(40)   not null,
    sent_at       timestamp(6) with time zone not null,
    due_at        timestamp(6) with time zone not null,
    state         varchar(20)   not null,
    reject_reason varchar(500),
    note          varchar(1000),
    overdue       boolean       not null,
    updated_at    timestamp(6) with time zone not null
);
create index ix_referral_child on referral (child_id);
create index ix_referral_case on referral (case_number);
