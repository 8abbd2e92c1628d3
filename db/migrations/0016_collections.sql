-- One collection shape (issue 10): every list carries the total of the rows its filters leave
-- (counted over what the caller may see only), so the asset list's row type gains it.
alter type app.asset_list_row add attribute total integer;
comment on type app.asset_list_row is
  'An asset in a list: type, name, masked identifier, latest value in its own currency, the caller''s access, and the filtered total of the list.';
