//! `tiepdan`: the command-line face of the same core, for scripting, automation and tests.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::Months;
use clap::{Parser, Subcommand};
use serde::Serialize;
use tiepdan::demo::{load_demo, DEFAULT_SEED};
use tiepdan::domain::{Actor, PeriodPreset, ReportingPeriod};
use tiepdan::exchange::json_schema;
use tiepdan::law::calendar::{Calendar, DayInfo};
use tiepdan::period::Period;
use tiepdan::report::period_report;
use tiepdan::{Error, Store};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "tiepdan",
    version,
    about = "Sổ Tiếp Dân: sổ tiếp công dân và theo dõi đơn thư (dòng lệnh)"
)]
struct Cli {
    /// Tệp cơ sở dữ liệu SQLite (hoặc biến môi trường TIEPDAN_DB)
    #[arg(long, global = true, env = "TIEPDAN_DB")]
    db: Option<PathBuf>,
    /// Tài khoản thực hiện lệnh (hoặc biến TIEPDAN_USER); mật khẩu lấy từ biến
    /// TIEPDAN_PASSWORD, nếu không có thì hỏi
    #[arg(long, global = true, env = "TIEPDAN_USER")]
    user: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Kiểm tra toàn bộ lịch sử thay đổi; mã thoát khác 0 khi lịch sử không nguyên vẹn
    Verify,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Tạo tài khoản (tài khoản đầu tiên của sổ phải có vai trò admin); mật khẩu lấy từ
    /// biến TIEPDAN_NEW_PASSWORD, nếu không có thì hỏi
    Add {
        /// Tên đăng nhập
        login: String,
        /// Họ và tên
        #[arg(long)]
        name: String,
        /// Vai trò (lặp lại được): officer, leader, admin, viewer
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
    },
    /// Liệt kê các tài khoản
    List,
}

