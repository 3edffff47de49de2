//! CSV import of the tables analysts keep in spreadsheets: exercises,
//! patrols, statistics, and the sources they cite.
//!
//! One file holds one table, with a header row. Which table is told by the
//! caller or, failing that, by the header: a `measure` column means
//! statistics, `kind` patrols, `reliability` sources, `name` with
//! `participants` exercises. The columns and cell syntax are documented in
//! `docs/csv.md`; [`Table::columns`] lists them in code.
//!
//! Cells hold the same values as the JSON document, written the way people
//! type them:
//!
//! - lists: `CHN;RUS` (semicolons; empty items are ignored);
//! - quantities: `669`, `90,000`, `400+` (400 or more), `>400` (over 400),
//!   `<=10`, `<10`, `4-10`, `3/5/8` (low/best/high); see [`parse_quantity`];
//! - items with details: `RUS(navy)`, `H-6K(bomber,CHN)=2`,
//!   `JPN(scramble)=4`, `CHN(significant)`.
//!
//! Import is all or nothing: a file with any bad cell imports no record,
//! and every bad cell is reported, each finding naming the row and column.
//! Header problems (an unknown or duplicated column, a missing required
//! one) are reported before any row is read. Reading does not validate: the
//! records still go through [`Dataset::validate`] like a JSON document; to
//! add them to a dataset only when they validate, pass `imported.dataset` to
//! [`Dataset::merge`].
//!
//! # Example
//! ```
//! use jointwatch::format::csv::{self, Table};
//! use jointwatch::{Code, Quantity};
//!
//! let text = "id,name,participants,domains,areas,start,end,ships\n\
//!             ocean-2024,Ocean-2024,RUS;CHN,naval,Sea of Japan,2024-09-10,2024-09-16,>400\n";
//! let imported = csv::read(text, None).unwrap();
//! assert_eq!(imported.table, Table::Exercises);
//! let e = &imported.dataset.exercises[0];
//! assert_eq!(e.areas, ["sea-of-japan"]);
//! assert_eq!(e.forces.ships, Some(Quantity::MoreThan(400.0).into()));
//!
//! let bad = "id,name,participants\nx,X,CHN;Russia\n";
//! let err = csv::read(bad, Some(Table::Exercises)).unwrap_err();
//! assert_eq!(err.findings[0].code, Code::InvalidCountryCode);
//! assert!(err.findings[0].message.starts_with("row 2, column \"participants\""));
//! ```

mod attach;
mod cells;
mod columns;
mod rows;
mod write;

use ::csv::{ReaderBuilder, StringRecord, Trim};

use crate::dataset::read::LoadError;
use crate::dataset::Dataset;
use crate::diagnostics::{Code, Finding, Severity};
use crate::model::quantity::Quantity;

pub use columns::{Column, Table, UnknownTable};
pub use write::{write, WrittenTable};

/// The code for text that is not well-formed CSV (a row with more or fewer
/// cells than the header). The core has no CSV-specific code yet, so this
/// is `invalid-value`.
const MALFORMED_CSV: Code = Code::InvalidValue;

/// A CSV file read into records.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// Which table the file held.
    pub table: Table,
    /// A dataset holding only the file's records (in the list named by
    /// `table`), in file order.
    pub dataset: Dataset,
    /// The line of the file on which each record starts, in record order
    /// (for a table that adds to records, [`Table::is_attachment`], the
    /// line of each row).
    pub lines: Vec<u64>,
    /// The rows of a table that adds to records, applied by
    /// [`Imported::merge_into`].
    attachments: Vec<rows::Attached>,
    /// Each column's name and letter, for findings on attachment rows.
    letters: Vec<(&'static str, String)>,
}

