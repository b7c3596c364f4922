//! `tiepdan bench --db F`: whole-process figures on a register file, each next to the
//! best hand-written SQL for the same figures where there is one (reports, search), with
//! the ratio. The hand SQL must find the same numbers: a figure whose numbers differ is an
//! error, not a figure. The save is measured on a copy of the register (removed after).

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rusqlite::{params, Connection, OpenFlags};

use crate::clock::FixedClock;
use crate::error::{Error, Result};
use crate::period::Period;
use crate::Store;

/// Counts what is written to it, and keeps nothing.
struct CountingSink(usize);

impl std::io::Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// One line of the figures.
#[derive(Debug, Clone)]
pub struct Figure {
    pub work: String,
    /// Median, and the 99th percentile when measured over many runs.
    pub app: Duration,
    pub app_p99: Option<Duration>,
    pub hand: Option<Duration>,
}

impl std::fmt::Display for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
        write!(f, "{:<44} {:>12}", self.work, ms(self.app))?;
        if let Some(p) = self.app_p99 {
            write!(f, "  (p99 {})", ms(p))?;
        }
        if let Some(h) = self.hand {
            write!(
                f,
                "  | SQL viết tay {:>10}  | gấp {:.1} lần",
                ms(h),
                self.app.as_secs_f64() / h.as_secs_f64().max(1e-9)
            )?;
        }
        Ok(())
    }
}

/// The median of `runs` runs of `f` (each run's result is kept from the optimiser).
fn median<T>(runs: usize, mut f: impl FnMut() -> Result<T>) -> Result<(Duration, T)> {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        last = Some(f()?);
        times.push(t.elapsed());
    }
    times.sort();
    Ok((times[times.len() / 2], last.expect("one run")))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn differ(work: &str, app: impl std::fmt::Debug, hand: impl std::fmt::Debug) -> Error {
    Error::Internal(format!(
        "{work}: phần mềm ra {app:?}, SQL viết tay ra {hand:?}: số liệu phải bằng nhau"
    ))
}

