-- billing-service schema. Money is always bigint minor units plus an ISO 4217 currency; never numeric
-- or floating point. Tenant-owned tables have row-level security (colmena_enable_tenant_isolation) and
-- tenant_id leads each of their indexes. Platform-level tables (Colmena's own billing of its tenants,
-- the Stripe event log, routing of Stripe webhooks) have no RLS: they are read before a tenant is
-- known or across tenants by PLATFORM_ADMIN, and the application filters them by tenant.

-- ---------------------------------------------------------------------------------------------------
-- Invoices a tenant issues to its customers (tenant-owned)
-- ---------------------------------------------------------------------------------------------------
create table invoice
(
    tenant_id           uuid                     not null,
    id                  uuid                     not null,
    number              text,
    status              text                     not null
        check (status in ('DRAFT', 'PENDING', 'PAID', 'OVERDUE', 'CANCELLED')),
    customer_id         uuid                     not null,
    customer_name       text                     not null,
    customer_email      text,
    customer_address    text,
    currency            text not null check (currency ~ '^[A-Z]{3}$'),
    due_date            date                     not null,
    notes               text,
    subtotal_minor      bigint                   not null check (subtotal_minor >= 0),
    tax_minor           bigint                   not null check (tax_minor >= 0),
    total_minor         bigint                   not null check (total_minor = subtotal_minor + tax_minor),
    refunded_minor      bigint                   not null default 0 check (refunded_minor >= 0),
    paid_minor          bigint,
    issued_at           timestamp with time zone,
    paid_at             timestamp with time zone,
    overdue_at          timestamp with time zone,
    cancelled_at        timestamp with time zone,
    cancellation_reason text,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint                   not null,
    primary key (tenant_id, id),
    check ((status = 'DRAFT') = (number is null) or status = 'CANCELLED')
);
create unique index invoice_number_uq on invoice (tenant_id, number) where number is not null;
create index invoice_status_due_idx on invoice (tenant_id, status, due_date);
create index invoice_customer_idx on invoice (tenant_id, customer_id, created_at);
create index invoice_created_idx on invoice (tenant_id, created_at);
select colmena_enable_tenant_isolation('invoice');

create table invoice_line
(
    tenant_id            uuid    not null,
    id                   uuid    not null,
    invoice_id           uuid    not null,
    position             int     not null,
    description          text    not null,
    quantity             bigint  not null check (quantity > 0),
    unit_price_minor     bigint  not null check (unit_price_minor >= 0),
    tax_rate_basis_points int    not null check (tax_rate_basis_points between 0 and 10000),
    net_minor            bigint  not null,
    tax_minor            bigint  not null,
    total_minor          bigint  not null check (total_minor = net_minor + tax_minor),
    primary key (tenant_id, id),
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id) on delete cascade,
    -- deferred: replacing a draft's lines inserts the new ones before deleting the old ones
    constraint invoice_line_position_uq unique (tenant_id, invoice_id, position) deferrable initially deferred
);
select colmena_enable_tenant_isolation('invoice_line');

-- Per-tenant, per-year invoice numbers: the row is locked by the issuing transaction until it commits,
-- so numbers are gapless and never handed out twice.
create table invoice_number_sequence
(
    tenant_id  uuid   not null,
    year       int    not null,
    last_value bigint not null,
    primary key (tenant_id, year)
);
select colmena_enable_tenant_isolation('invoice_number_sequence');

create table payment_attempt
(
    tenant_id        uuid                     not null,
    id               uuid                     not null,
    invoice_id       uuid                     not null,
    attempt_number   int                      not null,
    method           text                     not null check (method in ('CHECKOUT', 'PAYMENT_INTENT')),
    status           text                     not null
        check (status in ('OPEN', 'SUCCEEDED', 'FAILED', 'SUPERSEDED', 'CANCELLED')),
    stripe_object_id text                     not null,
    payment_intent_id text,
    idempotency_key  text                     not null,
    amount_minor     bigint                   not null,
    currency         text                  not null,
    checkout_url     text,
    failure_message  text,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint                   not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id) on delete cascade
);
create unique index payment_attempt_number_uq on payment_attempt (tenant_id, invoice_id, attempt_number);
create index payment_attempt_stripe_idx on payment_attempt (tenant_id, stripe_object_id);
create index payment_attempt_intent_idx on payment_attempt (tenant_id, payment_intent_id);
select colmena_enable_tenant_isolation('payment_attempt');

