SET search_path = shape;
\set cd random(1, 100000000)
INSERT INTO a SELECT 'c' || :cd, '2026-01-01', h, 's' || s, 'خدمة', 'Service', 'N' || s, 1,
 h+s,1,2,3,4,5,6,700,8,9,10,1100,12,13,14,15,16,17,18,19,20,2100,22,23,2400,25,26,27,28,29, 1700000000000
FROM generate_series(0,23) h, generate_series(1,30) s;
