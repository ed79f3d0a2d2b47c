create table note
(
    id        uuid   not null primary key,
    tenant_id uuid   not null,
    text      text   not null,
    version   bigint not null
);
create index note_tenant_idx on note (tenant_id, id);
select colmena_enable_tenant_isolation('note');

create table note_effect
(
    event_id  uuid not null,
    note_id   uuid not null,
    tenant_id uuid not null
);
select colmena_enable_tenant_isolation('note_effect');