#[derive(Subcommand)]
enum Command {
    /// Tạo (hoặc nâng cấp) cơ sở dữ liệu
    Init {
        /// Tên đơn vị, ví dụ "phường Việt Hòa" (in trên Sổ, các biểu và báo cáo)
        #[arg(long)]
        unit_name: Option<String>,
    },
    /// Nhập tệp trao đổi JSON (TỆP hoặc - cho đầu vào chuẩn)
    Import {
        /// Tệp trao đổi JSON, hoặc - để đọc từ đầu vào chuẩn
        file: PathBuf,
    },
    /// Xuất toàn bộ sổ ra tệp trao đổi JSON (TỆP hoặc - cho đầu ra chuẩn)
    Export {
        /// Tệp ghi ra, hoặc - để ghi ra đầu ra chuẩn
        file: PathBuf,
        /// Ghi đè tệp đã có
        #[arg(long)]
        force: bool,
        /// Không che danh tính người tố cáo (lãnh đạo; được ghi vào nhật ký)
        #[arg(long)]
        full: bool,
    },
    /// Số liệu tổng hợp và câu báo cáo của một kỳ
    Report {
        #[command(flatten)]
        period: PeriodArgs,
        /// Kỳ có sẵn: today, this_week, last_week, this_month, last_month
        #[arg(long, conflicts_with_all = ["from", "to", "period"])]
        preset: Option<String>,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Sáu biểu số liệu theo Thông tư 06/2025/TT-TTCP của một kỳ, với các phép kiểm tra
    Tables {
        #[command(flatten)]
        period: PeriodArgs,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Xuất một biểu mẫu ra tệp: so-tcd, 01-tcd … 06-qlkntc, 6-bieu (xlsx), bao-cao (docx)
    ExportForm {
        /// so-tcd, 01-tcd, 02-xld, 03-gqkn, 04-gqtc, 05-kqth, 06-qlkntc, 6-bieu, bao-cao
        name: String,
        #[command(flatten)]
        period: PeriodArgs,
        /// Tệp ghi ra
        #[arg(long)]
        out: PathBuf,
        /// Ghi đè tệp đã có
        #[arg(long)]
        force: bool,
        /// Số báo cáo (Mẫu 02)
        #[arg(long = "report-no")]
        report_no: Option<String>,
        /// Sổ không che danh tính người tố cáo (lãnh đạo; được ghi vào nhật ký)
        #[arg(long)]
        full: bool,
    },
    /// Khóa số liệu một kỳ khi đã gửi báo cáo: thay đổi sau đó là điều chỉnh kỳ trước
    Lock {
        #[command(flatten)]
        period: PeriodArgs,
        /// Tên kỳ (mặc định: "Quý IV năm 2026"…)
        #[arg(long)]
        label: Option<String>,
        /// Số báo cáo đã gửi
        #[arg(long = "report-no")]
        report_no: Option<String>,
    },
    /// Sinh một tệp trao đổi cỡ thành phố (dữ liệu giả, tất định theo hạt giống) để thử tốc độ
    #[command(group(clap::ArgGroup::new("size").required(true).args(["persons", "scale"])))]
    Generate {
        /// Số công dân trong tệp (kèm buổi tiếp, lượt tiếp, đơn theo tỷ lệ)
        #[arg(long, value_parser = persons_count)]
        persons: Option<usize>,
        /// Cỡ có sẵn, mười năm: ward (phường, ~20 nghìn lượt tiếp), city (thành phố, ~1 triệu
        /// lượt, 320 nghìn người), stress (~5 triệu lượt)
        #[arg(long, value_parser = scale_named)]
        scale: Option<tiepdan::exchange::generate::Scale>,
        /// Số đơn vị (phường) có đơn trong tệp, mỗi đơn vị đánh số đơn riêng; mặc định 1,
        /// cỡ city và stress 100
        #[arg(long, value_parser = units_count)]
        units: Option<u16>,
        /// Tệp ghi ra
        #[arg(long)]
        out: PathBuf,
        /// Hạt giống: cùng hạt giống, cùng cỡ và cùng ngày cuối thì cùng một tệp
        #[arg(long, default_value_t = DEFAULT_SEED)]
        seed: u64,
        /// Ngày cuối cùng có dữ liệu (YYYY-MM-DD); mặc định là hôm nay
        #[arg(long)]
        until: Option<String>,
        /// Ghi đè tệp đã có
        #[arg(long)]
        force: bool,
    },
    /// Nạp dữ liệu mẫu (nửa năm của một phường, sinh từ hạt giống cố định)
    Demo {
        /// Hạt giống của dữ liệu mẫu
        #[arg(long, default_value_t = DEFAULT_SEED)]
        seed: u64,
    },
    /// Sao lưu sổ (kiểm tra bản sao ngay sau khi ghi); mặc định vào thư mục sao-luu cạnh sổ
    Backup {
        /// Thư mục ghi bản sao (ví dụ ổ USB)
        #[arg(long, value_name = "THƯ_MỤC")]
        to: Option<PathBuf>,
    },
    /// Liệt kê các bản sao lưu trong thư mục sao-luu cạnh sổ
    Backups,
    /// Khôi phục sổ từ một bản sao lưu (kiểm tra trước; tệp sổ hiện tại được giữ lại bên cạnh)
    Restore {
        /// Tệp sao lưu (xem lệnh backups)
        file: PathBuf,
        /// Khôi phục cả bản sao lưu chưa có tài khoản (sổ sẽ mở cho mọi người đến khi tạo quản trị)
        #[arg(long)]
        without_accounts: bool,
        /// Khôi phục cả bản sao lưu có lịch sử thay đổi đã bị sửa ngoài phần mềm (khi đó là bản duy nhất)
        #[arg(long)]
        broken_history: bool,
    },
    /// Lịch sử thay đổi: kiểm tra chuỗi băm (phát hiện bản ghi bị sửa, xóa ngoài phần mềm)
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Tài khoản và vai trò
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// In JSON Schema của định dạng trao đổi
    Schema,
    /// Kiểm tra toàn bộ tệp sổ (mọi trang, chỉ mục, liên kết, trạng thái của từng đơn so với các bước xử lý); mã thoát khác 0 khi sổ hỏng
    Check,
    /// Tính lại từ các bản ghi mọi giá trị giữ sẵn cho báo cáo (hạn kế tiếp và phần chuyển kỳ của đơn đang mở, số đếm theo ngày của biểu đồ 12 tuần) và sắp lại chỉ mục tìm kiếm sau một lần nhập lớn; dùng khi `check` báo số đếm giữ sẵn khác với đếm lại
    Rebuild,
    /// Đo tốc độ trên một sổ (mở sổ, báo cáo, tìm kiếm, lưu lượt tiếp trên bản sao), cạnh
    /// SQL viết tay cho cùng số liệu; sổ không có tài khoản (sổ sinh bằng generate)
    Bench {
        /// Số lần lưu một lượt tiếp (trên bản sao của sổ)
        #[arg(long, default_value_t = 50)]
        saves: usize,
    },
    /// Danh sách đơn với bước xử lý và các thời hạn tại một ngày
    Petitions {
        /// Tính tại ngày (YYYY-MM-DD); mặc định là hôm nay
        #[arg(long = "as-of")]
        as_of: Option<String>,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// In các ngày làm việc và ngày nghỉ của một khoảng ngày
    Calendar {
        /// Từ ngày (YYYY-MM-DD)
        #[arg(long)]
        from: String,
        /// Đến ngày (YYYY-MM-DD)
        #[arg(long)]
        to: String,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
}

/// A period: from/to dates, or a reporting period of a year (TT 06/2025, Điều 7).
#[derive(clap::Args)]
struct PeriodArgs {
    /// Từ ngày (YYYY-MM-DD)
    #[arg(long, requires = "to")]
    from: Option<String>,
    /// Đến ngày (YYYY-MM-DD)
    #[arg(long, requires = "from")]
    to: Option<String>,
    /// Kỳ báo cáo theo TT 06/2025 (từ ngày 15 đến ngày 14): quy-1, quy-2, quy-3, quy-4, 6-thang, 9-thang, nam
    #[arg(long, conflicts_with_all = ["from", "to"], requires = "year")]
    period: Option<String>,
    /// Năm của kỳ báo cáo (với --period)
    #[arg(long, requires = "period")]
    year: Option<i32>,
}

impl PeriodArgs {
    /// The period asked for; `None` when neither dates nor a reporting period was given.
    fn period(&self) -> Result<Option<Period>, Error> {
        if let Some(code) = &self.period {
            let p = ReportingPeriod::from_code(code).ok_or_else(|| {
                Error::invalid("period", format!("Kỳ báo cáo “{code}” không có; chọn quy-1, quy-2, quy-3, quy-4, 6-thang, 9-thang hoặc nam."))
            })?;
            return Ok(Some(Period::reporting(p, self.year.unwrap_or_default())?));
        }
        match (&self.from, &self.to) {
            (Some(f), Some(t)) => Ok(Some(Period::parse(f, t)?)),
            _ => Ok(None),
        }
    }

    /// The period asked for, or an error saying how to ask.
    fn required(&self) -> Result<Period, Error> {
        self.period()?.ok_or_else(|| {
            Error::invalid(
                "period",
                "Chọn kỳ: --period quy-4 --year 2026 (hoặc 6-thang, 9-thang, nam…), hoặc --from YYYY-MM-DD --to YYYY-MM-DD.",
            )
        })
    }

    /// "Quý IV năm 2026", "6 tháng đầu năm 2026", "năm 2026" for a reporting period (as the
    /// report's title names it), else the dates.
    fn label(&self, period: Period) -> String {
        match (&self.period, self.year) {
            (Some(code), Some(_)) if ReportingPeriod::from_code(code).is_some() => {
                tiepdan::report::document::period_title(period)
            }
            _ => period.label(),
        }
    }
}

/// The longest range `tiepdan calendar` lists.
const CALENDAR_MONTHS: u32 = 36;

/// What `tiepdan calendar --json` prints.
#[derive(Serialize)]
struct CalendarListing<'a> {
    from: String,
    to: String,
    working_days: usize,
    days: &'a [DayInfo],
}

/// A line on the terminal telling how far `what` is, rewritten in place as the work goes
/// (at most once per percent); nothing when the error output is not a terminal (a script,
/// a pipe, a log). The line is finished by [`end_progress`].
fn terminal_progress(what: &'static str) -> impl Fn(u64, u64) -> bool + Sync {
    use std::io::IsTerminal;
    use std::sync::atomic::{AtomicU64, Ordering};
    let shown = AtomicU64::new(u64::MAX);
    let on = std::io::stderr().is_terminal();
    move |done, total| {
        let percent = done.saturating_mul(100) / total.max(1);
        if on && shown.swap(percent, Ordering::Relaxed) != percent {
            let mut line = tiepdan::export::progress_line(what, done, total);
            if done >= total {
                line.push_str("; đang hoàn tất…");
            }
            eprint!("\r{line}\x1b[K");
        }
        true
    }
}

/// End a [`terminal_progress`] line (the next output starts on a line of its own).
fn end_progress() {
    use std::io::IsTerminal;
    if std::io::stderr().is_terminal() {
        eprintln!();
    }
}

/// Open the register named by `--db`; only `init`, `demo` and `import` create one (a
/// mistyped path must not answer with an empty register's zeros).
fn open_or_create(cli: &Who) -> Result<Store, Error> {
    signed_in(open_as(&cli.db, true)?, cli)
}

fn open(cli: &Who) -> Result<Store, Error> {
    signed_in(open_as(&cli.db, false)?, cli)
}

/// [`open`] for a command that reads the reports' figures: the first one after an update
/// computes the values kept for them once (as the app does at open), once signed in, so
/// every report after it reads them. Only such commands write so: a backup, a restore,
/// `check` or `audit verify` leave the file as it is. Reports are right without them: a
/// failure is said, not a reason to stop.
fn open_for_reports(cli: &Who) -> Result<Store, Error> {
    let mut store = open(cli)?;
    if let Err(e) = store.refresh_stale_kept() {
        eprintln!("Chưa tính lại được các giá trị giữ sẵn cho báo cáo: {e}");
    }
    Ok(store)
}

/// Where the command acts and as whom.
struct Who {
    db: Option<PathBuf>,
    user: Option<String>,
}

/// A password from `var`, or asked on the terminal (not echoed).
fn password(var: &str, prompt: &str) -> Result<String, Error> {
    match std::env::var(var) {
        Ok(p) => Ok(p),
        Err(_) => rpassword::prompt_password(prompt).map_err(|_| {
            Error::invalid(
                "password",
                format!("Không đọc được mật khẩu: đặt biến {var} hoặc chạy lệnh trong cửa sổ dòng lệnh."),
            )
        }),
    }
}

/// The CLI acts as the account named by `--user` (or `TIEPDAN_USER`). A register that
/// has accounts refuses a command without one.
fn signed_in(mut store: Store, cli: &Who) -> Result<Store, Error> {
    match cli.user.as_deref().filter(|u| !u.trim().is_empty()) {
        Some(login) => {
            let p = password("TIEPDAN_PASSWORD", &format!("Mật khẩu của {login}: "))?;
            store.sign_in(login, &p)?;
        }
        None if store.access_info()?.has_accounts => {
            return Err(Error::SignInRequired(
                "Sổ này có tài khoản: chạy lệnh với --user TÊN_ĐĂNG_NHẬP (mật khẩu qua biến TIEPDAN_PASSWORD, hoặc nhập khi được hỏi).".into(),
            ));
        }
        None => {}
    }
    Ok(store)
}

/// The register's path (`--db` or TIEPDAN_DB), which every command on a register needs.
fn db_path(db: &Option<PathBuf>) -> Result<&PathBuf, Error> {
    db.as_ref().ok_or_else(|| {
        Error::invalid(
            "db",
            "Chưa chỉ định tệp cơ sở dữ liệu: dùng --db ĐƯỜNG_DẪN hoặc biến TIEPDAN_DB.",
        )
    })
}

/// [`db_path`] of a file that must already exist (commands that only read it).
fn existing_db(db: &Option<PathBuf>) -> Result<&PathBuf, Error> {
    let path = db_path(db)?;
    if !path.is_file() {
        return Err(missing_register(path));
    }
    Ok(path)
}

/// No register at `path`: a file a restore kept aside beside it is named first (making a
/// new, empty register is not what its owner wants), else how to make one.
fn missing_register(path: &std::path::Path) -> Error {
    match tiepdan::backup::kept_aside(path) {
        Some(kept) => Error::invalid(
            "db",
            format!(
                "Không có tệp sổ {}. Bên cạnh có tệp sổ được giữ lại khi khôi phục: {}. Nếu sổ bị mất giữa chừng, hãy đổi tên tệp ấy thành {} (hoặc khôi phục từ bản sao lưu) thay vì tạo sổ mới.",
                shown(path),
                shown(&kept),
                shown(path)
            ),
        ),
        None => Error::invalid(
            "db",
            format!(
                "Không có tệp sổ {}: kiểm tra lại đường dẫn, hoặc tạo sổ mới bằng \"tiepdan --db {} init\".",
                shown(path),
                shown(path)
            ),
        ),
    }
}

fn open_as(db: &Option<PathBuf>, create: bool) -> Result<Store, Error> {
    let path = db_path(db)?;
    let empty = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0);
    if !create && empty {
        return Err(Error::invalid(
            "db",
            format!(
                "Tệp sổ {} rỗng (0 byte): không có dữ liệu để đọc. Nếu tệp bị hỏng, hãy khôi phục từ bản sao lưu (tiepdan --db … restore …).",
                shown(path)
            ),
        ));
    }
    if !create && !path.exists() {
        return Err(missing_register(path));
    }
    // Nor is one made where a restore kept the register aside and none is left (a restore
    // cut short): the kept file is what the owner wants back.
    if create && !path.exists() && tiepdan::backup::kept_aside(path).is_some() {
        return Err(missing_register(path));
    }
    let mut store = Store::open(path).map_err(|e| tiepdan::backup::with_restore_hint(e, path))?;
    store.set_actor(Actor::Cli);
    Ok(store)
}

fn run(cli: Cli) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    let Cli { db, user, command } = cli;
    let cli = Who { db, user };
    match command {
        Command::Init { unit_name } => {
            let mut store = open_or_create(&cli)?;
            if let Some(name) = unit_name {
                let mut settings = store.settings()?;
                settings.unit_name = name;
                store.save_settings(&settings)?;
            }
            writeln!(
                out,
                "Đã sẵn sàng: lược đồ phiên bản {}.",
                store.schema_version()?
            )?;
        }
        Command::Import { file } => {
            // A file is read from the disk straight into records (its text is never held
            // whole), and each list of records is let go once imported.
            if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
                eprint!("Đang đọc tệp…");
            }
            let read = || -> Result<tiepdan::exchange::ExchangeFile, Error> {
                if file.as_os_str() != "-" {
                    return tiepdan::exchange::read_file(&file);
                }
                let mut bytes = Vec::new();
                std::io::stdin().read_to_end(&mut bytes)?;
                // (`parse` skips one byte order mark, as a file read from its path.)
                tiepdan::exchange::parse(&tiepdan::exchange::text_of(bytes)?)
            };
            // A refusal starts on a line of its own, after "Đang đọc tệp…".
            let parsed = read().inspect_err(|_| end_progress())?;
            let mut store = open_or_create(&cli)?;
            let importing = terminal_progress("Đang nhập tệp");
            let s = store.import_exchange_owned(parsed, &tiepdan::export::Progress(&importing));
            end_progress();
            let s = s?;
            writeln!(
                out,
                "Đã nhập {} buổi tiếp, {} lượt tiếp, {} người, {} vụ việc, {} đơn; cập nhật {} bản ghi theo tệp mới hơn; bỏ qua {} bản ghi đã có.",
                s.sessions, s.visits, s.persons, s.cases, s.petitions, s.updated, s.skipped
            )?;
            if s.matched > 0 {
                writeln!(
                    out,
                    "{} người trong tệp có cùng số giấy tờ và họ tên với một công dân đã có (trong sổ, hoặc ở trước trong tệp): được ghép vào hồ sơ ấy, giữ địa chỉ, số điện thoại của hồ sơ ấy.",
                    s.matched
                )?;
            }
            if s.masked > 0 {
                writeln!(
                    out,
                    "Lưu ý: tệp là bản đã che danh tính người tố cáo: {} người được nhập dưới tên “{}”, không có số giấy tờ, địa chỉ, số điện thoại. Để có danh tính, nhập thêm bản đầy đủ của sổ gốc (lãnh đạo xuất bằng lệnh export --full).",
                    s.masked,
                    tiepdan::desk::privacy::MASKED_NAME
                )?;
            }
        }
        Command::Export { file, force, full } => {
            let mut store = open(&cli)?;
            if file.as_os_str() != "-" {
                tiepdan::export::check_target(&file, store.path().as_deref(), force)?;
            }
            // Recorded first: an export that cannot be recorded (a full one from a
            // read-only register) is not made. Then written record by record.
            store.record_export("Tệp trao đổi (toàn bộ sổ)", full)?;
            let exporting = terminal_progress("Đang xuất");
            let progress = tiepdan::export::Progress(&exporting);
            if file.as_os_str() == "-" {
                let mut buffered = std::io::BufWriter::new(&mut out);
                store.write_exchange(full, &mut buffered, &progress)?;
                buffered.flush()?;
                end_progress();
            } else {
                let written = tiepdan::export::job::write_out_with(
                    &file,
                    |w| store.write_exchange(full, w, &progress),
                    force,
                );
                end_progress();
                written?;
                writeln!(out, "Đã xuất ra {}.", shown(&file))?;
            }
        }
        Command::Report {
            period,
            preset,
            json,
        } => {
            let store = open_for_reports(&cli)?;
            let period = match (period.period()?, preset) {
                (Some(p), _) => p,
                (None, Some(code)) => {
                    let preset = PeriodPreset::from_code(&code).ok_or_else(|| {
                        Error::invalid("preset", format!("Kỳ “{code}” không có; chọn today, this_week, last_week, this_month hoặc last_month."))
                    })?;
                    Period::preset(preset, store.today())
                }
                (None, None) => period.required()?,
            };
            let r = period_report(&store, period)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&r)?)?;
            } else {
                writeln!(
                    out,
                    "Kỳ từ {} đến {}",
                    period.from.format("%d/%m/%Y"),
                    period.to.format("%d/%m/%Y")
                )?;
                let not_begun = period.from > store.today();
                if not_begun {
                    writeln!(out, "{NOT_BEGUN}")?;
                }
                let blocks = [
                    ("Chủ tịch UBND", &r.chairman),
                    ("Cấp phó được ủy quyền", &r.deputy),
                    ("Công chức tiếp dân", &r.officer),
                    ("Tổng (01/TCD)", &r.reception),
                    ("Thường trực HĐND", &r.council),
                ];
                let rows: Vec<(&str, Vec<String>)> = blocks
                    .iter()
                    .map(|(label, b)| {
                        let figures = [
                            b.sessions,
                            b.reception_days,
                            b.visits,
                            b.people,
                            b.cases,
                            b.delegations,
                            b.petitions_at_visits.total,
                        ];
                        (*label, figures.iter().map(|n| n.to_string()).collect())
                    })
                    .collect();
                let headings = ["buổi", "ngày", "lượt", "người", "vụ việc", "đoàn", "đơn"];
                write_grid(&mut out, &headings, &rows)?;
                let k = &r.petitions_received;
                writeln!(
                    out,
                    "Đơn tiếp nhận trong kỳ: {} (khiếu nại {}, tố cáo {}, kiến nghị phản ánh {}, nhiều nội dung {})",
                    k.total, k.complaint, k.denunciation, k.proposal, k.mixed
                )?;
                // The sentences say where things stand "đến ngày" today: of a period to
                // come they would speak of days before it.
                if !not_begun {
                    writeln!(out)?;
                    for s in &r.sentences {
                        writeln!(out, "{s}")?;
                    }
                }
            }
        }
        Command::Tables { period, json } => {
            let store = open_for_reports(&cli)?;
            let period = period.required()?;
            let tables = tiepdan::forms::statutory_tables(&store, period)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&tables)?)?;
            } else {
                if period.from > store.today() {
                    writeln!(out, "{NOT_BEGUN}")?;
                }
                for t in &tables {
                    print_table(&mut out, t)?;
                }
            }
        }
        Command::ExportForm {
            name,
            period,
            out: file,
            force,
            report_no,
            full,
        } => {
            let form = tiepdan::forms::FormId::from_code(&name).ok_or_else(|| {
                Error::invalid(
                    "name",
                    format!("Biểu “{name}” không có; chọn so-tcd, 01-tcd, 02-xld, 03-gqkn, 04-gqtc, 05-kqth, 06-qlkntc, 6-bieu hoặc bao-cao."),
                )
            })?;
            let mut store = open_for_reports(&cli)?;
            let period = period.required()?;
            tiepdan::export::job::export_to(
                &mut store,
                form,
                period,
                &file,
                force,
                report_no.as_deref(),
                full,
                &tiepdan::export::Progress::none(),
            )?;
            writeln!(
                out,
                "Đã xuất {} kỳ {} ra {}.",
                form.label(),
                period.label(),
                shown(&file)
            )?;
        }
        Command::Lock {
            period: args,
            label,
            report_no,
        } => {
            let mut store = open_for_reports(&cli)?;
            let period = args.required()?;
            let label = label.unwrap_or_else(|| args.label(period));
            let lock = store.lock_period(period, &label, report_no.as_deref())?;
            writeln!(
                out,
                "Đã khóa số liệu kỳ {} ({}).",
                lock.label,
                period.label()
            )?;
        }
        Command::Generate {
            persons,
            scale,
            units,
            out: file,
            seed,
            until,
            force,
        } => {
            tiepdan::export::check_target(&file, None, force)?;
            let until = match until {
                Some(d) => tiepdan::validate::parse_date("until", "Ngày cuối", &d)?,
                None => chrono::Local::now().date_naive(),
            };
            use tiepdan::exchange::generate::Spec;
            let mut spec = match (scale, persons) {
                (Some(scale), _) => Spec::at_scale(scale, seed, until),
                (None, persons) => Spec::new(persons.unwrap_or_default(), seed, until),
            };
            if let Some(units) = units {
                spec.units = usize::from(units);
            }
            // A file the import would refuse is not made: its days are past, from 1900.
            let today = chrono::Local::now().date_naive();
            let first = until - chrono::Duration::days(365 * i64::from(spec.years.max(1)));
            if until > today || chrono::Datelike::year(&first) < 1900 {
                return Err(tiepdan::Error::invalid(
                    "until",
                    format!(
                        "Ngày cuối {}: dữ liệu sinh ra phải nằm giữa năm 1900 và hôm nay ({}) để nhập được vào sổ.",
                        until.format("%d/%m/%Y"),
                        today.format("%d/%m/%Y")
                    ),
                ));
            }
            // Written as it is made (a city's file is gigabytes): its lists wait aside in
            // the folder of the file, on the disk that will hold it.
            let aside = match file.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => std::path::PathBuf::from("."),
            };
            let mut counts = None;
            tiepdan::export::job::write_out_with(
                &file,
                |w| {
                    counts = Some(tiepdan::exchange::generate::write_generated(
                        &spec, w, &aside,
                    )?);
                    Ok(())
                },
                force,
            )?;
            let c = counts.unwrap_or_default();
            writeln!(
                out,
                "Đã sinh {} người, {} buổi tiếp, {} lượt tiếp, {} đơn của {} đơn vị vào {}.",
                c.persons,
                c.sessions,
                c.visits,
                c.petitions,
                spec.units.max(1),
                shown(&file)
            )?;
        }
        Command::Demo { seed } => {
            let mut store = open_or_create(&cli)?;
            let s = load_demo(&mut store, seed)?;
            writeln!(
                out,
                "Đã nạp dữ liệu mẫu từ {} đến {}: {} buổi tiếp, {} lượt tiếp, {} đơn.",
                s.from, s.to, s.sessions, s.visits, s.petitions
            )?;
        }
        Command::Backup { to } => {
            let mut store = open(&cli)?;
            // Made, checked, rotated (beside the register) and recorded in the audit log.
            let to = match to {
                Some(t) if !t.is_absolute() => Some(std::env::current_dir()?.join(t)),
                to => to,
            };
            let made = store.backup_now(to.as_deref())?;
            writeln!(
                out,
                "Đã sao lưu vào {} và kiểm tra bản sao: {} buổi tiếp, {} lượt tiếp, {} đơn.",
                made.backup.path, made.sessions, made.visits, made.petitions
            )?;
        }
        Command::Backups => {
            let store = open(&cli)?;
            store.require(tiepdan::access::Permission::Backup)?;
            let folder = tiepdan::backup::default_folder(&store.path().unwrap_or_default());
            for b in tiepdan::backup::list(&folder)? {
                writeln!(
                    out,
                    "{}  {}  {} KB",
                    b.made_at.format("%d/%m/%Y %H:%M:%S"),
                    shown(&b.path),
                    b.bytes / 1024
                )?;
            }
        }
        Command::Restore {
            file,
            without_accounts,
            broken_history,
        } => {
            let path = db_path(&cli.db)?;
            // The register's administrator restores (a register that no longer opens,
            // damaged, is restored without: there is nobody to ask).
            // A path typed on the command line is taken from the current folder.
            let file = std::path::absolute(&file)?;
            let mut by = None;
            let mut preview = None;
            match open_as(&cli.db, false) {
                Ok(store) => {
                    let store = signed_in(store, &cli)?;
                    preview = Some(store.restore_preview(&file, without_accounts)?);
                    by = store.user();
                }
                // Not there, empty, damaged or not a register: nobody to ask.
                Err(Error::NotRegister(_)) => {}
                Err(_) if !path.exists() || std::fs::metadata(path).is_ok_and(|m| m.len() == 0) => {
                }
                // Anything else (a register of a newer version, one busy or locked) is the
                // register's own answer: its administrator is asked, or it stays as it is.
                Err(e) => return Err(e),
            }
            // A backup whose history was edited behind the app's back brings records that
            // may have been too: restored only when asked for by name.
            let broken = match &preview {
                Some(p) => p.history_broken.clone(),
                None => tiepdan::backup::check_backup(&file)?.history_broken,
            };
            if let (Some(why), false) = (&broken, broken_history) {
                return Err(Error::invalid(
                    "backup",
                    format!(
                        "Bản sao lưu {}: {why} Các bản ghi trong đó có thể cũng đã bị sửa. Không khôi phục; nếu đây là bản sao lưu duy nhất còn dùng được, thêm --broken-history.",
                        shown(&file)
                    ),
                ));
            }
            // Recorded in the restored register's own history as it takes the place.
            let aside = tiepdan::backup::restore_by(path, &file, by, Actor::Cli, broken_history)?;
            if let Some(why) = &broken {
                writeln!(
                    out,
                    "Lưu ý: {why} Lần khôi phục ghi rõ điều này trong nhật ký; kiểm tra lại bằng: tiepdan audit verify."
                )?;
            }
            let held = |h: &tiepdan::desk::admin::RegisterHoldings| format!(" ({})", h.text());
            let (restored, former) = preview
                .as_ref()
                .map(|p| (held(&p.backup), held(&p.current)))
                .unwrap_or_default();
            match aside {
                Some(a) => writeln!(
                    out,
                    "Đã khôi phục sổ từ {}{restored}. Tệp sổ trước đó{former} được giữ tại {}.",
                    shown(&file),
                    shown(&a)
                )?,
                None => writeln!(out, "Đã khôi phục sổ từ {}{restored}.", shown(&file))?,
            }
        }
        Command::Bench { saves } => {
            let path = existing_db(&cli.db)?;
            writeln!(
                out,
                "Sổ {} (bản release: cargo build --release)",
                shown(path)
            )?;
            let exe = std::env::current_exe().ok();
            tiepdan::bench::run(path, saves, exe.as_deref(), |f| {
                let _ = writeln!(out, "{f}");
                let _ = out.flush();
            })?;
        }
        Command::Check => {
            // The check reads through a read-only connection of its own, without opening the
            // register: a file damaged where opening reads is checked too.
            let path = existing_db(&cli.db)?;
            // A register with accounts is checked by one of them, as every command is (its
            // notes name petitions and their states), signed in first and logged as any
            // sign-in; read only where it cannot be written. One that cannot be opened at
            // all is still checked: its damage is said without a sign-in, nothing else.
            let mut unopened = None;
            if tiepdan::store::has_accounts_at(path) != Some(false) {
                match open_as(&cli.db, false) {
                    Ok(store) => drop(signed_in(store, &cli)?),
                    Err(e) => {
                        match Store::open_read_only(path, Box::new(tiepdan::clock::SystemClock)) {
                            Ok(store) => drop(signed_in(store, &cli)?),
                            Err(_) => unopened = Some(e),
                        }
                    }
                }
            }
            let check = tiepdan::store::check_file(path)?;
            if !check.ok {
                for p in &check.problems {
                    writeln!(out, "  {p}")?;
                }
                return Err(Error::NotRegister(check.message));
            }
            if let Some(e) = unopened {
                return Err(e);
            }
            writeln!(out, "{}", check.message)?;
            for n in &check.notes {
                writeln!(out, "  {n}")?;
            }
            // The file is whole but its history was edited behind the app's back: said,
            // and not called a clean check.
            if let Some(words) = check.history_broken {
                return Err(Error::invalid("changes", words));
            }
        }
        Command::Rebuild => {
            let mut store = open(&cli)?;
            let (open, days) = store.rebuild_kept()?;
            writeln!(
                out,
                "Đã tính lại hạn kế tiếp của {open} đơn đang xử lý và số đếm của {days} ngày có lượt tiếp hoặc đơn."
            )?;
        }
        Command::Audit {
            command: AuditCommand::Verify,
        } => {
            let store = open(&cli)?;
            let check = store.verify_audit()?;
            if check.broken_at.is_some() {
                return Err(Error::invalid("changes", check.message));
            }
            writeln!(out, "{}", check.message)?;
        }
        Command::User {
            command: UserCommand::Add { login, name, roles },
        } => {
            let roles = roles
                .iter()
                .map(|r| {
                    tiepdan::access::Role::from_code(r).ok_or_else(|| {
                        Error::invalid(
                            "role",
                            format!(
                                "Vai trò “{r}” không có; chọn officer, leader, admin hoặc viewer."
                            ),
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let mut store = open(&cli)?;
            let input = tiepdan::desk::account::AccountInput {
                login: login.clone(),
                full_name: name,
                roles,
                active: true,
                password: Some(password(
                    "TIEPDAN_NEW_PASSWORD",
                    &format!("Mật khẩu cho tài khoản {login}: "),
                )?),
                id: None,
            };
            let made = if store.access_info()?.has_accounts {
                store.save_account(&input)?.login
            } else {
                store.create_first_admin(&input)?.login
            };
            writeln!(out, "Đã tạo tài khoản {made}.")?;
        }
        Command::User {
            command: UserCommand::List,
        } => {
            let store = open(&cli)?;
            for a in store.accounts()? {
                let roles: Vec<&str> = a.roles.iter().map(|r| r.label()).collect();
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    a.login,
                    a.full_name,
                    roles.join(", "),
                    if a.active {
                        "hoạt động"
                    } else {
                        "đã khóa"
                    }
                )?;
            }
        }
        Command::Schema => {
            out.write_all(json_schema().as_bytes())?;
        }
        Command::Petitions { as_of, json } => {
            let store = open_for_reports(&cli)?;
            let as_of = match as_of {
                Some(d) => tiepdan::validate::parse_date("as_of", "Ngày tính", &d)?,
                None => store.today(),
            };
            let list = store.petitions_as_of(as_of)?;
            if json {
                let rows: Vec<serde_json::Value> = list
                    .iter()
                    .map(|p| {
                        serde_json::json!({
                            "id": p.id,
                            "number": p.number,
                            "kind": p.kind,
                            "received_on": p.received_on,
                            "state": p.state,
                            "open": p.open,
                            "urgency": p.urgency,
                            "next_due": p.next_due.as_ref().map(deadline_json),
                            "deadlines": p.deadlines.iter().map(deadline_json).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                let doc = serde_json::json!({"as_of": as_of.to_string(), "petitions": rows});
                writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
            } else {
                writeln!(out, "Tính đến ngày {}", as_of.format("%d/%m/%Y"))?;
                for p in &list {
                    let due = match &p.next_due {
                        Some(d) => match &d.due {
                            Some(due) => format!(
                                "{}: {}{}",
                                d.label,
                                tiepdan::text::vn_date(due),
                                if d.overdue {
                                    " (quá hạn)"
                                } else if d.due_soon {
                                    " (sắp đến hạn)"
                                } else {
                                    ""
                                }
                            ),
                            None => format!("{}: {}", d.label, d.note.as_deref().unwrap_or("")),
                        },
                        None => String::new(),
                    };
                    writeln!(
                        out,
                        "{:<10} {:<20} {:<28} {due}",
                        p.number,
                        p.kind.label(),
                        p.state.label()
                    )?;
                }
                writeln!(out, "Tổng số: {} đơn", list.len())?;
            }
        }
        Command::Calendar { from, to, json } => {
            let period = Period::parse(&from, &to)?;
            // Dates are years 1900–2999 (Period::parse), so adding the months cannot overflow.
            if period.to >= period.from + Months::new(CALENDAR_MONTHS) {
                return Err(Error::invalid(
                    "to",
                    "Khoảng ngày dài quá 3 năm: hãy in từng khoảng ngắn hơn.",
                ));
            }
            // With a register, its administrator's additions count too.
            let calendar = match &cli.db {
                Some(_) => open(&cli)?.calendar()?,
                None => Calendar::embedded(),
            };
            let days = calendar.days(period.from, period.to)?;
            let working_days = days.iter().filter(|day| day.working).count();
            if json {
                let listing = CalendarListing {
                    from: period.from.to_string(),
                    to: period.to.to_string(),
                    working_days,
                    days: &days,
                };
                writeln!(out, "{}", serde_json::to_string_pretty(&listing)?)?;
            } else {
                for (date, day) in period.from.iter_days().zip(&days) {
                    let what = match (day.working, day.name.as_deref()) {
                        (true, None) => "làm việc".to_string(),
                        (true, Some(name)) => format!("làm việc  {name}"),
                        (false, Some(name)) => format!("nghỉ  {name}"),
                        (false, None) => "nghỉ  cuối tuần".to_string(),
                    };
                    writeln!(
                        out,
                        "{}  {:<8}  {what}",
                        date.format("%d/%m/%Y"),
                        day.weekday
                    )?;
                }
                writeln!(out, "Số ngày làm việc: {working_days}")?;
            }
        }
    }
    Ok(())
}

/// A statutory table as text: its heading, each column with its figure, the checks.
/// Rows of figures under their headings, each column as wide as its widest entry and
/// always a space apart (a ten-year report at city scale has six-digit figures).
fn write_grid(
    out: &mut impl Write,
    headings: &[&str],
    rows: &[(&str, Vec<String>)],
) -> Result<(), Error> {
    let width = |s: &str| s.chars().count();
    let label_width = rows.iter().map(|(l, _)| width(l)).max().unwrap_or(0) + 2;
    let widths: Vec<usize> = headings
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let widest = rows
                .iter()
                .filter_map(|(_, cells)| cells.get(i))
                .map(|c| width(c))
                .chain(std::iter::once(width(h)))
                .max()
                .unwrap_or(0);
            widest.max(4) + 2
        })
        .collect();
    let line = |label: &str, cells: &[&str]| {
        let mut text = format!("{label:<label_width$}");
        for (cell, w) in cells.iter().zip(&widths) {
            text.push_str(&format!("{cell:>w$}"));
        }
        text
    };
    writeln!(out, "{}", line("", headings))?;
    for (label, cells) in rows {
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        writeln!(out, "{}", line(label, &cells))?;
    }
    Ok(())
}

fn print_table(out: &mut impl Write, t: &tiepdan::forms::FormTable) -> Result<(), Error> {
    use tiepdan::forms::format_value;
    writeln!(out, "Biểu {}: {}", t.code, t.title)?;
    writeln!(out, "{}", t.attached_line)?;
    writeln!(out, "{}", t.data_line)?;
    writeln!(out, "{}", t.row.label)?;
    for c in &t.columns {
        // The unit, unless the column's own label already says it ("Tiền (Trđ)").
        let unit = c
            .unit
            .as_deref()
            .map(|u| format!(" ({u})"))
            .filter(|u| !c.path.ends_with(u.as_str()))
            .unwrap_or_default();
        writeln!(
            out,
            "  ({:>2}) {}{unit}: {}",
            c.no,
            c.path,
            format_value(t.value(c.no))
        )?;
    }
    for c in t.checks.iter().filter(|c| !c.ok) {
        let mark = if c.blocking { "LỖI" } else { "Lưu ý" };
        writeln!(out, "  {mark}: {}", c.message)?;
    }
    // Said when they all pass too, as the screen says it: a table printed without a word
    // on its checks reads as one never checked.
    if !t.checks.is_empty() && t.checks.iter().all(|c| c.ok) {
        writeln!(out, "  Các phép kiểm tra đều đạt ({}).", t.checks.len())?;
    }
    for i in &t.issues {
        writeln!(out, "  LỖI: {i}")?;
    }
    if !t.note.is_empty() {
        writeln!(out, "{} {}", t.note_label, t.note)?;
    }
    writeln!(out)?;
    Ok(())
}

/// A deadline as `tiepdan petitions --json` prints it.
fn deadline_json(d: &tiepdan::domain::Deadline) -> serde_json::Value {
    serde_json::json!({
        "step": d.step,
        "label": d.label,
        "due": d.due,
        "rule": d.rule,
        "overdue": d.overdue,
        "due_soon": d.due_soon,
        "met_on": d.met_on,
        "late": d.late,
        "note": d.note,
    })
}

/// A command line clap refuses: said in Vietnamese, naming the argument, the command or
/// the value and what clap suggests, then how the command is used; exit code 2 as clap's.
/// clap's own English text is shown only for a refusal it gives no particulars of.
fn refuse_command_line(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind as K;
    match e.kind() {
        K::DisplayVersion => e.exit(),
        K::DisplayHelp => {
            print!("{}", in_vietnamese(&e.render().to_string()));
            return ExitCode::SUCCESS;
        }
        K::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{}", in_vietnamese(&e.render().to_string()));
            return ExitCode::from(2);
        }
        _ => {}
    }
    let (words, particular) = command_line_words(&e);
    eprintln!("Lỗi dòng lệnh: {words} (xem tiepdan --help, hoặc tiepdan <lệnh> --help).");
    if particular {
        if let Some(usage) = clap_context(&e, clap::error::ContextKind::Usage) {
            let usage = usage.trim();
            let usage = usage.strip_prefix("Usage:").map_or(usage, str::trim_start);
            eprintln!("Cách dùng: {}", in_vietnamese(usage));
        }
    } else {
        eprint!("{}", e.render());
    }
    ExitCode::from(2)
}

/// A file's name to print: its control characters (a terminal escape in a folder's
/// name) shown as '�', never obeyed.
fn shown(path: &std::path::Path) -> String {
    without_controls(&path.display().to_string())
}

/// A usage line or a help text as clap renders it, with the one word clap has no setting
/// for ("[OPTIONS]" in a usage line) said in Vietnamese.
fn in_vietnamese(clap_text: &str) -> String {
    clap_text.replace("[OPTIONS]", "[TÙY CHỌN]")
}

/// Text to show on a terminal, each control character (a terminal escape, a line break
/// inside a value) shown as '�', never obeyed.
fn without_controls(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '�' } else { c })
        .collect()
}

/// One of clap's particulars of a refusal, as plain text (a list joined by commas); what
/// was typed is shown without its control characters.
fn clap_context(e: &clap::Error, kind: clap::error::ContextKind) -> Option<String> {
    use clap::error::ContextValue as V;
    let text = match e.get(kind)? {
        V::String(s) => Some(s.clone()),
        V::Strings(v) if !v.is_empty() => Some(v.join(", ")),
        V::StyledStr(s) => Some(s.to_string()),
        V::StyledStrs(v) if !v.is_empty() => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        V::Number(n) => Some(n.to_string()),
        _ => None,
    }?;
    Some(if kind == clap::error::ContextKind::Usage {
        text
    } else {
        without_controls(&text)
    })
}

/// What is wrong with a command line, in Vietnamese, with the particulars clap gives; and
/// whether there were any (without, clap's own text says them).
fn command_line_words(e: &clap::Error) -> (String, bool) {
    use clap::error::{ContextKind as C, ErrorKind as K};
    let get = |kind| clap_context(e, kind);
    let quoted = |s: String| format!("“{s}”");
    let suggested = |kind| {
        get(kind)
            .map(|s| format!(" (có phải: {s}?)"))
            .unwrap_or_default()
    };
    let arg = get(C::InvalidArg);
    let said = match e.kind() {
        K::MissingRequiredArgument => arg.map(|a| format!("thiếu tham số bắt buộc: {a}")),
        K::MissingSubcommand => get(C::InvalidSubcommand)
            .map(|c| format!("thiếu lệnh sau {}", quoted(c)))
            .or(Some("thiếu lệnh".into())),
        K::InvalidSubcommand => get(C::InvalidSubcommand).map(|c| {
            format!(
                "không có lệnh {}{}",
                quoted(c),
                suggested(C::SuggestedSubcommand)
            )
        }),
        K::UnknownArgument => arg.map(|a| {
            format!(
                "không có tham số {}{}",
                quoted(a),
                suggested(C::SuggestedArg)
            )
        }),
        K::InvalidValue | K::ValueValidation => arg.map(|a| {
            let value = get(C::InvalidValue);
            if value.as_deref() == Some("") {
                return format!("thiếu giá trị của {a}");
            }
            let value = value.map(|v| format!(" {}", quoted(v))).unwrap_or_default();
            let valid = get(C::ValidValue)
                .map(|v| format!(" (chọn một trong: {v})"))
                .or_else(|| {
                    std::error::Error::source(e)
                        .and_then(|s| s.downcast_ref::<Reason>())
                        .map(|r| format!(": {r}"))
                })
                .unwrap_or_default();
            format!("giá trị{value} của {a} không hợp lệ{valid}")
        }),
        K::ArgumentConflict => arg.map(|a| match get(C::PriorArg) {
            Some(p) if p == a => format!("tham số {a} được ghi hai lần"),
            Some(p) => format!("tham số {a} không dùng cùng {p} được"),
            None => format!("tham số {a} không dùng cùng tham số khác được"),
        }),
        K::TooManyValues | K::TooFewValues | K::WrongNumberOfValues => {
            arg.map(|a| format!("số giá trị của {a} không đúng"))
        }
        K::NoEquals => arg.map(|a| format!("thiếu dấu = giữa {a} và giá trị")),
        K::InvalidUtf8 => Some(match arg {
            Some(a) => format!("giá trị của {a} có byte không phải chữ UTF-8"),
            None => "dòng lệnh có byte không phải chữ UTF-8".into(),
        }),
        _ => None,
    };
    match said {
        Some(words) => (words, true),
        None => {
            let general = match e.kind() {
                K::MissingRequiredArgument => "thiếu tham số bắt buộc",
                K::InvalidSubcommand => "không có lệnh này",
                K::UnknownArgument => "không có tham số này",
                K::InvalidValue | K::ValueValidation | K::InvalidUtf8 => "giá trị không hợp lệ",
                K::ArgumentConflict => "có hai tham số không dùng cùng nhau được",
                K::TooManyValues | K::TooFewValues | K::WrongNumberOfValues => {
                    "số giá trị không đúng"
                }
                K::NoEquals => "thiếu dấu = giữa tham số và giá trị",
                _ => "dòng lệnh không hợp lệ",
            };
            (general.into(), false)
        }
    }
}

/// Why a value typed on the command line is refused, in Vietnamese: a refusal shows it
/// after the value (clap's own reasons are English and are not shown).
#[derive(Debug)]
struct Reason(String);

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Reason {}

/// A whole number from `min` to `max`.
fn whole_number(text: &str, min: u64, max: u64) -> Result<u64, Reason> {
    let said = || Reason(format!("phải là một số nguyên từ {min} đến {max}"));
    let n: u64 = text.trim().parse().map_err(|_| said())?;
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(said())
    }
}

