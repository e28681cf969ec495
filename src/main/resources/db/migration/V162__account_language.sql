-- The language of a person's own pages (issue 14, item 6: the intermediair's own language, chosen in /account),
-- apart from the language of the residents they talk with. Null: the browser's (Accept-Language), as before.
-- The same SQL runs on H2 (PostgreSQL mode) and PostgreSQL.
alter table account add column interface_language varchar(8);
