//! The core crate's modules are layers (see `ARCHITECTURE.md`): a module may
//! use its own layer and those below it, never one above. This test reads
//! every source file under `src/` and checks each `crate::…` path in its code
//! (comments and `#[cfg(test)]` modules left out: tests may use anything).
//!
//! Run it alone with `cargo test -p jointwatch --test layers`.

use std::fs;
use std::path::{Path, PathBuf};

/// The layers from the bottom up; modules in the same rank may use each
/// other only where `SIBLINGS_ALLOWED` says so.
const LAYERS: &[(&str, u8)] = &[
    ("sort", 0),
    ("diagnostics", 0),
    ("model", 1),
    ("dataset", 2),
    ("validate", 3),
    ("analysis", 4),
    ("assess", 5),
    ("brief", 6),
    ("format", 6),
];

fn rank(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, r)| *r)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file: line comments and `#[cfg(test)]` modules removed.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if t == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|n| n.trim_start().starts_with("mod "))
        {
            // Skip the module, up to the line where its braces balance.
            let mut depth = 0i32;
            for inner in lines.by_ref() {
                depth += inner.matches('{').count() as i32 - inner.matches('}').count() as i32;
                if depth <= 0 && inner.contains('}') {
                    break;
                }
            }
            continue;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The first path segment of every `crate::` path in `code`, including each
/// name of a `crate::{a, b::c}` group.
fn crate_paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.push(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.push(name);
        }
    }
    found
}

#[test]
fn no_module_uses_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if top == "lib" {
            continue; // the root re-exports every layer
        }
        let own = rank(&top).unwrap_or_else(|| {
            panic!(
                "{}: top-level module `{top}` is in no layer; add it to LAYERS and ARCHITECTURE.md",
                rel.display()
            )
        });
        let text = fs::read_to_string(file).unwrap();
        let code = code(&text);
        if code.contains("super::super") {
            problems.push(format!(
                "{}: `super::super` hides which layer it reaches",
                rel.display()
            ));
        }
        for name in crate_paths(&code) {
            match rank(&name) {
                None => problems.push(format!(
                    "{}: `crate::{name}` goes through the crate root; name the layer's module instead",
                    rel.display()
                )),
                Some(r) if r > own || (r == own && name != top && own != 0) => {
                    problems.push(format!(
                        "{}: layer `{top}` uses `crate::{name}`, which is above it or beside it",
                        rel.display()
                    ))
                }
                Some(_) => {}
            }
        }
    }
    assert!(
        problems.is_empty(),
        "layering broken:\n{}",
        problems.join("\n")
    );
    assert!(files.len() > 30, "read only {} files", files.len());
}

#[test]
fn the_check_sees_grouped_and_plain_paths() {
    let code = code(
        "use crate::model::x;\n// crate::brief::y\nuse crate::{assess, dataset::z};\n\
         #[cfg(test)]\nmod tests {\n    fn f() { crate::brief::g() }\n}\nuse crate::format;\n",
    );
    assert_eq!(crate_paths(&code), ["model", "assess", "dataset", "format"]);
}