fn persons_count(text: &str) -> Result<usize, Reason> {
    Ok(whole_number(text, 1, 100_000_000)? as usize)
}

fn units_count(text: &str) -> Result<u16, Reason> {
    Ok(whole_number(text, 1, 1000)? as u16)
}

fn scale_named(text: &str) -> Result<tiepdan::exchange::generate::Scale, Reason> {
    text.parse()
        .map_err(|_| Reason("chọn một trong: ward, city, stress".into()))
}

/// Said of a period that has not begun, before its figures.
const NOT_BEGUN: &str = "Kỳ này chưa bắt đầu: chưa có số liệu.";

/// How a command's help is laid out: clap's layout with the headings in Vietnamese.
const HELP_TEMPLATE: &str = "{before-help}{about-with-newline}\n\
Cách dùng: {usage}\n\n{all-args}{after-help}";

/// The command line as clap builds it, with every word clap adds in English said in
/// Vietnamese: the headings ("Lệnh", "Tham số", "Tùy chọn"), the help and version flags,
/// and defaults. The environment variables are named in each option's own help text, so
/// clap's "[env: …]" note (which also echoes the variable's value) is not shown.
fn localised(cmd: clap::Command) -> clap::Command {
    use clap::{Arg, ArgAction};
    let is_root = cmd.get_name() == "tiepdan";
    let has_version = is_root;
    let mut cmd = cmd
        .help_template(HELP_TEMPLATE)
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .mut_args(|arg| {
            let mut arg = arg.hide_env(true);
            let named: Vec<String> = match arg.get_value_names() {
                Some(names) => names.iter().map(|n| n.to_string()).collect(),
                None if arg.get_action().takes_values() => vec![arg.get_id().to_string()],
                None => vec![],
            };
            if let [name] = named.as_slice() {
                if let Some(vietnamese) = value_name(name) {
                    arg = arg.value_name(vietnamese);
                }
            }
            if arg.is_positional() {
                arg = arg.help_heading("Tham số");
            } else {
                arg = arg.help_heading("Tùy chọn");
            }
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && !arg.is_hide_default_value_set() {
                let help = arg.get_help().map(|h| format!("{h} ")).unwrap_or_default();
                arg = arg
                    .hide_default_value(true)
                    .help(format!("{help}[mặc định: {}]", defaults.join(", ")));
            }
            arg
        })
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("In hướng dẫn này")
                .help_heading("Tùy chọn")
                .global(is_root),
        );
    if has_version {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("In số phiên bản")
                .help_heading("Tùy chọn"),
        );
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, localised);
    }
    if is_root {
        // clap's own "help" command describes itself in English; this one is read as
        // "tiepdan LỆNH … --help" (see `parse_command_line`).
        cmd = cmd.subcommand(
            clap::Command::new(HELP_COMMAND)
                .about("In hướng dẫn chung, hoặc của một lệnh (tiepdan help import)")
                .help_template(HELP_TEMPLATE)
                .disable_help_flag(true)
                .arg(
                    Arg::new("lệnh")
                        .num_args(0..)
                        .value_name("LỆNH")
                        .help("Tên lệnh, ví dụ import hoặc user add")
                        .help_heading("Tham số"),
                ),
        );
    }
    cmd
}