-- The tenant's own Stripe connection; secrets are Tink AEAD ciphertexts bound to the tenant.
create table stripe_account
(
    tenant_id                uuid                     not null primary key,
    mode                     text                     not null check (mode in ('CONNECT', 'OWN_ACCOUNT')),
    connect_account_id       text,
    restricted_key_cipher    bytea,
    restricted_key_hint      text,
    webhook_secret_cipher    bytea,
    webhook_secret_hint      text,
    livemode                 boolean                  not null,
    updated_at               timestamp with time zone not null,
    version                  bigint                   not null
);
select colmena_enable_tenant_isolation('stripe_account');

-- ---------------------------------------------------------------------------------------------------
-- Platform-level tables (no RLS; see the header)
-- ---------------------------------------------------------------------------------------------------

-- Tenants billing-service knows: from identity's tenant events, and every tenant that issued an
-- invoice (the overdue job walks this list, binding each tenant in turn).
create table billing_tenant
(
    tenant_id  uuid                     not null primary key,
    name       text,
    locale     text,
    updated_at timestamp with time zone not null
);

-- How a Stripe webhook reaches its tenant: a Connect event's `account`, or the key in the tenant's
-- own webhook path /webhooks/stripe/{webhookKey}.
create table stripe_route
(
    tenant_id          uuid not null primary key,
    webhook_key        text not null unique,
    connect_account_id text unique
);

-- Every Stripe event received, stored in the same transaction as its effect: the unique key makes a
-- redelivery (sequential or concurrent) a no-op.
create table stripe_event
(
    id              uuid                     not null primary key,
    stripe_event_id text                     not null,
    account_key     text                     not null,
    tenant_id       uuid,
    type            text                     not null,
    livemode        boolean                  not null,
    api_version     text,
    object_id       text,
    stripe_created  timestamp with time zone not null,
    received_at     timestamp with time zone not null,
    outcome         text                     not null,
    detail          text,
    unique (stripe_event_id, account_key)
);
create index stripe_event_tenant_idx on stripe_event (tenant_id, received_at);
create index stripe_event_received_idx on stripe_event (received_at);

-- A tenant's subscription to a Colmena plan (Colmena's own Stripe account).
create table platform_subscription
(
    tenant_id              uuid                     not null primary key,
    stripe_customer_id     text                     not null unique,
    stripe_subscription_id text unique,
    stripe_item_id         text,
    stripe_price_id        text,
    plan                   text                     not null,
    status                 text                     not null,
    currency               text,
    mrr_minor              bigint                   not null default 0 check (mrr_minor >= 0),
    current_period_start   timestamp with time zone,
    current_period_end     timestamp with time zone,
    cancel_at_period_end   boolean                  not null default false,
    scheduled_plan         text,
    state_changed_at       timestamp with time zone,
    ever_paying            boolean                  not null default false,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    version                bigint                   not null
);

-- Checkout Sessions created for a plan, to route checkout.session.completed to its tenant.
create table platform_checkout
(
    session_id text                     not null primary key,
    tenant_id  uuid                     not null,
    plan       text                     not null,
    created_at timestamp with time zone not null
);

-- Payments of Colmena's subscription invoices; one row per Stripe invoice however many events say
-- it was paid (invoice.paid and invoice.payment_succeeded are one payment).
create table platform_payment
(
    stripe_invoice_id text                     not null primary key,
    tenant_id         uuid,
    stripe_customer_id text,
    amount_minor      bigint                   not null check (amount_minor >= 0),
    refunded_minor    bigint                   not null default 0 check (refunded_minor >= 0),
    currency          text                  not null,
    paid_at           timestamp with time zone not null,
    stripe_event_id   text                     not null
);
create index platform_payment_paid_idx on platform_payment (paid_at);

-- MRR movement ledger: every change of a subscription's MRR, with the event behind it.
create table mrr_movement
(
    id                     uuid                     not null primary key,
    tenant_id              uuid                     not null,
    stripe_subscription_id text                     not null,
    kind                   text                     not null
        check (kind in ('NEW', 'EXPANSION', 'CONTRACTION', 'CHURN', 'REACTIVATION')),
    plan_before            text,
    plan_after             text,
    mrr_before_minor       bigint                   not null,
    mrr_after_minor        bigint                   not null,
    delta_minor            bigint                   not null check (delta_minor = mrr_after_minor - mrr_before_minor),
    currency               text                  not null,
    occurred_at            timestamp with time zone not null,
    stripe_event_id        text,
    published_event_id     uuid                     not null
);
create index mrr_movement_occurred_idx on mrr_movement (currency, occurred_at);
create index mrr_movement_tenant_idx on mrr_movement (tenant_id, occurred_at);
