//! Reading inputs: JSON documents and CSV tables, from files or standard
//! input, with the findings of a CSV table traced back to its rows.

use std::io::Read;
use std::path::Path;

use jointwatch::format::csv::{self, Imported, Table};
use jointwatch::{Dataset, Finding, Limits};

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A jointwatch JSON document.
    Json,
    /// A CSV table; `None` tells the table from the header.
    Csv(Option<Table>),
}

/// A file that could not be read at all (exit code 2).
#[derive(Debug)]
pub struct Unreadable {
    pub name: String,
    pub reason: String,
    /// For text that is not UTF-8: the finding to report (`invalid-utf8`),
    /// since the file could be read and its content is what is wrong.
    pub finding: Option<Box<Finding>>,
}

/// The text of a file, or of standard input for `-`.
pub fn read_text(path: &str) -> Result<(String, String), Unreadable> {
    let name = if path == "-" {
        "<stdin>".to_string()
    } else {
        path.to_string()
    };
    let mut bytes = Vec::new();
    let res = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    res.map_err(|e| Unreadable {
        name: name.clone(),
        reason: e.to_string(),
        finding: None,
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text)),
        Err(e) => {
            // The core words the finding (code invalid-utf8, line and column).
            let finding = Dataset::from_json_bytes(e.as_bytes(), &Limits::default())
                .err()
                .map(|p| Box::new(p.finding));
            Err(Unreadable {
                name,
                reason: format!(
                    "not UTF-8 text (invalid byte at offset {}); save the file as UTF-8",
                    e.utf8_error().valid_up_to()
                ),
                finding,
            })
        }
    }
}

/// The size of a file in bytes, for the progress bar; 0 when unknown.
pub fn size_of(path: &str) -> u64 {
    if path == "-" {
        0
    } else {
        std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
    }
}

/// What a file holds: by `table` when given, by the extension, and for
/// standard input by its first character.
pub fn kind_of(path: &str, text: &str, table: Option<Table>) -> Kind {
    if table.is_some() {
        return Kind::Csv(table);
    }
    let ext = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("csv") => Kind::Csv(None),
        Some("json") => Kind::Json,
        _ => {
            let first = text
                .trim_start_matches('\u{feff}')
                .trim_start()
                .chars()
                .next();
            if matches!(first, Some('{') | Some('[')) || first.is_none() {
                Kind::Json
            } else {
                Kind::Csv(None)
            }
        }
    }
}

/// A document read into a dataset, with what is needed to trace findings
/// back to CSV rows.
pub struct Loaded {
    pub dataset: Dataset,
    csv: Option<(Imported, usize)>,
}

impl Loaded {
    /// Adds the CSV row and line to findings on the dataset, when they point
    /// into the imported table.
    pub fn locate(&self, mut findings: Vec<Finding>) -> Vec<Finding> {
        if let Some((imported, offset)) = &self.csv {
            for f in &mut findings {
                if let Some((row, line)) = imported.row_of(&f.path, *offset) {
                    f.line = Some(line as usize);
                    f.column = None;
                    f.message = format!("row {row}: {}", f.message);
                }
            }
        }
        findings
    }
}

/// Reads a document. A CSV table's records are merged into `base` (its
/// sources, areas and scenarios are what the records may cite).
pub fn load(
    text: &str,
    kind: Kind,
    base: Option<&Dataset>,
    limits: &Limits,
) -> Result<Loaded, Vec<Finding>> {
    match kind {
        Kind::Json => Dataset::from_json_with(text, limits)
            .map(|dataset| Loaded { dataset, csv: None })
            .map_err(|e| vec![e.finding]),
        Kind::Csv(table) => {
            let imported = csv::read(text, table).map_err(|e| e.findings)?;
            let mut dataset = base.cloned().unwrap_or_default();
            let offset = imported
                .clone()
                .merge_into(&mut dataset)
                .map_err(|e| e.findings)?;
            Ok(Loaded {
                dataset,
                csv: Some((imported, offset)),
            })
        }
    }
}