const HELP_COMMAND: &str = "help";

/// The placeholder shown for a value in the help and in refusals ("--to <ĐẾN_NGÀY>"), by
/// the field's name.
fn value_name(field: &str) -> Option<&'static str> {
    Some(match field.to_ascii_lowercase().as_str() {
        "as_of" => "NGÀY",
        "db" => "TỆP_SỔ",
        "file" => "TỆP",
        "from" => "TỪ_NGÀY",
        "to" => "ĐẾN_NGÀY",
        "label" => "NHÃN",
        "login" => "TÊN_ĐĂNG_NHẬP",
        "name" => "TÊN",
        "out" => "TỆP_GHI_RA",
        "period" => "KỲ",
        "persons" => "SỐ_NGƯỜI",
        "preset" => "LOẠI_KỲ",
        "report_no" => "SỐ_BÁO_CÁO",
        "roles" => "VAI_TRÒ",
        "saves" => "SỐ_LẦN",
        "scale" => "CỠ",
        "seed" => "HẠT_GIỐNG",
        "units" => "SỐ_ĐƠN_VỊ",
        "unit_name" => "TÊN_ĐƠN_VỊ",
        "until" => "NGÀY_CUỐI",
        "user" => "TÀI_KHOẢN",
        "year" => "NĂM",
        _ => return None,
    })
}