impl Imported {
    /// Appends the records to `target`, and returns the index the first of
    /// them got in its list, so that findings on the merged dataset can be
    /// traced back to rows. The rows of a table that adds to records
    /// ([`Table::is_attachment`]) are added to the records of `target` they
    /// name (and 0 is returned).
    ///
    /// # Errors
    /// For a table that adds to records: a row naming a record `target`
    /// does not hold, or a part of it (a platform, a state's forces) it does
    /// not have, or a figure both a cell and `figure-values.csv` give. Then
    /// `target` is left as it was.
    ///
    /// # Example
    /// ```
    /// use jointwatch::format::csv;
    /// let mut ds = jointwatch::seed();
    /// let text = "id,title,reliability,credibility\nmod,Japan MoD press release,B,2\n";
    /// let offset = csv::read(text, None).unwrap().merge_into(&mut ds).unwrap();
    /// assert_eq!(offset, 1);
    /// assert_eq!(ds.sources[1].id, "mod");
    ///
    /// let id = ds.exercises[0].id.clone();
    /// let links = format!("record,rel,to\n{id},related,{}\n", ds.patrols[0].id);
    /// csv::read(&links, None).unwrap().merge_into(&mut ds).unwrap();
    /// assert_eq!(ds.exercises[0].links[0].to, ds.patrols[0].id);
    /// let bad = "record,rel,to\nno-such-record,related,x\n";
    /// assert!(csv::read(bad, None).unwrap().merge_into(&mut ds).is_err());
    /// ```
    pub fn merge_into(self, target: &mut Dataset) -> Result<usize, CsvError> {
        if self.table.is_attachment() {
            let mut copy = target.clone();
            let findings = attach::apply(self.table, &self.attachments, &self.letters, &mut copy);
            return if findings.is_empty() {
                *target = copy;
                Ok(0)
            } else {
                Err(CsvError { findings })
            };
        }
        let ds = self.dataset;
        Ok(match self.table {
            Table::Exercises => {
                let n = target.exercises.len();
                target.exercises.extend(ds.exercises);
                n
            }
            Table::Patrols => {
                let n = target.patrols.len();
                target.patrols.extend(ds.patrols);
                n
            }
            Table::Statistics => {
                let n = target.statistics.len();
                target.statistics.extend(ds.statistics);
                n
            }
            Table::Sources => {
                let n = target.sources.len();
                target.sources.extend(ds.sources);
                n
            }
            Table::Incidents => {
                let n = target.incidents.len();
                target.incidents.extend(ds.incidents);
                n
            }
            Table::Activities => {
                let n = target.activities.len();
                target.activities.extend(ds.activities);
                n
            }
            _ => 0,
        })
    }

    /// The spreadsheet row (the header is row 1) and file line of the record
    /// a dataset path such as `exercises[3].dates` points to, when the path
    /// is into this table; `offset` is what [`Imported::merge_into`]
    /// returned, or 0.
    pub fn row_of(&self, path: &str, offset: usize) -> Option<(usize, u64)> {
        if self.table.is_attachment() {
            return None;
        }
        let rest = path.strip_prefix(self.table.as_str())?.strip_prefix('[')?;
        let index: usize = rest[..rest.find(']')?].parse().ok()?;
        let i = index.checked_sub(offset)?;
        self.lines.get(i).map(|line| (i + 2, *line))
    }
}

/// A CSV file was rejected; holds every finding (all errors).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "CSV rejected with {} error(s); nothing was imported{}",
    .findings.len(),
    first_finding(.findings)
)]
pub struct CsvError {
    /// What was wrong, each naming the row and column.
    pub findings: Vec<Finding>,
}

/// `; first: …` naming the first finding, or nothing.
fn first_finding(findings: &[Finding]) -> String {
    findings
        .first()
        .map(|first| format!("; first: {first}"))
        .unwrap_or_default()
}

impl From<CsvError> for LoadError {
    fn from(e: CsvError) -> Self {
        LoadError {
            findings: e.findings,
        }
    }
}

/// A cell's text does not follow the documented syntax.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SyntaxError {
    /// The code a finding about it carries.
    pub code: Code,
    /// What is wrong.
    pub message: String,
}

impl SyntaxError {
    fn new(code: Code, message: impl Into<String>) -> Self {
        SyntaxError {
            code,
            message: message.into(),
        }
    }
}

