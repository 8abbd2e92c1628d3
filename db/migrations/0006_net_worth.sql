-- Exchange rates for net worth in one currency: global reference data, kept by support staff.

create table app.exchange_rates (
  base_currency text not null check (base_currency ~ '^[A-Z]{3}$'),
  quote_currency text not null check (quote_currency ~ '^[A-Z]{3}$'),
  rate_date date not null,
  rate numeric(24,10) not null check (rate > 0),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (base_currency, quote_currency, rate_date),
  check (base_currency <> quote_currency)
);
comment on table app.exchange_rates is 'Global reference table: 1 base_currency = rate quote_currency on rate_date.';
alter table app.exchange_rates enable row level security;
alter table app.exchange_rates force row level security;
create policy select_reference on app.exchange_rates for select using (true);
create policy write_by_support on app.exchange_rates for all
  using ((select app.is_support_session())) with check ((select app.is_support_session()));
create trigger _100_timestamps before update on app.exchange_rates
  for each row execute function app.tg__set_updated_at();
create trigger _500_audit after insert or update or delete on app.exchange_rates
  for each row execute function audit.tg_audit__row();
