-- Supervision (issue 6): indexes for the dashboard's aggregate queries and the statistics exports.
-- Every figure is restricted by area (township code prefix, or village code) and by a period;
-- before this, reports and placements had no area index and "each child's latest confirmed
-- assessment" had only the child index. Portable between H2 2.x and PostgreSQL 14+.

create index ix_report_township_received on report (township_code, received_at);
create index ix_report_village_received on report (village_code, received_at);
create index ix_case_township_status on guardianship_case (township_code, status);
create index ix_case_village_status on guardianship_case (village_code, status);
create index ix_placement_township_kind on placement (township_code, kind, status);
create index ix_assessment_latest on guardianship_assessment (child_id, status, confirmed_at);
create index ix_assessment_village_status on guardianship_assessment (village_code, status);
create index ix_intervention_order_kind on intervention_order (kind, status, issued_on);
create index ix_visit_record_village_visited on visit_record (village_code, visited_on);
create index ix_child_township_status on child (township_code, file_status);
