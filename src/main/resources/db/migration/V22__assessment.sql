-- Case chain part 1: guardianship-risk assessments (four colours) and the decision that made each.

create sequence guardianship_assessment_seq start with 1 increment by 50;

create table guardianship_assessment (
    id                            bigint        not null primary key,
    version                       bigint        not null,
    child_id                      bigint        not null,
    case_number                   varchar(20),
    village_code                  varchar(12)   not null,
    process_instance_id           varchar(64)   not null,
    indicators                    varchar(4000) not null,
    computed_colour               varchar(10)   not null,
    risk_reason                   varchar(100),
    colour                        varchar(10)   not null,
    next_step                     varchar(20)   not null,
    reassess_within_days          integer       not null,
    visit_every_days              integer,
    decision_key                  varchar(64)   not null,
    decision_definition_id        varchar(64)   not null,
    decision_version              integer       not null,
    decision_instance_id          varchar(64)   not null,
    status                        varchar(20)   not null,
    assessed_at                   timestamp(6) with time zone not null,
    overridden                    boolean       not null,
    override_reason               varchar(500),
    confirmed_by                  varchar(64),
    confirmed_at                  timestamp(6) with time zone,
    override_decision_version     integer,
    override_decision_instance_id varchar(64)
);
create index ix_assessment_child on guardianship_assessment (child_id);
create index ix_assessment_village on guardianship_assessment (village_code);