type Parsed<T> = Result<T, SyntaxError>;

/// Reads a CSV file. `table` says which table it holds; `None` tells it from
/// the header ([`Table::detect`]).
pub fn read(text: &str, table: Option<Table>) -> Result<Imported, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rdr = ReaderBuilder::new()
        .trim(Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(CsvError {
                findings: vec![whole_file(MALFORMED_CSV, e.to_string())],
            })
        }
    };
    let names: Vec<&str> = headers.iter().collect();
    let table = match table.or_else(|| Table::detect(&names)) {
        Some(t) => t,
        None => {
            return Err(CsvError {
                findings: vec![whole_file(
                    Code::MissingField,
                    "row 1: cannot tell which table the header is for; name the table \
                     (exercises, patrols, statistics, sources, incidents, activities, links, \
                     figure-values, numbering, legs, forces-by-state or claims) or add its \
                     required columns",
                )],
            })
        }
    };

    let layout = match columns::layout(table, &headers) {
        Ok(layout) => layout,
        Err(findings) => return Err(CsvError { findings }),
    };

    let letters = layout
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.map(|c| (c.name, columns::column_letter(i))))
        .collect();
    let mut findings = Vec::new();
    let mut dataset = Dataset::default();
    let mut attachments = Vec::new();
    let mut lines = Vec::new();
    let mut record = StringRecord::new();
    let mut index = 0usize;
    let (mut counted_to, mut counted_line) = (0usize, 1u64);
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                findings.push(whole_file(MALFORMED_CSV, e.to_string()));
                break;
            }
        }
        // The reader's own line count lags after blank lines, so count the
        // newlines up to the record's first byte.
        let mut start = record.position().map(|p| p.byte() as usize).unwrap_or(0);
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start > counted_to {
            counted_line += text.as_bytes()[counted_to..start]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            counted_to = start;
        }
        let line = counted_line;
        let mut row = rows::Row {
            table,
            index,
            line,
            layout: &layout,
            record: &record,
            findings: &mut findings,
            failed: false,
        };
        if table.is_attachment() {
            attachments.extend(rows::read_attachment(&mut row));
        } else {
            rows::read_into(&mut row, &mut dataset);
        }
        lines.push(line);
        index += 1;
    }
    if findings.is_empty() {
        Ok(Imported {
            table,
            dataset,
            lines,
            attachments,
            letters,
        })
    } else {
        Err(CsvError { findings })
    }
}

/// Reads a set of CSV tables, each given as its file name and text, into one
/// dataset: each table is told from its file name (`incidents.csv`,
/// `figure-values.csv`, …) or else from its header; the tables of records
/// are read first, in the order given, then the tables that add to them
/// (forces by state, legs, numbering, links, claims, and figure values
/// last). [`write()`] writes such a set.
///
/// # Errors
/// Every finding of every table, each message starting with the file name.
///
/// # Example
/// ```
/// use jointwatch::format::csv;
/// let files = [
///     ("links.csv", "record,rel,to,sources,notes\np1,follows,e1,,\n"),
///     ("exercises.csv", "id,name,participants\ne1,E1,CHN;RUS\n"),
///     ("patrols.csv", "id,kind,participants\np1,naval,CHN;RUS\n"),
/// ];
/// let ds = csv::read_tables(&files).unwrap();
/// assert_eq!(ds.patrols[0].links[0].to, "e1");
/// ```
pub fn read_tables<N: AsRef<str>, T: AsRef<str>>(files: &[(N, T)]) -> Result<Dataset, CsvError> {
    let mut findings = Vec::new();
    let mut records = Vec::new();
    let mut attachments = Vec::new();
    for (name, text) in files {
        let name = name.as_ref();
        let stem = std::path::Path::new(name)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let table = stem.parse::<Table>().ok();
        match read(text.as_ref(), table) {
            Ok(imported) if imported.table.is_attachment() => attachments.push((name, imported)),
            Ok(imported) => records.push(imported),
            Err(e) => findings.extend(in_file(name, e.findings)),
        }
    }
    if !findings.is_empty() {
        return Err(CsvError { findings });
    }
    let mut dataset = Dataset::default();
    for imported in records {
        let _ = imported.merge_into(&mut dataset);
    }
    let order = [
        Table::ForcesByState,
        Table::Legs,
        Table::Numbering,
        Table::Links,
        Table::Claims,
        Table::FigureValues,
    ];
    attachments.sort_by_key(|(_, i)| order.iter().position(|t| *t == i.table));
    for (name, imported) in attachments {
        if let Err(e) = imported.merge_into(&mut dataset) {
            findings.extend(in_file(name, e.findings));
        }
    }
    if findings.is_empty() {
        Ok(dataset)
    } else {
        Err(CsvError { findings })
    }
}

