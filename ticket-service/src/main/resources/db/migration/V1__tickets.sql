-- ticket-service: tickets, their messages and SLA clocks, and each tenant's ticket configuration.
-- Every tenant-owned table has tenant_id leading its indexes and row-level security turned on.
-- The one exception is ticket_timer (see below).

-- Per-tenant human numbers (TCK-000123): one counter row per tenant, bumped with an upsert.
create table ticket_number_sequence
(
    tenant_id  uuid   not null primary key,
    last_value bigint not null
);
select colmena_enable_tenant_isolation('ticket_number_sequence');

create table ticket_category
(
    id          uuid                     not null primary key,
    tenant_id   uuid                     not null,
    name        text                     not null,
    description text,
    active      boolean                  not null,
    created_at  timestamp with time zone not null,
    version     bigint                   not null
);
create unique index ticket_category_name_uq on ticket_category (tenant_id, lower(name));
create index ticket_category_tenant_idx on ticket_category (tenant_id, id);
select colmena_enable_tenant_isolation('ticket_category');

create table ticket
(
    id                        uuid                     not null primary key,
    tenant_id                 uuid                     not null,
    number                    bigint                   not null,
    title                     text                     not null,
    description               text                     not null,
    status                    text                     not null
        check (status in ('OPEN', 'IN_PROGRESS', 'WAITING_CLIENT', 'RESOLVED', 'CLOSED')),
    priority                  text                     not null check (priority in ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
    category_id               uuid references ticket_category (id),
    requester_user_id         uuid,
    requester_customer_id     uuid                     not null,
    assignee_id               uuid,
    channel                   text                     not null check (channel in ('PORTAL', 'EMAIL', 'WHATSAPP', 'API')),
    tags                      text[]                   not null default '{}',
    created_by                text                     not null,
    created_at                timestamp with time zone not null,
    updated_at                timestamp with time zone not null,
    first_response_at         timestamp with time zone,
    resolved_at               timestamp with time zone,
    closed_at                 timestamp with time zone,
    waiting_since             timestamp with time zone,
    auto_close_reminder_at    timestamp with time zone,
    auto_close_at             timestamp with time zone,
    auto_close_reminded_at    timestamp with time zone,
    merged_into_id            uuid references ticket (id),
    satisfaction_score        int check (satisfaction_score between 1 and 5),
    satisfaction_comment      text,
    satisfaction_rated_at     timestamp with time zone,
    version                   bigint                   not null
);
create unique index ticket_number_uq on ticket (tenant_id, number);
create index ticket_tenant_created_idx on ticket (tenant_id, created_at, id);
create index ticket_tenant_status_idx on ticket (tenant_id, status, created_at);
create index ticket_tenant_requester_idx on ticket (tenant_id, requester_user_id, created_at);
create index ticket_tenant_customer_idx on ticket (tenant_id, requester_customer_id);
create index ticket_tenant_assignee_idx on ticket (tenant_id, assignee_id);
create index ticket_tenant_category_idx on ticket (tenant_id, category_id);
select colmena_enable_tenant_isolation('ticket');

create table ticket_message
(
    id                    uuid                     not null primary key,
    tenant_id             uuid                     not null,
    ticket_id             uuid                     not null references ticket (id),
    author_type           text                     not null check (author_type in ('CLIENT', 'STAFF', 'AI')),
    author_id             text                     not null,
    body                  text                     not null,
    internal              boolean                  not null,
    created_at            timestamp with time zone not null,
    merged_from_ticket_id uuid references ticket (id)
);
create index ticket_message_ticket_idx on ticket_message (tenant_id, ticket_id, created_at);
select colmena_enable_tenant_isolation('ticket_message');

-- One row per ticket and SLA clock (FIRST_RESPONSE, RESOLUTION). elapsed_seconds is the business
-- time consumed before running_since; while RUNNING, due_at is when the target is reached.
create table ticket_sla_clock
(
    id              uuid                     not null primary key,
    tenant_id       uuid                     not null,
    ticket_id       uuid                     not null references ticket (id),
    kind            text                     not null check (kind in ('FIRST_RESPONSE', 'RESOLUTION')),
    priority        text                     not null,
    target_minutes  int                      not null check (target_minutes > 0),
    elapsed_seconds bigint                   not null,
    state           text                     not null check (state in ('RUNNING', 'PAUSED', 'MET', 'STOPPED')),
    running_since   timestamp with time zone,
    due_at          timestamp with time zone,
    breached_at     timestamp with time zone,
    stopped_at      timestamp with time zone,
    version         bigint                   not null
);
create unique index ticket_sla_clock_uq on ticket_sla_clock (tenant_id, ticket_id, kind);
select colmena_enable_tenant_isolation('ticket_sla_clock');

-- The audit trail of every SLA clock change, shown by GET /api/tickets/{id}/sla.
create table ticket_event
(
    id              uuid                     not null primary key,
    tenant_id       uuid                     not null,
    ticket_id       uuid                     not null references ticket (id),
    clock           text                     not null check (clock in ('FIRST_RESPONSE', 'RESOLUTION')),
    kind            text                     not null
        check (kind in ('STARTED', 'PAUSED', 'RESUMED', 'BREACHED', 'MET', 'STOPPED', 'RETARGETED')),
    occurred_at     timestamp with time zone not null,
    due_at          timestamp with time zone,
    elapsed_seconds bigint                   not null,
    target_minutes  int                      not null
);
create index ticket_event_ticket_idx on ticket_event (tenant_id, ticket_id, occurred_at);
-- A clock breaches at most once: the breach row, the flag on the clock and the outbox publication
-- commit together, so the breach event is published exactly once.
create unique index ticket_event_one_breach_uq on ticket_event (tenant_id, ticket_id, clock) where kind = 'BREACHED';
select colmena_enable_tenant_isolation('ticket_event');

-- Due times of scheduled work (SLA breach checks, auto-close reminders and closes) across tenants.
-- Deliberately NOT under row-level security: the scheduled jobs run without a tenant and must find
-- what is due in every tenant. It holds only ids and instants, never ticket content; each job binds
-- the row's tenant before touching tenant-owned tables, and re-checks the ticket there.
create table ticket_timer
(
    tenant_id uuid                     not null,
    ticket_id uuid                     not null,
    kind      text                     not null
        check (kind in ('SLA_FIRST_RESPONSE', 'SLA_RESOLUTION', 'AUTO_CLOSE_REMINDER', 'AUTO_CLOSE')),
    due_at    timestamp with time zone not null,
    primary key (tenant_id, ticket_id, kind)
);
create index ticket_timer_due_idx on ticket_timer (due_at);

-- Business hours of a tenant: its time zone and working windows (day_of_week 1 = Monday ... 7 = Sunday).
create table ticket_business_calendar
(
    tenant_id  uuid                     not null primary key,
    time_zone  text                     not null,
    updated_at timestamp with time zone not null
);
select colmena_enable_tenant_isolation('ticket_business_calendar');

create table ticket_business_hours
(
    tenant_id   uuid     not null,
    day_of_week smallint not null check (day_of_week between 1 and 7),
    start_time  time     not null,
    end_time    time     not null,
    primary key (tenant_id, day_of_week, start_time)
);
select colmena_enable_tenant_isolation('ticket_business_hours');

create table ticket_holiday
(
    tenant_id    uuid not null,
    holiday_date date not null,
    name         text not null,
    primary key (tenant_id, holiday_date)
);
select colmena_enable_tenant_isolation('ticket_holiday');

create table ticket_sla_policy
(
    tenant_id              uuid                     not null,
    priority               text                     not null check (priority in ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
    first_response_minutes int                      not null check (first_response_minutes > 0),
    resolution_minutes     int                      not null check (resolution_minutes > 0),
    updated_at             timestamp with time zone not null,
    primary key (tenant_id, priority)
);
select colmena_enable_tenant_isolation('ticket_sla_policy');

create table ticket_auto_close_settings
(
    tenant_id           uuid                     not null primary key,
    close_after_days    int                      not null check (close_after_days >= 0),
    remind_after_days   int                      not null check (remind_after_days >= 0),
    updated_at          timestamp with time zone not null
);
select colmena_enable_tenant_isolation('ticket_auto_close_settings');

-- Staff of each tenant as learned from identity-service's user events (who may be assigned).
create table ticket_staff_member
(
    tenant_id  uuid                     not null,
    user_id    uuid                     not null,
    role       text                     not null,
    active     boolean                  not null,
    updated_at timestamp with time zone not null,
    primary key (tenant_id, user_id)
);
select colmena_enable_tenant_isolation('ticket_staff_member');
