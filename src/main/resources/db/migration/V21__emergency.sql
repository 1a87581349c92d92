-- Case chain part 1: emergency handling (应急处置), placements and temporary guardianship (临时监护).

create sequence placement_seq start with 1 increment by 50;

create table placement (
    id                     bigint        not null primary key,
    version                bigint        not null,
    case_number            varchar(20)   not null,
    child_id               bigint,
    county_code            varchar(6)    not null,
    township_code          varchar(9)    not null,
    village_code           varchar(12),
    kind                   varchar(30)   not null,
    statutory_ground       varchar(40),
    caregiver_name         varchar(50),
    caregiver_relationship varchar(50),
    caregiver_phone        varchar(20),
    place                  varchar(200),
    note                   varchar(1000),
    decided_by             varchar(64)   not null,
    decided_at             timestamp(6) with time zone not null,
    status                 varchar(20)   not null,
    reviews                integer       not null,
    last_reviewed_at       timestamp(6) with time zone,
    last_review_note       varchar(1000),
    ended_at               timestamp(6) with time zone,
    end_reason             varchar(200)
);
create index ix_placement_child on placement (child_id);
create index ix_placement_case on placement (case_number);
