-- ON DELETE SET NULL on a key that cannot be null: PostgreSQL and SQLite take the table (the
-- action fails only when it runs), MySQL refuses it. Judged on every database.
CREATE TABLE author (id integer PRIMARY KEY, name varchar(120) NOT NULL);
CREATE TABLE book (
    id integer PRIMARY KEY,
    title varchar(200) NOT NULL,
    author_id integer NOT NULL REFERENCES author (id) ON DELETE SET NULL ON UPDATE CASCADE
);
