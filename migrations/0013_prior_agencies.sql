-- Schema 13.
-- The bodies that already handled a visit's matter ("Cơ quan đã giải quyết", Sổ tiếp công
-- dân, Mẫu 03 of Thông tư 04/2021/TT-TTCP column 7; "Cơ quan đã giải quyết hết thẩm
-- quyền", Mẫu 03/TCD of Nghị định 154/2026/NĐ-CP column 8), as the citizen says them.
ALTER TABLE visits ADD COLUMN prior_agencies TEXT;
