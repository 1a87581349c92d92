-- The audit log is a hash chain: each sealed entry carries its place in the chain, the hash of the
-- entry before it and its own hash, so that a changed or deleted entry is detectable.
alter table audit_event add column chain_seq bigint;
alter table audit_event add column prev_hash varchar(64);
alter table audit_event add column hash varchar(64);
create unique index ux_audit_event_chain_seq on audit_event (chain_seq);
create index ix_audit_event_unsealed on audit_event (hash, id);

create table audit_chain_head (
    id        integer     not null primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