/// The command line; "tiepdan help [LỆNH …]" shows the help of those commands.
fn parse_command_line() -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let matches = localised(Cli::command()).try_get_matches()?;
    if let Some((HELP_COMMAND, asked)) = matches.subcommand() {
        let words = asked
            .get_many::<String>("lệnh")
            .into_iter()
            .flatten()
            .cloned();
        let line = std::iter::once("tiepdan".to_owned())
            .chain(words)
            .chain(std::iter::once("--help".to_owned()));
        localised(Cli::command()).try_get_matches_from(line)?;
    }
    Cli::from_arg_matches(&matches)
}

fn main() -> ExitCode {
    let cli = match parse_command_line() {
        Ok(cli) => cli,
        Err(e) => return refuse_command_line(e),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away ("tiepdan tables | head"): nothing to say to anyone.
        Err(Error::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            // Text from a file can carry terminal escapes: shown, never obeyed.
            let text = without_controls(&e.to_string());
            eprintln!("Lỗi: {text}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::write_grid;

    /// Figures of any size stay apart and under their headings (six-digit figures of a
    /// ten-year city register used to run into one another).
    #[test]
    fn a_grid_keeps_every_figure_apart_under_its_heading() {
        let rows = vec![
            ("Chủ tịch UBND", vec!["522".into(), "7".into()]),
            (
                "Công chức tiếp dân",
                vec!["163301".into(), "2193380".into()],
            ),
        ];
        let mut out = Vec::new();
        write_grid(&mut out, &["lượt", "người"], &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[2].ends_with(" 163301  2193380"), "{text}");
        assert!(lines[2].starts_with("Công chức tiếp dân  "), "{text}");
        // Each figure ends where its heading ends.
        let end = |line: &str, word: &str| {
            let at = line.find(word).unwrap();
            line[..at].chars().count() + word.chars().count()
        };
        assert_eq!(end(lines[0], "người"), end(lines[2], "2193380"), "{text}");
        assert_eq!(end(lines[0], "lượt"), end(lines[1], "522"), "{text}");
        assert_eq!(end(lines[1], " 7"), end(lines[2], "2193380"), "{text}");
    }
}
