-- Case chain part 2: closure approved by the station chief, return visits (事后回访), and the link of a
-- case reopened by a return visit to the case it follows.

alter table guardianship_case add column closure_outcome varchar(1000);
alter table guardianship_case add column closure_approved_by varchar(64);
alter table guardianship_case add column return_visits integer default 0 not null;
alter table guardianship_case add column renewed_risk_at timestamp(6) with time zone;
alter table report add column follows_case_number varchar(20);
