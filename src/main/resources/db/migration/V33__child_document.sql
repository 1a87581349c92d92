-- Case chain part 2: documents in the child's file (orders, court decisions, signed plans).
-- bytea is BINARY VARYING in H2 and the binary type of PostgreSQL.

create sequence child_document_seq start with 1 increment by 50;

create table child_document (
    id            bigint        not null primary key,
    child_id      bigint        not null,
    case_number   varchar(20),
    doc_type      varchar(30)   not null,
    file_name     varchar(200)  not null,
    content_type  varchar(100)  not null,
    size_bytes    bigint        not null,
    sha256        varchar(64)   not null,
    content       bytea         not null,
    uploaded_by   varchar(64)   not null,
    uploaded_at   timestamp(6) with time zone not null
);
create index ix_child_document_child on child_document (child_id);
