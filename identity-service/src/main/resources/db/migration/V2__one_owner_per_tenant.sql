-- A tenant has exactly one OWNER; an ownership transfer demotes the owner before promoting the next.
create unique index membership_one_owner_idx on membership (tenant_id) where role = 'OWNER';
