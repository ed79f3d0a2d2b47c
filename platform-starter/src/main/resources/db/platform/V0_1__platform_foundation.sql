-- What platform-starter needs in every service database: the tenant function used by row-level
-- security, the transactional outbox (Spring Modulith's event publication registry, JDBC schema v2),
-- processed event ids for idempotent consumers, and stored Idempotency-Key responses.

-- The tenant bound to the current transaction by TenantAwareJpaTransactionManager
-- (set_config('app.tenant_id', ..., true)); NULL when none is bound, which matches no row.
create or replace function colmena_current_tenant() returns uuid
    language sql stable
as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- Turns on tenant isolation for a tenant-owned table with a tenant_id column. FORCE makes the
-- policy apply to the table's owner too, which is the role the service connects as.
create or replace function colmena_enable_tenant_isolation(target regclass) returns void
    language plpgsql
as $$
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format('drop policy if exists tenant_isolation on %s', target);
    execute format('create policy tenant_isolation on %s using (tenant_id = colmena_current_tenant()) '
                   'with check (tenant_id = colmena_current_tenant())', target);
end
$$;

create table event_publication
(
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

create table processed_event
(
    consumer     text                     not null,
    event_id     text                     not null,
    event_type   text                     not null,
    tenant_id    uuid,
    processed_at timestamp with time zone not null default now(),
    primary key (consumer, event_id)
);

create table idempotency_key
(
    tenant_id             uuid                     not null,
    idempotency_key       text                     not null,
    request_hash          text                     not null,
    request_method        text                     not null,
    request_path          text                     not null,
    state                 text                     not null check (state in ('IN_FLIGHT', 'COMPLETED')),
    response_status       int,
    response_content_type text,
    response_location     text,
    response_etag         text,
    response_body         bytea,
    created_at            timestamp with time zone not null,
    completed_at          timestamp with time zone,
    primary key (tenant_id, idempotency_key)
);
create index idempotency_key_created_idx on idempotency_key (tenant_id, created_at);
select colmena_enable_tenant_isolation('idempotency_key');