fn in_file(name: &str, findings: Vec<Finding>) -> impl Iterator<Item = Finding> + '_ {
    findings.into_iter().map(move |mut f| {
        f.message = format!("{name}: {}", f.message);
        f
    })
}

fn whole_file(code: Code, message: impl Into<String>) -> Finding {
    Finding {
        code,
        severity: Severity::Error,
        path: String::new(),
        message: message.into(),
        line: None,
        column: None,
    }
}

// ---------------------------------------------------------------------------
// Quantities: the cell syntax lives with the quantity
// (`Quantity::from_cell`, `Quantity::to_cell`).
// ---------------------------------------------------------------------------

/// Reads a quantity cell: [`Quantity::from_cell`], with the error a finding
/// about the cell carries ([`Code::InvalidQuantity`]).
///
/// | Cell | Meaning | JSON |
/// | --- | --- | --- |
/// | `669`, `90,000`, `2.5` | exactly | `669` |
/// | `9+`, `>=9`, `at least 9` | 9 or more | `{"atLeast": 9}` |
/// | `>400`, `over 400`, `more than 400` | more than 400 | `{"over": 400}` |
/// | `<=10`, `at most 10`, `up to 10` | 10 or fewer | `{"atMost": 10}` |
/// | `<10`, `under 10`, `fewer than 10`, `less than 10` | fewer than 10 | `{"under": 10}` |
/// | `4-10`, `4–10`, `4 to 10` | from 4 to 10 | `{"min": 4, "max": 10}` |
/// | `3/5/8` | low/best/high | `{"low": 3, "best": 5, "high": 8}` |
///
/// `≥` and `≤` work like `>=` and `<=`. Note that `400+` includes 400 (as
/// in "18+"); for "over 400" write `>400`.
///
/// # Example
/// ```
/// use jointwatch::format::csv::parse_quantity;
/// use jointwatch::Quantity;
/// assert_eq!(parse_quantity(">400").unwrap(), Quantity::MoreThan(400.0));
/// assert_eq!(parse_quantity("9+").unwrap(), Quantity::AtLeast(9.0));
/// assert_eq!(parse_quantity("4-10").unwrap(), Quantity::Range { min: 4.0, max: 10.0 });
/// assert_eq!(parse_quantity("90,000").unwrap(), Quantity::Exact(90000.0));
/// assert!(parse_quantity("lots").is_err());
/// ```
pub fn parse_quantity(cell: &str) -> Result<Quantity, SyntaxError> {
    Quantity::from_cell(cell).map_err(|e| SyntaxError::new(Code::InvalidQuantity, e.to_string()))
}