/// Visits, people and UBND petitions received in `period`, by hand: what the report's
/// 01/TCD totals count (HĐND reception apart, a duplicate petition once).
fn hand_totals(conn: &Connection, period: Period) -> Result<(u32, u32, u32)> {
    let (from, to) = (period.from.to_string(), period.to.to_string());
    let (visits, people): (u32, u32) = conn.query_row(
        "SELECT count(*), coalesce(sum(v.headcount), 0) FROM sessions s
           JOIN visits v ON v.session_id = s.id
          WHERE s.date BETWEEN ?1 AND ?2 AND s.host_group <> 'council'",
        params![from, to],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let petitions: u32 = conn.query_row(
        "SELECT count(*) FROM petitions p
           LEFT JOIN visits v ON v.id = p.visit_id
           LEFT JOIN sessions s ON s.id = v.session_id
          WHERE p.received_on BETWEEN ?1 AND ?2 AND p.duplicate_of IS NULL
            AND coalesce(s.host_group, '') <> 'council'",
        params![from, to],
        |r| r.get(0),
    )?;
    Ok((visits, people, petitions))
}

fn app_totals(r: &crate::report::PeriodReport) -> (u32, u32, u32) {
    (
        r.reception.visits,
        r.reception.people,
        r.petitions_received.total,
    )
}

/// A report's figure and the hand SQL's for the same period (and the one before it, which
/// the report compares with).
fn report_figure(
    store: &Store,
    hand: &Connection,
    work: &str,
    period: Period,
    runs: usize,
    with_previous: bool,
) -> Result<Figure> {
    let (app, report) = median(runs, || {
        if with_previous {
            crate::report::period_report(store, period)
        } else {
            crate::report::week_report(store, period)
        }
    })?;
    let (hand_time, totals) = median(runs, || {
        let now = hand_totals(hand, period)?;
        if with_previous {
            hand_totals(hand, period.previous())?;
        }
        Ok(now)
    })?;
    if app_totals(&report) != totals {
        return Err(differ(work, app_totals(&report), totals));
    }
    Ok(Figure {
        work: format!("{work} ({} lượt)", totals.0),
        app,
        app_p99: None,
        hand: Some(hand_time),
    })
}

/// Every figure, on the register at `path`, "today" being its last day with a session.
/// `exe`: the `tiepdan` program, to measure a report as a user runs it (a whole process:
/// start, open, read, print); `None` leaves that figure out.
pub fn run(
    path: &Path,
    saves: usize,
    exe: Option<&Path>,
    mut say: impl FnMut(&Figure),
) -> Result<Vec<Figure>> {
    let mut figures = Vec::new();
    let mut push = |f: Figure, figures: &mut Vec<Figure>| {
        say(&f);
        figures.push(f);
    };
    let hand = Connection::open_with_flags(
        crate::store::sqlite_path(path),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let last: Option<String> =
        hand.query_row("SELECT max(date) FROM sessions", [], |r| r.get(0))?;
    let today = last
        .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .ok_or_else(|| Error::invalid("db", "Sổ chưa có buổi tiếp nào để đo."))?;

    // Opening: what it does now, and what it did before (the full page check and the
    // foreign-key check on every open).
    let (open, _) = median(5, || {
        Store::open_with_clock(path, Box::new(FixedClock(today)))
    })?;
    let (hand_open, _) = median(5, || {
        let c = Connection::open(crate::store::sqlite_path(path))?;
        Ok(c.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })?)
    })?;
    push(
        Figure {
            work: "mở sổ".into(),
            app: open,
            app_p99: None,
            hand: Some(hand_open),
        },
        &mut figures,
    );
    let (before, _) = median(1, || {
        let s = Store::open_with_clock(path, Box::new(FixedClock(today)))?;
        let quick: String = s.conn().query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        let fk: i64 =
            s.conn()
                .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })?;
        Ok((quick, fk))
    })?;
    push(
        Figure {
            work: "mở sổ như trước (+ quick_check + khóa ngoại)".into(),
            app: before,
            app_p99: None,
            hand: None,
        },
        &mut figures,
    );
    let (check, _) = median(1, || crate::store::check_file(path))?;
    push(
        Figure {
            work: "kiểm tra toàn bộ tệp (chạy nền)".into(),
            app: check,
            app_p99: None,
            hand: None,
        },
        &mut figures,
    );

    let mut store = Store::open_with_clock(path, Box::new(FixedClock(today)))?;
    // Values kept by another build's rules are computed first, as the app does at open:
    // the figures are those of the kept values.
    store.refresh_stale_kept()?;
    if store.access_info()?.has_accounts {
        return Err(Error::invalid(
            "db",
            "Sổ có tài khoản: đo trên một sổ sinh ra (tiepdan generate, rồi import) không có tài khoản.",
        ));
    }
    let year = Period::new(today - chrono::Duration::days(364), today)?;
    push(
        report_figure(&store, &hand, "báo cáo một năm", year, 3, true)?,
        &mut figures,
    );
    let week = Period::week_of(today);
    push(
        report_figure(&store, &hand, "báo cáo một tuần", week, 5, false)?,
        &mut figures,
    );
    // A week with no visit: the one after the last day with records.
    let empty = Period::week_of(today + chrono::Duration::days(7));
    push(
        report_figure(&store, &hand, "tuần không có lượt tiếp", empty, 5, false)?,
        &mut figures,
    );
    let (dash, _) = median(3, || crate::report::dashboard(&store))?;
    push(
        Figure {
            work: "bảng điều khiển 12 tuần".into(),
            app: dash,
            app_p99: None,
            hand: None,
        },
        &mut figures,
    );
    // The dashboard's shares of it: this week's report (measured above, as a week), the
    // chart of twelve weeks, and the "Cần xử lý" queue, counted, its top built.
    let (chart, _) = median(3, || crate::report::chart(&store, today))?;
    push(
        Figure {
            work: "  trong đó biểu đồ 12 tuần".into(),
            app: chart,
            app_p99: None,
            hand: None,
        },
        &mut figures,
    );
    let (top, n) = median(3, || {
        Ok(store
            .needing_action(Some(crate::report::QUEUE_TOP), true)?
            .total)
    })?;
    push(
        Figure {
            work: format!(
                "  trong đó hàng đợi Cần xử lý ({n} đơn, {} đơn đầu)",
                crate::report::QUEUE_TOP
            ),
            app: top,
            app_p99: None,
            hand: None,
        },
        &mut figures,
    );
    // The whole "Cần xử lý" queue (the dashboard shows its top): what its CSV reads.
    let (queue, n) = median(3, || Ok(store.petitions_needing_action()?.len()))?;
    push(
        Figure {
            work: format!("cả hàng đợi Cần xử lý ({n} đơn, cho tệp CSV)"),
            app: queue,
            app_p99: None,
            hand: None,
        },
        &mut figures,
    );
    // Đơn thư: its first page (200 rows, as the window shows), all petitions, and those
    // overdue (every match's urgency computed, the page built).
    for (what, urgency) in [
        ("Đơn thư, trang đầu (200 đơn)", None),
        (
            "Đơn thư lọc Quá hạn, trang đầu",
            Some(crate::domain::Urgency::Overdue),
        ),
    ] {
        let filter = crate::domain::PetitionFilter {
            urgency,
            ..Default::default()
        };
        let (time, n) = median(3, || Ok(store.petition_page(&filter, 0, 200)?.total))?;
        push(
            Figure {
                work: format!("{what} ({n} đơn khớp)"),
                app: time,
                app_p99: None,
                hand: None,
            },
            &mut figures,
        );
    }
    // The whole list of open petitions: the CSV of Đơn thư filtered so, and the move
    // form's "trùng với đơn" picker.
    let open = crate::domain::PetitionFilter {
        status: Some(crate::domain::PetitionStatus::Open),
        ..Default::default()
    };
    let (time, n) = median(3, || Ok(store.petitions(&open)?.len()))?;
    push(
        Figure {
            work: format!("mọi đơn đang xử lý, dựng đủ ({n} đơn)"),
            app: time,
            app_p99: None,
            hand: None,
        },
        &mut figures,
    );

    // The same petitions as the move form's pickers list them, then with their names.
    for (names, what) in [(false, ""), (true, ", kèm tên người đứng đơn")] {
        let (time, n) = median(3, || Ok(store.petition_choices(&open, names)?.len()))?;
        push(
            Figure {
                work: format!("mọi đơn đang xử lý, để chọn trong mẫu ghi bước{what} ({n} đơn)"),
                app: time,
                app_p99: None,
                hand: None,
            },
            &mut figures,
        );
    }

    // Ten years: the whole of a generated register (its previous ten years hold nothing,
    // so nothing is compared). After the short reads: its hundreds of megabytes, read and
    // freed, would weigh on the figures measured after it in this process.
    let decade = Period::new(
        today
            .checked_sub_months(chrono::Months::new(120))
            .map_or(today, |d| d + chrono::Duration::days(1)),
        today,
    )?;
    push(
        report_figure(&store, &hand, "báo cáo mười năm", decade, 3, true)?,
        &mut figures,
    );
    if let Some(exe) = exe {
        push(cli_report_figure(exe, path, year)?, &mut figures);
    }
    // The files the office files: the year's Sổ as xlsx (read and written, not saved),
    // and the whole register as an exchange file (JSON, written to nowhere).
    let (so, rows) = median(3, || {
        let book = crate::forms::register::register_book_with(&store, year, false)?;
        let rows: usize = book.parts.iter().map(|r| r.rows.len()).sum();
        crate::export::register_xlsx(&book, &crate::export::Progress::none())?;
        Ok(rows)
    })?;
    push(
        Figure {
            work: format!("xuất Sổ một năm ra xlsx ({rows} dòng)"),
            app: so,
            app_p99: None,
            hand: None,
        },
        &mut figures,
    );
    // As `tiepdan export` writes it: record by record, streamed.
    let (whole, bytes) = median(1, || {
        let mut out = CountingSink(0);
        store.write_exchange(false, &mut out, &crate::export::Progress::none())?;
        Ok(out.0)
    })?;
    push(
        Figure {
            work: format!("xuất toàn bộ sổ ra tệp trao đổi ({} MB)", bytes / 1_000_000),
            app: whole,
            app_p99: None,
            hand: None,
        },
        &mut figures,
    );

    // Search: the name as an officer types it, and the first digits of an ID number.
    for (work, query) in [
        ("tìm theo tên \"nguyen van\"", "nguyen van"),
        ("tìm theo tên \"tran thi h\"", "tran thi h"),
    ] {
        let (app, found) = median(9, || store.find_persons(query, 8))?;
        let fts = format!(
            "name : ({})",
            crate::text::fts_prefix_query(query).unwrap_or_default()
        );
        // The same FTS query, ranked alike, without what the app adds per hit (the
        // person's record and cases, a denunciator masked or left out).
        let (hand_time, ids) = median(9, || {
            let mut stmt = hand.prepare_cached(
                "SELECT person_id FROM persons_fts WHERE persons_fts MATCH ?1
                  ORDER BY rank LIMIT 8",
            )?;
            let ids = stmt
                .query_map(params![fts], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(ids)
        })?;
        // Every person the app shows is one the hand SQL found (fewer when a denunciator
        // is left out).
        if found.iter().any(|m| !ids.contains(&m.person.id)) || found.is_empty() != ids.is_empty() {
            return Err(differ(
                work,
                found.iter().map(|m| &m.person.id).collect::<Vec<_>>(),
                ids,
            ));
        }
        push(
            Figure {
                work: format!("{work} ({} người)", found.len()),
                app,
                app_p99: None,
                hand: Some(hand_time),
            },
            &mut figures,
        );
    }
    let prefix: Option<String> = hand.query_row(
        "SELECT substr(id_number, 1, 6) FROM persons WHERE id_number IS NOT NULL
          ORDER BY id LIMIT 1",
        [],
        |r| r.get(0),
    )?;
    if let Some(prefix) = prefix {
        let (app, found) = median(9, || store.find_persons(&prefix, 8))?;
        let (hand_time, n) = median(9, || {
            let mut stmt = hand.prepare_cached(
                "SELECT count(*) FROM (SELECT 1 FROM persons
                  WHERE id_number >= ?1 AND id_number < ?1 || ':' LIMIT 8)",
            )?;
            Ok(stmt.query_row(params![prefix], |r| r.get::<_, i64>(0))? as usize)
        })?;
        if found.len() < n.min(1) {
            return Err(differ("tìm theo số giấy tờ", found.len(), n));
        }
        push(
            Figure {
                work: format!("tìm theo đầu số giấy tờ \"{prefix}\""),
                app,
                app_p99: None,
                hand: Some(hand_time),
            },
            &mut figures,
        );
    }
    drop(store);
    push(save_figure(path, today, saves)?, &mut figures);
    push(import_figure(path, today)?, &mut figures);
    Ok(figures)
}

