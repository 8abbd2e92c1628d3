// Runtime parsers matching pgtyped's typesOverrides (pgtyped.config.json): dates stay
// 'YYYY-MM-DD' strings, numeric and int8 stay exact decimal strings (pg's default for both).
import pg from 'pg';

pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