/// Writes a quantity in the cell syntax [`parse_quantity`] reads:
/// [`Quantity::to_cell`].
///
/// # Example
/// ```
/// use jointwatch::format::csv::{parse_quantity, quantity_cell};
/// use jointwatch::Quantity;
/// let q = Quantity::Estimate { low: 3.0, best: 5.0, high: 8.5 };
/// assert_eq!(quantity_cell(&q), "3/5/8.5");
/// assert_eq!(parse_quantity(&quantity_cell(&q)).unwrap(), q);
/// ```
pub fn quantity_cell(q: &Quantity) -> String {
    q.to_cell()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::actor::ServiceBranch;
    use crate::model::patrol::{PatrolKind, PlatformRole};
    use crate::model::period::{FiscalNaming, Period};
    use crate::model::place::Point;
    use crate::model::source::Reliability;
    use crate::model::statistic::{Category, Measure};

    fn codes(err: &CsvError) -> Vec<Code> {
        err.findings.iter().map(|f| f.code).collect()
    }

    #[test]
    fn errors_read_as_they_always_have() {
        let err = read("id,colour\nx,red\n", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "CSV rejected with 1 error(s); nothing was imported; first: {}",
                err.findings[0]
            )
        );
        let none = CsvError {
            findings: Vec::new(),
        };
        assert_eq!(
            none.to_string(),
            "CSV rejected with 0 error(s); nothing was imported"
        );
        assert_eq!(
            "maps".parse::<Table>().unwrap_err().to_string(),
            "\"maps\" is not a table; use exercises, patrols, statistics, sources, incidents, \
             activities, links, figure-values, numbering, legs, forces-by-state or claims"
        );
        let bad = parse_quantity("lots").unwrap_err();
        assert_eq!(bad.code, Code::InvalidQuantity);
        assert_eq!(
            bad.to_string(),
            "\"lots\" is not a quantity; write 669, 400+, >400, <=10, <10, 4-10 or 3/5/8 (low/best/high)"
        );
    }

    #[test]
    fn a_bad_row_imports_nothing_and_every_bad_cell_is_named() {
        let text = "id,name,participants,start,ships\n\
                    a,A,CHN;RUS,2024,10\n\
                    b,B,CHN;Russia,2024-13,lots\n\
                    c,C,CHN;RUS,2024,5\n";
        let err = read(text, None).unwrap_err();
        assert_eq!(
            codes(&err),
            [
                Code::InvalidCountryCode,
                Code::InvalidDate,
                Code::InvalidQuantity
            ]
        );
        let f = &err.findings[0];
        assert_eq!(f.path, "exercises[1].participants");
        assert_eq!(f.line, Some(3));
        assert!(
            f.message.starts_with("row 3, column \"participants\" (C):"),
            "{}",
            f.message
        );
        assert_eq!(err.findings[1].path, "exercises[1].dates");
        assert_eq!(err.findings[2].path, "exercises[1].forces.ships");
    }

    #[test]
    fn header_problems_are_reported_before_rows() {
        let text = "id,name,colour,name,# my notes\nx,X,red,X,anything\n";
        let err = read(text, Some(Table::Exercises)).unwrap_err();
        assert_eq!(
            codes(&err),
            [Code::UnknownField, Code::DuplicateKey, Code::MissingField]
        );
        assert!(err.findings[0].message.contains("column C"));
        assert!(err.findings[2].message.contains("\"participants\""));
    }

    #[test]
    fn rows_with_the_wrong_number_of_cells_are_rejected() {
        let text = "id,name,participants\nx,X,CHN,RUS\n";
        let err = read(text, None).unwrap_err();
        assert_eq!(codes(&err), [MALFORMED_CSV]);
        assert!(err.findings[0].message.contains("row 2"));
    }

    #[test]
    fn items_carry_details_and_values() {
        let text = "id,kind,participants,platforms,route,responses,adiz entered\n\
                    p9,air,CHN(airForce);RUS(aerospaceForces),\"H-6K(bomber,CHN)=2;Tu-95MS(bomber,RUS)=2;A-50(early warning)\",\"130 35; 131.5,36.25\",JPN(scramble);KOR(scramble)=4-6,jpn;KOR\n";
        let imp = read(text, None).unwrap();
        assert_eq!(imp.table, Table::Patrols);
        let p = &imp.dataset.patrols[0];
        assert_eq!(p.kind, PatrolKind::JointAirPatrol);
        assert_eq!(
            p.participants[1].branch,
            Some(ServiceBranch::AerospaceForces)
        );
        assert_eq!(p.platforms.len(), 3);
        assert_eq!(p.platforms[0].role, Some(PlatformRole::Bomber));
        assert_eq!(p.platforms[0].country, Some("CHN".parse().unwrap()));
        assert_eq!(p.platforms[0].count, Some(Quantity::Exact(2.0).into()));
        assert_eq!(p.platforms[2].role, Some(PlatformRole::EarlyWarning));
        assert_eq!(
            p.route[1],
            Point {
                lon: 131.5,
                lat: 36.25
            }
        );
        assert_eq!(
            p.responses[1].count,
            Some(Quantity::Range { min: 4.0, max: 6.0 }.into())
        );
        assert_eq!(p.adiz_entered.len(), 2);
    }

    #[test]
    fn statistics_read_periods_and_breakdowns() {
        let text = "id,label,measure,reporter,reporterCountry,period,fiscalFirstMonth,quantity,breakdown\n\
                    s,Scrambles,scrambles,Japan MoD,JPN,FY2023,4,669,CHN(significant);RUS(significant)\n\
                    t,Joint exercises,joint exercises,,,2014-2023,,4-10,\n\
                    u,Q,other,,,2024-Q3,,1,other=1\n\
                    v,M,other,,,2024-09,,1,\n";
        let imp = read(text, None).unwrap();
        let s = &imp.dataset.statistics;
        assert_eq!(
            s[0].period,
            Some(Period::FiscalYear {
                year: 2023,
                first_month: 4,
                named_by: FiscalNaming::StartYear
            })
        );
        assert_eq!(s[0].breakdown[0].qualifier.as_deref(), Some("significant"));
        assert_eq!(s[1].measure, Measure::JointExercises);
        assert_eq!(
            s[1].period,
            Some(Period::Years {
                start: 2014,
                end: 2023
            })
        );
        assert_eq!(
            s[2].period,
            Some(Period::Quarter {
                year: 2024,
                quarter: 3
            })
        );
        assert_eq!(s[2].breakdown[0].category, Category::Other);
        assert_eq!(
            s[3].period,
            Some(Period::Month {
                year: 2024,
                month: 9
            })
        );
    }

    #[test]
    fn statistics_read_fiscal_quarters_halves_and_spans_of_months() {
        let text = "id,label,measure,period,fiscalFirstMonth,fiscalNamedBy,quantity\n\
                    a,S,scrambles,FY2024Q1,4,,200\n\
                    b,S,scrambles,fy2024 h2,4,,300\n\
                    c,S,scrambles,FY2024-Q4,10,end,100\n\
                    d,S,scrambles,2024-04..2024-12,,,500\n\
                    e,S,scrambles,2024-04 to 2024-12,,,500\n\
                    f,S,scrambles,2024-04–2024-12,,,500\n\
                    g,S,other,2014 to 2023,,,1\n\
                    h,S,scrambles,FY2024Q0,4,,1\n";
        let imp = read(text, None).unwrap();
        let p: Vec<String> = imp
            .dataset
            .statistics
            .iter()
            .map(|s| s.period.unwrap().to_string())
            .collect();
        assert_eq!(
            p,
            [
                "FY2024 Q1",
                "FY2024 H2",
                "FY2024 Q4",
                "2024-04–2024-12",
                "2024-04–2024-12",
                "2024-04–2024-12",
                "2014–2023",
                "FY2024 Q0",
            ]
        );
        let s = &imp.dataset.statistics;
        assert_eq!(
            s[2].period,
            Some(Period::FiscalQuarter {
                year: 2024,
                quarter: 4,
                first_month: 10,
                named_by: FiscalNaming::EndYear
            })
        );
        assert_eq!(
            s[3].period.unwrap().first_day(),
            Some(jiff::civil::date(2024, 4, 1))
        );
        // A quarter 0 reads; validation reports it (`invalid-period`).
        assert!(!s[7].period.unwrap().is_well_formed());
        for bad in [
            "FY2024Q",
            "FY2024X1",
            "FY2024Q1x",
            "2024-04..2024",
            "2024-4..2024-12",
        ] {
            let text = format!(
                "id,label,measure,period,fiscalFirstMonth,quantity\ns,S,scrambles,{bad},4,1\n"
            );
            let err = read(&text, None).unwrap_err();
            assert_eq!(codes(&err), [Code::InvalidPeriod], "{bad}");
        }
        let text = "id,label,measure,period,quantity\ns,S,scrambles,FY2024H1,1\n";
        assert_eq!(codes(&read(text, None).unwrap_err()), [Code::MissingField]);
        let text = "id,label,measure,period,fiscalFirstMonth,quantity\ns,S,scrambles,2024-04..2024-12,4,1\n";
        assert_eq!(codes(&read(text, None).unwrap_err()), [Code::InvalidPeriod]);
    }

    #[test]
    fn a_fiscal_year_needs_its_first_month() {
        let text = "id,label,measure,period,quantity\ns,S,scrambles,FY2023,669\n";
        let err = read(text, None).unwrap_err();
        assert_eq!(codes(&err), [Code::MissingField]);
        assert!(err.findings[0].message.contains("fiscalFirstMonth"));
    }

    #[test]
    fn sources_read_their_grading() {
        let text = "id,title,reliability,credibility\nmod,MoD,b,2\nbad,Bad,G,7\n";
        let err = read(text, None).unwrap_err();
        assert_eq!(codes(&err), [Code::InvalidGrade, Code::InvalidGrade]);
        let ok = read("id,title,reliability,credibility\nmod,MoD,b,2\n", None).unwrap();
        assert_eq!(ok.dataset.sources[0].reliability, Reliability::B);
    }

    #[test]
    fn unknown_words_list_the_choices() {
        let text = "id,name,participants,domains\nx,X,CHN;RUS,naval;underwater\n";
        let err = read(text, None).unwrap_err();
        assert_eq!(codes(&err), [Code::UnknownVariant]);
        assert!(err.findings[0].message.contains("antiSubmarine"));
    }

    #[test]
    fn the_header_tells_the_table() {
        let err = read("id,colour\nx,red\n", None).unwrap_err();
        assert_eq!(codes(&err), [Code::MissingField]);
        assert_eq!("Patrol".parse::<Table>().unwrap(), Table::Patrols);
        assert!("maps".parse::<Table>().is_err());
    }

    #[test]
    fn breakdown_words_that_would_break_the_list_are_refused() {
        // Each item reads back alone, but `;` or an unpaired `[` in the words
        // would split the list cell or swallow the next item (found by the
        // round-trip property test).
        for words in ["a [b", "a; b"] {
            let doc = serde_json::json!({
                "formatVersion": "2.0",
                "statistics": [{
                    "id": "s", "label": "x", "measure": "scrambles",
                    "period": {"type": "calendarYear", "year": 2023},
                    "quantity": 7,
                    "breakdown": [
                        {"category": "RUS", "quantity": 3, "qualifier": words},
                        {"category": "CHN", "quantity": 4}
                    ]
                }]
            });
            let ds: crate::Dataset = serde_json::from_value(doc).unwrap();
            let err = super::write(&ds).unwrap_err();
            assert!(
                err.findings
                    .iter()
                    .any(|f| f.path == "statistics[0].breakdown[0].qualifier"),
                "{words:?}: {err}"
            );
        }
    }

    #[test]
    fn rows_map_back_from_paths() {
        let text = "id,name,participants\na,A,CHN;RUS\n\nb,B,\"CHN;\nRUS\"\nc,C,CHN;RUS\n";
        let imp = read(text, None).unwrap();
        assert_eq!(imp.lines, [2, 4, 6]);
        assert_eq!(imp.row_of("exercises[2].dates", 0), Some((4, 6)));
        assert_eq!(imp.row_of("exercises[3].dates", 1), Some((4, 6)));
        assert_eq!(imp.row_of("patrols[0]", 0), None);
    }
}
