-- identity-service: tenants (the platform's directory of businesses: operators list them all, so
-- no row-level security), and the tenant-owned tables (memberships, invitations, password-reset
-- tokens, partner clients) under row-level security. tenant_id leads every index of those.

create table tenant
(
    id              uuid                     not null primary key,
    name            text                     not null,
    industry        text                     not null,
    locale          text                     not null,
    timezone        text                     not null,
    settings        jsonb                    not null default '{}'::jsonb,
    plan            text                     not null check (plan in ('FREE', 'STARTER', 'PRO', 'ENTERPRISE')),
    status          text                     not null check (status in ('TRIAL', 'ACTIVE', 'SUSPENDED', 'BANNED')),
    status_reason   text,
    trial_ends_at   timestamp with time zone,
    -- When the plan last changed: billing's events older than this are stale and ignored.
    plan_changed_at timestamp with time zone not null,
    contact_email   text                     not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint                   not null
);
create index tenant_plan_status_idx on tenant (plan, status, created_at);
create index tenant_created_idx on tenant (created_at);

-- A user of a tenant. id is the Keycloak user id (the token's sub); Keycloak holds the credentials.
create table membership
(
    tenant_id      uuid                     not null references tenant (id),
    id             uuid                     not null,
    email          text                     not null,
    name           text                     not null,
    role           text                     not null check (role in ('OWNER', 'ADMIN', 'AGENT', 'CLIENT')),
    customer_id    uuid,
    status         text                     not null check (status in ('ACTIVE', 'DEACTIVATED')),
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    last_login_at  timestamp with time zone,
    deactivated_at timestamp with time zone,
    version        bigint                   not null,
    primary key (tenant_id, id),
    constraint membership_client_has_customer check ((role = 'CLIENT') = (customer_id is not null))
);
create unique index membership_email_idx on membership (tenant_id, lower(email));
create index membership_role_idx on membership (tenant_id, status, role);
select colmena_enable_tenant_isolation('membership');

create table invitation
(
    tenant_id   uuid                     not null references tenant (id),
    id          uuid                     not null,
    email       text                     not null,
    name        text                     not null,
    role        text                     not null check (role in ('ADMIN', 'AGENT', 'CLIENT')),
    customer_id uuid,
    token_hash  text                     not null,
    status      text                     not null check (status in ('PENDING', 'ACCEPTED', 'REVOKED')),
    invited_by  uuid                     not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    accepted_at timestamp with time zone,
    user_id     uuid,
    version     bigint                   not null,
    primary key (tenant_id, id),
    constraint invitation_client_has_customer check ((role = 'CLIENT') = (customer_id is not null))
);
create unique index invitation_token_idx on invitation (tenant_id, token_hash);
create unique index invitation_pending_email_idx on invitation (tenant_id, lower(email)) where status = 'PENDING';
select colmena_enable_tenant_isolation('invitation');

create table password_reset_token
(
    tenant_id  uuid                     not null references tenant (id),
    id         uuid                     not null,
    user_id    uuid                     not null,
    token_hash text                     not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    primary key (tenant_id, id)
);
create unique index password_reset_token_hash_idx on password_reset_token (tenant_id, token_hash);
create index password_reset_token_user_idx on password_reset_token (tenant_id, user_id);
select colmena_enable_tenant_isolation('password_reset_token');

create table partner_client
(
    tenant_id   uuid                     not null references tenant (id),
    id          uuid                     not null,
    client_id   text                     not null,
    keycloak_id text                     not null,
    name        text                     not null,
    -- Space-separated, as in the OAuth2 scope parameter (RFC 6749 §3.3).
    scopes      text                     not null,
    created_by  uuid                     not null,
    created_at  timestamp with time zone not null,
    primary key (tenant_id, id)
);
create unique index partner_client_client_id_idx on partner_client (tenant_id, client_id);
select colmena_enable_tenant_isolation('partner_client');
