-- Monitoring (issue 3): home visits with the six-section Yuhuan scores, and early warnings.
-- Portable between H2 2.x and PostgreSQL 14+. Written once, never changed: the child's file keeps
-- its history when monitoring ends.

create sequence visit_record_seq start with 1 increment by 50;
create sequence early_warning_seq start with 1 increment by 50;

create table visit_record (
    id                        bigint       not null primary key,
    child_id                  bigint       not null references child (id),
    village_code              varchar(12)  not null,
    visited_on                date         not null,
    due_on                    date,
    recorded_at               timestamp(6) with time zone not null,
    recorded_by               varchar(64)  not null,
    seen_child                boolean      not null,
    seen_guardian             boolean      not null,
    seen_caregiver            boolean      not null,
    seen_others               varchar(200),
    child_not_seen_reason     varchar(500),
    score_family              integer      not null,
    score_appearance          integer      not null,
    score_community_behaviour integer      not null,
    score_neighbour_relations integer      not null,
    score_social_support      integer      not null,
    score_key_concerns        integer      not null,
    total_score               integer      not null,
    urgent_injury             boolean      not null,
    urgent_behaviour          boolean      not null,
    urgent_no_adult_care      boolean      not null,
    urgent_out_of_school      boolean      not null,
    parents_weekly_contact    boolean,
    caregiver_capable         boolean,
    caregiver_note            varchar(1000),
    notes                     varchar(2000),
    imported                  boolean      not null
);
create index ix_visit_record_child on visit_record (child_id, visited_on);
create index ix_visit_record_village on visit_record (village_code);

create table visit_score (
    visit_id bigint      not null references visit_record (id),
    item     varchar(30) not null,
    score    integer     not null,
    primary key (visit_id, item)
);

create table early_warning (
    id             bigint       not null primary key,
    child_id       bigint       not null references child (id),
    village_code   varchar(12)  not null,
    visit_id       bigint       references visit_record (id),
    raised_at      timestamp(6) with time zone not null,
    reasons        varchar(200) not null,
    current_total  integer,
    previous_total integer
);
create index ix_early_warning_child on early_warning (child_id, raised_at);
create index ix_early_warning_village on early_warning (village_code);
