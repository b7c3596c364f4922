-- The search indexes merge their segments a little at every desk write
-- (src/store/records.rs, `merge_search`) instead of FTS5 merging a whole level at once
-- when it reaches 16 segments (`crisismerge`): every save adds one or two segments, and
-- with an import's large segments on that level one save in some hundreds rewrote the
-- whole index (about a second at 200,000 persons). 64: only a net, should the merging
-- ever fall behind (docs/hieu-nang.md).
INSERT INTO persons_fts (persons_fts, rank) VALUES ('crisismerge', 64);
INSERT INTO records_fts (records_fts, rank) VALUES ('crisismerge', 64);
