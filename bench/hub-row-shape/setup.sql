-- hub_figures' row shape against two array shapes (docs/hub-scale.md, "What the row shape itself costs"):
-- throw-away tables in a schema of their own, 30 figure columns like hub_figures'
DROP SCHEMA IF EXISTS shape CASCADE; CREATE SCHEMA shape; SET search_path = shape;
-- a: today's shape, a row per center, day, hour and service (720 rows a center-day)
CREATE TABLE a (center_id text, day text, hour int, service_code text, name_ar text, name_en text, national_code text, revision int,
 c1 int,c2 int,c3 int,c4 int,c5 int,c6 int,c7 int,c8 bigint,c9 int,c10 int,c11 int,c12 bigint,c13 int,c14 int,c15 int,c16 int,c17 int,c18 int,c19 int,c20 int,c21 int,c22 bigint,c23 int,c24 int,c25 bigint,c26 int,c27 int,c28 int,c29 int,c30 int,
 received_at bigint, PRIMARY KEY (center_id, day, hour, service_code));
CREATE INDEX a_nat ON a (national_code, day);
-- b: a row per center, day and hour, the services' figures in 30-element arrays (24 rows a center-day)
CREATE TABLE b (center_id text, day text, hour int, service_codes text[], national_codes text[], revision int,
 c1 int[],c2 int[],c3 int[],c4 int[],c5 int[],c6 int[],c7 int[],c8 bigint[],c9 int[],c10 int[],c11 int[],c12 bigint[],c13 int[],c14 int[],c15 int[],c16 int[],c17 int[],c18 int[],c19 int[],c20 int[],c21 int[],c22 bigint[],c23 int[],c24 int[],c25 bigint[],c26 int[],c27 int[],c28 int[],c29 int[],c30 int[],
 received_at bigint, PRIMARY KEY (center_id, day, hour));
-- c: a row per center, day and service, the hours' figures in 24-element arrays (30 rows a center-day)
CREATE TABLE c (center_id text, day text, service_code text, name_ar text, name_en text, national_code text, revision int[],
 c1 int[],c2 int[],c3 int[],c4 int[],c5 int[],c6 int[],c7 int[],c8 bigint[],c9 int[],c10 int[],c11 int[],c12 bigint[],c13 int[],c14 int[],c15 int[],c16 int[],c17 int[],c18 int[],c19 int[],c20 int[],c21 int[],c22 bigint[],c23 int[],c24 int[],c25 bigint[],c26 int[],c27 int[],c28 int[],c29 int[],c30 int[],
 received_at bigint, PRIMARY KEY (center_id, day, service_code));
CREATE INDEX c_nat ON c (national_code, day);