/// A year's report as a user runs it: `tiepdan --db … report --from … --to …`, a whole
/// process (start, open the register, read, print); the median of three.
fn cli_report_figure(exe: &Path, path: &Path, year: Period) -> Result<Figure> {
    let (app, _) = median(3, || {
        let run = std::process::Command::new(exe)
            .arg("--db")
            .arg(path)
            .args(["report", "--from", &year.from.to_string()])
            .args(["--to", &year.to.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .output()?;
        if !run.status.success() {
            return Err(Error::Internal(format!(
                "tiepdan report: {}",
                String::from_utf8_lossy(&run.stderr).trim()
            )));
        }
        Ok(())
    })?;
    Ok(Figure {
        work: "báo cáo một năm, chạy bằng dòng lệnh (cả tiến trình)".into(),
        app,
        app_p99: None,
        hand: None,
    })
}

/// The files a figure leaves beside the register, removed after it (the register and its
/// WAL and shared-memory files).
fn remove_register(file: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = file.to_path_buf().into_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
}

/// The folder the bench's copies are made in: the register's.
fn beside(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Importing the whole register into a new one, as `tiepdan import` does it: the register
/// exported (streamed, as `tiepdan export` writes it) to a file beside it, then that file
/// read, checked and imported into a new register in one transaction; the figure is the
/// reading and the import, in records a second. Both files are removed after.
fn import_figure(path: &Path, today: NaiveDate) -> Result<Figure> {
    let dir = beside(path);
    let id = std::process::id();
    let file = dir.join(format!(".tiepdan-bench-{id}.json"));
    let target = dir.join(format!(".tiepdan-bench-import-{id}.sqlite3"));
    remove_register(&target);
    let measured = (|| -> Result<Figure> {
        {
            let store = Store::open_with_clock(path, Box::new(FixedClock(today)))?;
            let mut out = std::io::BufWriter::new(std::fs::File::create(&file)?);
            store.write_exchange(false, &mut out, &crate::export::Progress::none())?;
            std::io::Write::flush(&mut out)?;
        }
        let t = Instant::now();
        let parsed = crate::exchange::read_file(&file)?;
        let mut store = Store::open_with_clock(&target, Box::new(FixedClock(today)))?;
        let s = store.import_exchange_owned(parsed, &crate::export::Progress::none())?;
        let app = t.elapsed();
        let records = u64::from(s.persons)
            + u64::from(s.cases)
            + u64::from(s.sessions)
            + u64::from(s.visits)
            + u64::from(s.petitions)
            + u64::from(s.events)
            + u64::from(s.changes);
        Ok(Figure {
            work: format!(
                "nhập cả sổ vào sổ mới ({} người, {} bản ghi, {:.0} bản ghi/giây)",
                s.persons,
                records,
                records as f64 / app.as_secs_f64().max(1e-9)
            ),
            app,
            app_p99: None,
            hand: None,
        })
    })();
    let _ = std::fs::remove_file(&file);
    remove_register(&target);
    measured
}

/// Saving one visit (a new citizen, a new case) through the desk, synchronous=FULL, on a
/// copy of the register: median and p99 over `saves` saves.
fn save_figure(path: &Path, today: NaiveDate, saves: usize) -> Result<Figure> {
    let copy = beside(path).join(format!(".tiepdan-bench-{}.sqlite3", std::process::id()));
    remove_register(&copy);
    {
        let c = Connection::open_with_flags(
            crate::store::sqlite_path(path),
            OpenFlags::SQLITE_OPEN_READ_ONLY,
        )?;
        c.execute("VACUUM INTO ?1", [copy.to_string_lossy()])?;
    }
    let measured = (|| -> Result<Figure> {
        let mut store = Store::open_with_clock(&copy, Box::new(FixedClock(today)))?;
        let session: crate::domain::NewSession = serde_json::from_value(serde_json::json!({
            "date": today.to_string(), "kind": "regular", "host_group": "officer",
            "host_name": "Cán bộ đo", "place": null, "notes": null
        }))?;
        let session = store.create_session(&session)?;
        let mut times = Vec::with_capacity(saves);
        for i in 0..saves.max(1) {
            let visit: crate::domain::NewVisit = serde_json::from_value(serde_json::json!({
                "session_id": session.id,
                "persons": [{"full_name": format!("Nguyễn Văn Đo {i}"),
                             "id_kind": "can_cuoc",
                             "id_number": format!("0010990{i:05}")}],
                "headcount": 1,
                "content": "Đề nghị hướng dẫn thủ tục cấp giấy chứng nhận quyền sử dụng đất",
                "kind": "proposal", "field_code": "tthc",
                "handling": {"handling": "guide", "agency": null, "letter_no": null},
                "case_id": null, "chairman_joined": false, "petition": null
            }))?;
            let t = Instant::now();
            store.add_visit(&visit)?;
            times.push(t.elapsed());
        }
        times.sort();
        Ok(Figure {
            work: format!(
                "lưu một lượt tiếp ({} lần, synchronous=FULL, lâu nhất {:.0} ms)",
                times.len(),
                times.last().map_or(0.0, |t| t.as_secs_f64() * 1000.0)
            ),
            app: percentile(&times, 0.5),
            app_p99: Some(percentile(&times, 0.99)),
            hand: None,
        })
    })();
    remove_register(&copy);
    measured
}
