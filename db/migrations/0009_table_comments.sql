-- A comment on every table: the 13 asset type tables had none (the catalog lint now requires one).
comment on table app.asset_bank_accounts is 'Type fields of a bank_account asset: institution, account kind, interest rate (one row per asset, keyed by its id).';
comment on table app.asset_investment_accounts is 'Type fields of an investment_account asset: institution, account kind, whether taxable.';
comment on table app.asset_real_estate is 'Type fields of a real_estate asset: property kind, address, purchase date and price.';
comment on table app.asset_vehicles is 'Type fields of a vehicle asset: make, model, model year, VIN.';
comment on table app.asset_businesses is 'Type fields of a business asset: legal name, entity kind, jurisdiction, units owned.';
comment on table app.asset_life_insurance is 'Type fields of a life_insurance asset: insurer, policy kind, face value, the insured persona, term end.';
comment on table app.asset_personal_property is 'Type fields of a personal_property asset: item kind and where it is kept.';
comment on table app.asset_debts is 'Type fields of a debt (a liability): lender, debt kind, interest rate, original principal, maturity.';
comment on table app.asset_cryptocurrencies is 'Type fields of a cryptocurrency asset: symbol, units, custody, a public wallet address (never a key).';
comment on table app.asset_retirement_accounts is 'Type fields of a retirement_account asset: institution and plan kind (IRA, 401k, pension...).';
comment on table app.asset_collectibles is 'Type fields of a collectible asset: kind, creator, provenance.';
comment on table app.asset_intellectual_property is 'Type fields of an intellectual_property asset: kind, registration number, expiry.';
comment on table app.asset_misc is 'Type fields of a misc asset: free-form notes.';
