-- Sổ Tiếp Dân: first schema.
-- Dates are ISO 'YYYY-MM-DD' text, instants UTC RFC 3339 text, ids UUID v7 text.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Field catalogue (lĩnh vực) with the 02/XLD group of each petition kind.
CREATE TABLE fields (
    code               TEXT PRIMARY KEY,
    name               TEXT NOT NULL,
    complaint_group    TEXT NOT NULL CHECK (complaint_group IN ('land','policy','other')),
    denunciation_group TEXT NOT NULL CHECK (denunciation_group IN ('administrative','corruption','justice','other')),
    proposal_group     TEXT NOT NULL CHECK (proposal_group IN ('policy','land','other')),
    active             INTEGER NOT NULL DEFAULT 1,
    sort               INTEGER NOT NULL DEFAULT 0
);

INSERT INTO fields (code, name, complaint_group, denunciation_group, proposal_group, sort) VALUES
    ('dat_dai',   'Đất đai',                  'land',   'administrative', 'land',   1),
    ('chinh_sach','Chế độ, chính sách',       'policy', 'administrative', 'policy', 2),
    ('tthc',      'Thủ tục hành chính',       'other',  'administrative', 'other',  3),
    ('vsmt',      'Vệ sinh môi trường',       'other',  'administrative', 'other',  4),
    ('tu_phap',   'Tư pháp',                  'other',  'justice',        'other',  5),
    ('xay_dung',  'Xây dựng, trật tự đô thị', 'other',  'administrative', 'other',  6),
    ('tham_nhung','Tham nhũng, tiêu cực',     'other',  'corruption',     'other',  7),
    ('khac',      'Khác',                     'other',  'other',          'other',  8);

CREATE TABLE persons (
    id          TEXT PRIMARY KEY,
    full_name   TEXT NOT NULL CHECK (trim(full_name) <> ''),
    id_kind     TEXT NOT NULL DEFAULT 'none' CHECK (id_kind IN ('none','can_cuoc','cmnd','passport')),
    id_number   TEXT,
    address     TEXT,
    phone       TEXT,
    created_at  TEXT NOT NULL
);
-- One person per identity number: a typed number that is already known is that person.
CREATE UNIQUE INDEX persons_id_number ON persons(id_number) WHERE id_number IS NOT NULL;

-- Diacritics-blind search: folded (NFC, đ→d) text is computed in Rust and indexed here.
CREATE VIRTUAL TABLE persons_fts USING fts5(
    person_id UNINDEXED,
    name,
    id_number,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The matter a visit or petition is about (vụ việc).
CREATE TABLE cases (
    id          TEXT PRIMARY KEY,
    summary     TEXT NOT NULL,
    opened_on   TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('regular','scheduled','ad_hoc')),
    host_group  TEXT NOT NULL CHECK (host_group IN ('chairman','deputy','officer','council')),
    host_name   TEXT,
    place       TEXT,
    notes       TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX sessions_date ON sessions(date);

CREATE TABLE visits (
    id                TEXT PRIMARY KEY,
    session_id        TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq               INTEGER NOT NULL,
    headcount         INTEGER NOT NULL CHECK (headcount >= 1),
    delegation        INTEGER NOT NULL,
    content           TEXT NOT NULL,
    kind              TEXT CHECK (kind IN ('complaint','denunciation','proposal','mixed')),
    field_code        TEXT REFERENCES fields(code),
    handling          TEXT NOT NULL CHECK (handling IN ('accept','guide','transfer','urge','return','file','none')),
    handling_agency   TEXT,
    handling_letter_no TEXT,
    case_id           TEXT NOT NULL REFERENCES cases(id),
    chairman_joined   INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    UNIQUE (session_id, seq)
);
CREATE INDEX visits_case ON visits(case_id);

CREATE TABLE visit_persons (
    visit_id   TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL REFERENCES persons(id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (visit_id, person_id)
);
CREATE INDEX visit_persons_person ON visit_persons(person_id);

CREATE TABLE petitions (
    id                 TEXT PRIMARY KEY,
    year               INTEGER NOT NULL,
    number             INTEGER NOT NULL,
    received_on        TEXT NOT NULL,
    source             TEXT NOT NULL CHECK (source IN ('visit','post','online','transfer')),
    source_agency      TEXT,
    visit_id           TEXT UNIQUE REFERENCES visits(id),
    kind               TEXT NOT NULL CHECK (kind IN ('complaint','denunciation','proposal','mixed')),
    field_code         TEXT REFERENCES fields(code),
    content            TEXT NOT NULL,
    anonymous          INTEGER NOT NULL DEFAULT 0,
    respondent         TEXT,
    handling           TEXT NOT NULL CHECK (handling IN ('accept','guide','transfer','urge','return','file','none')),
    handling_agency    TEXT,
    handling_letter_no TEXT,
    round              TEXT NOT NULL DEFAULT 'first' CHECK (round IN ('first','subsequent')),
    competence         TEXT NOT NULL DEFAULT 'undetermined' CHECK (competence IN ('undetermined','within','outside')),
    eligible           INTEGER,
    status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
    case_id            TEXT NOT NULL REFERENCES cases(id),
    created_at         TEXT NOT NULL,
    UNIQUE (year, number),
    CHECK (source <> 'visit' OR visit_id IS NOT NULL)
);
CREATE INDEX petitions_received ON petitions(received_on);
CREATE INDEX petitions_case ON petitions(case_id);

-- Last petition number given in each year, so a number is never given twice, even when
-- the petition that had it was deleted as a mistake.
CREATE TABLE petition_numbers (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE petition_persons (
    petition_id TEXT NOT NULL REFERENCES petitions(id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES persons(id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (petition_id, person_id)
);

-- History of status changes; the full lifecycle builds on it.
CREATE TABLE petition_events (
    id          TEXT PRIMARY KEY,
    petition_id TEXT NOT NULL REFERENCES petitions(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    on_date     TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    note        TEXT
);
CREATE INDEX petition_events_petition ON petition_events(petition_id);
